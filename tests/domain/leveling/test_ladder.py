from datetime import date

import pytest

from fikadesk.domain.leveling.ladder import (
    STATUS_RULE_TEXT,
    DimensionDelta,
    Expectation,
    ExpectationEvidence,
    Ladder,
    Level,
    compare_levels,
    expectation_status,
    normalize_expectation_text,
    order_gaps_first,
    readiness_percent,
)

TODAY = date(2026, 6, 15)


def _ladder() -> Ladder:
    return Ladder(
        "Engineering",
        (
            Level(
                "Engineer",
                "Ships features.",
                (
                    Expectation("Scope", "Owns features end to end."),
                    Expectation("Impact", "Ships work that customers use"),
                    Expectation("Craft", "Writes clear, tested code"),
                ),
            ),
            Level(
                "Senior Engineer",
                "",
                (
                    Expectation("Scope", "Owns features end-to-end"),
                    Expectation("Scope", "Leads projects across a team"),
                    Expectation("Collaboration", "Mentors other engineers"),
                    Expectation("Impact", "Ships work that customers use."),
                    Expectation("Craft", "writes clear tested code!"),
                ),
            ),
        ),
    )


def test_dataclasses_strip_and_validate() -> None:
    assert Expectation("  Scope ", " text ") == Expectation("Scope", "text")
    with pytest.raises(ValueError, match="dimension"):
        Expectation(" ", "text")
    with pytest.raises(ValueError, match="expectation text"):
        Expectation("Scope", "")
    with pytest.raises(ValueError, match="level name"):
        Level("  ")
    with pytest.raises(ValueError, match="two levels are called 'l1'"):
        Ladder("x", (Level("L1"), Level("l1")))


def test_dimensions_in_order_of_first_appearance() -> None:
    ladder = _ladder()
    assert ladder.dimensions == ("Scope", "Impact", "Craft", "Collaboration")
    assert ladder.levels[1].dimensions == ("Scope", "Collaboration", "Impact", "Craft")
    assert ladder.levels[1].expectations_for("scope") == (
        Expectation("Scope", "Owns features end-to-end"),
        Expectation("Scope", "Leads projects across a team"),
    )


def test_level_lookup_is_case_insensitive() -> None:
    ladder = _ladder()
    assert ladder.find_level("  senior ENGINEER ") is ladder.levels[1]
    assert ladder.find_level("Staff") is None
    assert ladder.level("engineer").name == "Engineer"
    assert ladder.index_of("SENIOR ENGINEER") == 1
    assert ladder.next_level("engineer") is ladder.levels[1]
    assert ladder.next_level("senior engineer") is None
    with pytest.raises(KeyError, match="no level called 'Staff'"):
        ladder.level("Staff")


def _ev(count: int, starred: int, latest: date | None, months: int,
        dimension: str = "Scope", text: str = "x") -> ExpectationEvidence:
    return ExpectationEvidence(Expectation(dimension, text), count, starred, latest, months)


@pytest.mark.parametrize(
    ("count", "starred", "latest", "months", "expected"),
    [
        (0, 0, None, 0, "none"),
        (1, 1, date(2026, 6, 1), 1, "emerging"),
        (3, 1, date(2026, 6, 1), 2, "consistent"),
        (3, 0, date(2026, 6, 1), 2, "emerging"),  # nothing starred
        (3, 1, date(2026, 6, 1), 1, "emerging"),  # all in one month
        (2, 2, date(2026, 6, 1), 2, "emerging"),  # too few entries
        (5, 2, date(2025, 6, 15), 3, "consistent"),  # exactly 365 days old
        (5, 2, date(2025, 6, 14), 3, "emerging"),  # stale
    ],
)
def test_expectation_status(count: int, starred: int, latest: date | None, months: int,
                            expected: str) -> None:
    assert expectation_status(_ev(count, starred, latest, months), today=TODAY) == expected


def test_evidence_rejects_impossible_counts() -> None:
    with pytest.raises(ValueError, match="more starred"):
        _ev(1, 2, TODAY, 1)
    with pytest.raises(ValueError, match="distinct months"):
        _ev(1, 0, TODAY, 2)
    with pytest.raises(ValueError, match="latest"):
        _ev(1, 0, None, 1)
    with pytest.raises(ValueError, match="negative"):
        _ev(-1, 0, None, 0)


def test_rule_text_states_the_thresholds() -> None:
    assert "at least 3 linked entries" in STATUS_RULE_TEXT
    assert "at least 1 of them starred" in STATUS_RULE_TEXT
    assert "2 or more different months" in STATUS_RULE_TEXT
    assert "last 12 months" in STATUS_RULE_TEXT


def test_readiness_weighs_dimensions_equally() -> None:
    consistent = (3, 1, date(2026, 5, 1), 2)
    items = [
        _ev(*consistent, dimension="Scope", text="a"),
        _ev(0, 0, None, 0, dimension="Scope", text="b"),
        _ev(0, 0, None, 0, dimension="Scope", text="c"),
        _ev(0, 0, None, 0, dimension="Scope", text="d"),
        _ev(1, 0, date(2026, 5, 1), 1, dimension="Impact", text="e"),
    ]
    # Scope: 1/4 = 0.25; Impact: 0.5 -> (0.25 + 0.5) / 2 = 37.5 -> 38
    assert readiness_percent(items, today=TODAY) == 38
    assert readiness_percent([], today=TODAY) == 0
    assert readiness_percent([_ev(*consistent)], today=TODAY) == 100


def test_gaps_come_first_and_ladder_order_is_kept() -> None:
    a = _ev(3, 1, date(2026, 5, 1), 2, text="a")
    b = _ev(0, 0, None, 0, text="b")
    c = _ev(1, 0, date(2026, 5, 1), 1, text="c")
    d = _ev(0, 0, None, 0, text="d")
    ordered = order_gaps_first([a, b, c, d], today=TODAY)
    assert [item.expectation.text for item in ordered] == ["b", "d", "c", "a"]


def test_normalize_expectation_text() -> None:
    assert normalize_expectation_text("  Writes CLEAR, tested code!! ") == (
        "writes clear tested code")


def test_compare_levels_lists_what_is_new_per_dimension() -> None:
    deltas = compare_levels(_ladder(), "engineer", "Senior Engineer")
    assert deltas == (
        DimensionDelta("Scope", (Expectation("Scope", "Leads projects across a team"),)),
        DimensionDelta("Collaboration", (Expectation("Collaboration", "Mentors other engineers"),)),
    )


def test_compare_levels_threshold_keeps_real_rewording() -> None:
    ladder = Ladder(
        "x",
        (
            Level("A", "", (Expectation("Scope", "Owns a feature"),)),
            Level("B", "", (Expectation("Scope", "Owns a product area"),
                            Expectation("Impact", "Owns a feature."))),
        ),
    )
    # "owns a feature" moved dimension: still not new; "owns a product area" is new.
    assert compare_levels(ladder, "A", "B") == (
        DimensionDelta("Scope", (Expectation("Scope", "Owns a product area"),)),
    )
    assert compare_levels(ladder, "B", "A") == ()
    with pytest.raises(KeyError):
        compare_levels(ladder, "A", "Z")
