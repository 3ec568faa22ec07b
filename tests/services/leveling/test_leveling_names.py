"""Two ladders never share a name, so the ladder list always tells them apart."""

from __future__ import annotations

import pytest

from fikadesk.domain.leveling.importing.importer import parse_ladder_text
from fikadesk.domain.leveling.stored import LevelingError
from fikadesk.services.container import Services

TINY = "# Acme\n\n## One\n\n- **Craft:** Writes code.\n\n## Two\n\n- **Craft:** Reviews code.\n"


def test_importing_a_ladder_again_gives_it_a_name_of_its_own(services: Services) -> None:
    leveling = services.leveling
    found = parse_ladder_text(TINY, filename="acme.md")
    ids = [leveling.import_ladder(found) for _ in range(3)]
    assert [s.name for s in leveling.list_ladders()] == ["Acme", "Acme (2)", "Acme (3)"]
    assert [s.id for s in leveling.list_ladders()] == ids


def test_renaming_to_a_name_in_use_is_refused(services: Services) -> None:
    leveling = services.leveling
    first = leveling.import_ladder(parse_ladder_text(TINY, filename="acme.md"))
    second = leveling.import_ladder(parse_ladder_text(TINY.replace("# Acme", "# Globex"),
                                                      filename="globex.md"))
    with pytest.raises(LevelingError, match="another ladder is already called 'Acme'"):
        leveling.rename_ladder(second, " acme ")
    leveling.rename_ladder(first, "acme")  # its own name in another case is fine
    assert [s.name for s in leveling.list_ladders()] == ["acme", "Globex"]
