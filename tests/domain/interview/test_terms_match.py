"""Tests for finding a job's key terms in an answer: word forms, phrases and their head words."""

import pytest

from fikadesk.domain.interview.coach import coach
from fikadesk.domain.interview.terms import Coverage, KeyTerm, term_coverage, term_spans

ANY_LENGTH = {"aspiration": (0.0, 1000.0), "story": (0.0, 1000.0)}


def said(term: str, text: str) -> list[str]:
    return [text[s:e] for s, e in term_spans(term, text)]


def test_issue_20_phrasings_touch_the_terms() -> None:
    text = "Last year I led two cross-team projects and moved our ledger services to a new database."
    assert said("cross-team initiatives", text) == ["cross-team projects"]
    assert said("ledger systems", text) == ["ledger services"]
    terms = ["cross-team initiatives", "ledger systems", "incident response"]
    assert term_coverage(terms, [text]) == Coverage(
        ("cross-team initiatives", "ledger systems"), ("incident response",)
    )


@pytest.mark.parametrize(
    ("term", "text", "expected"),
    [
        ("dimensional modelling", "I built dimensional models of sales.", ["dimensional models"]),
        ("event sourcing", "an event-sourced ledger", ["event-sourced"]),
        ("mentoring", "I mentor two juniors.", ["mentor"]),
        ("design reviews", "I run the design review for each service.", ["design review"]),
        ("segment customers", "I split our customers into segments.", ["customers into segments"]),
        ("success metrics", "we agreed the metrics for success first", ["metrics for success"]),
        ("ranking models", "I trained the model that ranks results.", ["model that ranks"]),
        ("on-call", "I am on call one week in four.", ["on call"]),
        ("postmortems", "I wrote the post-mortem.", ["post-mortem"]),
        ("SLOs", "We set an SLO per team.", ["SLO"]),
        ("Google Analytics 4", "tracked in Google Analytics weekly", ["Google Analytics"]),
        ("infrastructure as code", "all infrastructure is code now", ["infrastructure is code"]),
    ],
)
def test_word_forms_and_phrases(term: str, text: str, expected: list[str]) -> None:
    assert said(term, text) == expected


def test_a_phrase_does_not_match_across_sentences_or_far_apart() -> None:
    assert said("release management", "It was a tough release. I had to manage two people.") == []
    assert said("release management", "a release of our app, where I had to manage customers") == []
    assert said("test automation", "I was tested by a tough release.") == []


def test_a_generic_last_word_stands_in_only_for_another_generic_word() -> None:
    assert said("payment systems", "our payments platform") == ["payments platform"]
    assert said("design system", "our design review") == []
    assert said("design system", "I added components to our design system.") == ["design system"]


def test_tool_named_by_an_english_word_needs_its_capital() -> None:
    assert said("Go", "I want to go on to lead a team.") == []
    assert said("Go", "I rewrote the service in Go.") == ["Go"]
    assert said("go", "I want to go on") == ["go"]


def test_key_term_objects_and_empty_terms() -> None:
    assert said("", "anything") == []
    assert term_spans(KeyTerm("ledger systems", 1.0, "skill"), "the ledger service") == [(4, 18)]


def test_fixed_answer_is_no_longer_unrelated_to_the_role() -> None:
    terms = [KeyTerm(t, 1.0, "responsibility") for t in
             ("cross-team initiatives", "ledger systems", "event sourcing", "Kafka")]
    text = ("Right now I want to keep improving our ledger services. In a few years I'd lead "
            "cross-team projects on payments. Eventually I'd become a staff engineer.")
    codes = [f.code for f in coach(text, kind="aspiration", key_terms=terms, ranges=ANY_LENGTH)]
    assert "unrelated_to_role" not in codes
    off = "Right now I want to learn. In a few years I'd lead a team. Eventually I'd be a manager."
    codes = [f.code for f in coach(off, kind="aspiration", key_terms=terms, ranges=ANY_LENGTH)]
    assert "unrelated_to_role" in codes
