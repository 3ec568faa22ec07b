"""The link suggester: which expectations a win's words point to, and when it says nothing."""

from __future__ import annotations

from pathlib import Path

from fikadesk.domain.leveling.importing.importer import parse_ladder_files
from fikadesk.domain.leveling.stored import StoredExpectation
from fikadesk.domain.leveling.suggest import LinkSuggester, suggestions_for, terms, win_text

LEVEL = (
    StoredExpectation(1, "Leadership", "Mentors one or more engineers and leaves them able to "
                      "do more on their own."),
    StoredExpectation(2, "Impact", "Spots risks in systems before they become incidents and "
                      "gets them fixed."),
    StoredExpectation(3, "Decisions", "Owns the technical design of a project and gets buy-in "
                      "from the people it affects."),
    StoredExpectation(4, "Collaboration", "Works with product and design to trade scope "
                      "against time and quality."),
)

# Word weights come from the whole ladder, as in the app.
LADDER = parse_ladder_files([Path(__file__).resolve().parents[3] / "resources" / "ladders"
                             / "software-engineer.md"]).ladder
CORPUS = [ex.text for level in LADDER.levels for ex in level.expectations]


def test_terms_are_stemmed_and_marked_with_their_family() -> None:
    assert sorted(terms("Mentoring the new hires")) == ["hire", "mentor", "~hiring", "~mentor",
                                                       "~mentor"]


def test_a_win_ranks_the_expectation_it_shows_first() -> None:
    ranked = LinkSuggester(LEVEL, CORPUS).rank(win_text("Mentored Ravi on the deploy tooling", "", ""))
    assert [s.expectation.id for s in ranked] == [1]
    assert ranked[0].because == ("mentor",)


def test_nothing_is_suggested_when_no_word_fits() -> None:
    assert LinkSuggester(LEVEL, CORPUS).rank(win_text("Bought cake", "", "")) == []
    assert LinkSuggester((), CORPUS).rank("Mentored Ravi") == []


def test_suggestions_for_leaves_out_the_links_a_win_already_has() -> None:
    suggester = LinkSuggester(LEVEL, CORPUS)
    text = win_text("Design review", "Mentored Ravi through his first design doc", "")
    first = [s.expectation.id for s in suggestions_for(suggester, text)]
    assert len(first) >= 2 and {1, 3} <= set(first)
    rest = [s.expectation.id for s in suggestions_for(suggester, text, exclude=[first[0]])]
    assert rest[: len(first) - 1] == first[1:]


def test_a_small_company_ladder_still_gets_suggestions() -> None:
    corpus = ["Tasks inside one component.", "Writes tests for own code.",
              "Projects that span several teams.", "Sets the testing approach for the team.",
              "Runs one-on-ones with every report."]
    level = (StoredExpectation(3, "Scope", "Projects that span several teams."),
             StoredExpectation(4, "Craft", "Sets the testing approach for the team."))
    suggester = LinkSuggester(level, corpus)
    assert [s.expectation.id for s in suggester.rank("Led a project that spanned four teams")] == [3]
    assert [s.expectation.id for s in suggester.rank("Set the testing approach for payments")] == [4]
    assert suggester.rank("Bought cake for the team") == []  # 'team' alone is still no reason
