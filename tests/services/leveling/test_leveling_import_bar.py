"""A reading below the bar is never saved unless the person accepted it in the preview."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from fikadesk.domain.leveling.importing.importer import parse_ladder_files
from fikadesk.domain.leveling.stored import LevelingError
from fikadesk.services.container import Services

SHAPES = Path(__file__).resolve().parents[2] / "data" / "ladders" / "shapes"


def test_below_the_bar_is_refused_then_saved_once_accepted(services: Services) -> None:
    found = parse_ladder_files([SHAPES / "advice_only.md"])
    assert found.below_bar
    with pytest.raises(LevelingError) as caught:
        services.leveling.import_ladder(found)
    assert str(caught.value).startswith(
        "ladder 'Preparing for your review' was not saved: the best reading found 3 levels")
    assert services.leveling.list_ladders() == []
    ladder_id = services.leveling.import_ladder(replace(found, accepted=True))
    assert [(s.id, s.level_count) for s in services.leveling.list_ladders()] == [(ladder_id, 3)]


def test_repeated_expectations_are_saved_on_every_level_that_states_them(
        services: Services) -> None:
    found = parse_ladder_files([SHAPES / "title_picture_links.md"])
    stored = services.leveling.get_ladder(services.leveling.import_ladder(found))
    reach = [[e.text for e in lv.expectations if e.dimension == "Reach"] for lv in stored.levels]
    assert reach == [["works inside one data domain"], ["works inside one data domain"],
                     ["changes how several domains share data"]]
