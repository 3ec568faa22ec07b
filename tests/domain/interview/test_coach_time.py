"""Tests for the time-expression grammar that places horizons as now, next or future."""

from fikadesk.domain.interview.coach import coach
from fikadesk.domain.interview.coach_time import horizons, part_of, parts


def spans(text: str) -> list[tuple[str, float, str]]:
    """(matched text, years rounded to 2 places, part) for each horizon."""
    return [(text[h.start : h.end], round(h.years, 2), h.part) for h in horizons(text)]


def test_preposition_quantity_and_unit_with_number_words() -> None:
    assert spans("After two, three years I design services.") == [("After two, three years", 3, "next")]
    assert spans("within eighteen months") == [("within eighteen months", 1.5, "next")]
    assert spans("after four years I will") == [("after four years", 4, "next")]
    assert spans("in 2 to 3 years") == [("in 2 to 3 years", 3, "next")]
    assert spans("in a year or two") == [("in a year or two", 2, "next")]
    assert spans("In five to ten years") == [("In five to ten years", 10, "future")]


def test_next_or_first_without_preposition_and_tails() -> None:
    assert spans("Next few years it's about") == [("Next few years", 3, "next")]
    assert spans("First six months, I learn") == [("First six months", 0.5, "now")]
    assert spans("Two, three years from now I") == [("Two, three years from now", 3, "next")]


def test_a_bare_quantity_is_no_horizon() -> None:
    assert horizons("I spent eight years teaching a team of twenty people.") == ()
    assert horizons("over the last three years") == ()
    assert horizons("year 2024 was good") == ()


def test_ordinal_years_and_months() -> None:
    assert spans("In year one I will") == [("year one", 0.5, "now")]
    assert spans("end of year four, manager") == [("end of year four", 4, "next")]
    assert spans("third year I join the board") == [("third year", 2.5, "next")]
    assert spans("Month seven, I take over") == [("Month seven", 0.58, "now")]


def test_term_run_future_and_period_words() -> None:
    assert spans("In the longer run I") == [("In the longer run", 10, "future")]
    assert spans("In the middle term I") == [("In the middle term", 3, "next")]
    assert spans("Over the longer period I") == [("Over the longer period", 10, "future")]
    assert spans("In the far future I") == [("In the far future", 10, "future")]
    assert spans("For the long time, my") == [("For the long time", 10, "future")]
    assert spans("straight away I learn") == [("straight away", 0.5, "now")]


def test_part_boundaries() -> None:
    assert [part_of(y) for y in (0.9, 1.0, 4.9, 5.0)] == ["now", "next", "next", "future"]


def test_furthest_of_a_chain_of_next_steps_is_the_future_part() -> None:
    assert parts("After two years I move to ICU, and after four years I lead it.") == {"next", "future"}
    assert parts("After four years I lead it, and after two years I move.") == {"next"}
    assert parts("In two years I lead it.") == {"next"}


def test_coach_uses_the_grammar_for_structure() -> None:
    text = ("Straight away I'd learn Kotlin and the payments API. After two, three years I'd lead "
            "the payments team. In the far future I'd shape the Android platform.")
    assert coach(text, kind="aspiration", ranges={"aspiration": (0.0, 1000.0)}) == []
