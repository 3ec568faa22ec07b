"""Pairing the expectations of two levels: by dimension, then by wording, with the change."""

from __future__ import annotations

from pathlib import Path

import pytest

from fikadesk.domain.leveling.compare import (
    ExpectationChange,
    content_stems,
    describe_change,
    pair_levels,
    word_share,
)
from fikadesk.domain.leveling.importing.importer import parse_ladder_files
from fikadesk.domain.leveling.ladder import Expectation, Ladder, Level

LADDERS = Path(__file__).resolve().parents[3] / "resources" / "ladders"
BUNDLED = sorted(p for p in LADDERS.glob("*.md") if p.name != "README.md")


def _engineer() -> Ladder:
    return parse_ladder_files([LADDERS / "software-engineer.md"]).ladder


def test_words_are_compared_by_stem_without_small_words() -> None:
    assert content_stems("Ships the features customers use") == {"ship", "featur", "custom", "use"}
    assert word_share("Leads projects", "Led a project") == pytest.approx(0.5)
    assert word_share("", "anything") == 0.0


def test_change_names_only_the_words_that_differ() -> None:
    assert describe_change("Owns features for the team.", "Owns a team's systems for the team.") == (
        "features → team's systems")
    assert describe_change("Reviews code.", "Reviews code and designs.") == "+ designs"
    assert describe_change("Reviews code carefully.", "Reviews code.") == "\u2212 carefully"
    # a capital that only starts the sentence is dropped; an acronym keeps its capitals
    assert describe_change("Ships features to users.", "Delivers projects to users.") == (
        "ships features → delivers projects")
    assert describe_change("SQL reports.", "API reports.") == "SQL → API"
    assert describe_change("Owns the project.", "owns projects") == ""
    assert describe_change("Writes tests.", "Leads people.") == ""  # nothing shared: no diff
    # a shared "and" does not hide the shared "incidents" further on
    assert describe_change(
        "Takes part in on-call and resolves common incidents with the runbook.",
        "Spots risks in systems before they become incidents and gets them fixed.") == (
        "takes part in on-call and resolves common → spots risks in systems before they become; "
        "runbook → gets them fixed")


def test_engineer_ii_to_senior_pairs_by_dimension_then_wording() -> None:
    changes = pair_levels(_engineer(), "Engineer II", "Senior Engineer")
    assert [(c.expectation.dimension, c.kind, c.was.text if c.was else None) for c in changes] == [
        ("Scope", "changed",
         "Features or small projects that touch a few components, lasting a few weeks."),
        ("Scope", "new", None),
        ("Autonomy", "changed",
         "Works independently on features; needs direction only when a problem is vague."),
        ("Decisions", "changed",
         "Chooses the design within a feature and writes down the trade-offs taken."),
        ("Decisions", "new", None),
        ("Impact", "changed",
         "Ships features that customers use and keeps them healthy after release."),
        ("Impact", "changed",
         "Takes part in on-call and resolves common incidents with the runbook."),
        ("Leadership", "new", None),
        ("Collaboration", "changed",
         "Reviews teammates' code carefully and helps newer engineers get unstuck."),
        ("Craft", "changed",
         "Writes code that others can change easily; adds the monitoring a feature needs."),
    ]
    scope = changes[0]
    assert scope.change == ("\u2212 features or small; touch a few components, lasting a few "
                            "weeks → span a team's systems and take one or more months")
    assert changes[3].change == ("chooses → owns the technical; within a feature and writes down "
                                 "the trade-offs taken → project and gets buy-in from the people "
                                 "it affects")


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.stem)
def test_every_shared_dimension_pairs_on_every_bundled_ladder(path: Path) -> None:
    """Each dimension on both levels pairs as many expectations as the smaller side holds;
    only what a level adds beyond that (or a dimension the lower level lacks) is new."""
    ladder = parse_ladder_files([path]).ladder
    names = ladder.level_names
    assert len(names) >= 4
    for lower_name, upper_name in zip(names, names[1:], strict=False):
        lower, upper = ladder.level(lower_name), ladder.level(upper_name)
        changes = pair_levels(ladder, lower_name, upper_name)
        assert [c.expectation for c in changes] == list(upper.expectations)
        for dimension in upper.dimensions:
            kinds = [c.kind for c in changes if c.expectation.dimension == dimension]
            paired = min(len(kinds), len(lower.expectations_for(dimension)))
            assert kinds.count("changed") + kinds.count("same") == paired, (
                lower_name, upper_name, dimension)
        news = [c for c in changes if c.kind == "new"]
        assert len(news) * 2 < len(changes), (lower_name, upper_name)
        for change in changes:
            if change.kind == "changed":
                assert change.was is not None and change.was in lower.expectations
                shared = content_stems(change.was.text) & content_stems(change.expectation.text)
                # a diff only around shared words; reworded throughout, the older wording shows
                assert bool(shared) == bool(change.change), (upper_name, change.expectation.text)


def test_same_wording_is_same_in_any_dimension_and_unknown_levels_fail() -> None:
    ladder = Ladder("x", (
        Level("A", "", (Expectation("Scope", "Owns a feature"),
                        Expectation("Craft", "Writes tests for what it ships"))),
        Level("B", "", (Expectation("Impact", "Owns a feature."),
                        Expectation("Craft", "Writes tests that catch real regressions"),
                        Expectation("Leadership", "Runs the hiring loop for the team"))),
    ))
    assert pair_levels(ladder, "A", "B") == (
        ExpectationChange(Expectation("Impact", "Owns a feature."), "same",
                          Expectation("Scope", "Owns a feature")),
        ExpectationChange(Expectation("Craft", "Writes tests that catch real regressions"),
                          "changed", Expectation("Craft", "Writes tests for what it ships"),
                          "ships → catch real regressions"),
        ExpectationChange(Expectation("Leadership", "Runs the hiring loop for the team"), "new"),
    )
    with pytest.raises(KeyError):
        pair_levels(ladder, "A", "Z")
