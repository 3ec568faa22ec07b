"""Tests for key-term extraction and term coverage."""

from fikadesk.domain.interview_terms import (
    Coverage,
    KeyTerm,
    extract_key_terms,
    stem,
    term_coverage,
    term_spans,
    tokenize,
)

JOB = """Marketing Analyst
Join our growth team as a marketing analyst.

What you'll do
- Build campaign analytics dashboards for the marketing team
- Run A/B tests on email campaigns
- Report campaign analytics to stakeholders every week

Requirements
- SQL and Python
- Experience with HubSpot or Salesforce
- Solid statistics and A/B tests
"""


def test_stem_folds_plurals_ing_ed_and_possessives() -> None:
    assert [stem(w) for w in ("tests", "testing", "tested", "test")] == ["test"] * 4
    assert [stem(w) for w in ("manage", "managed", "managing")] == ["manag"] * 3
    assert [stem(w) for w in ("running", "planning", "stories", "APIs", "team's")] == [
        "run",
        "plan",
        "story",
        "api",
        "team",
    ]
    assert [stem(w) for w in ("process", "status", "analysis", "sql")] == [
        "process",
        "status",
        "analysis",
        "sql",
    ]


def test_tokenize_keeps_tech_tokens_and_offsets() -> None:
    assert tokenize("C++, node.js and CI/CD.") == [
        ("C++", 0, 3),
        ("node.js", 5, 12),
        ("and", 13, 16),
        ("CI/CD", 17, 22),
    ]


def test_tokenize_keeps_accented_letters_inside_words() -> None:
    assert [w for w, _, _ in tokenize("open a café in Malmö, naïvely")] == [
        "open", "a", "café", "in", "Malmö", "naïvely"
    ]


def test_extract_key_terms_ranks_phrases_from_bullets() -> None:
    assert extract_key_terms(JOB, top_n=8) == (
        KeyTerm("a/b tests", 1.0, "skill"),
        KeyTerm("campaign analytics", 1.0, "skill"),
        KeyTerm("marketing analyst", 0.75, "other"),
        KeyTerm("analytics dashboards", 0.5, "skill"),
        KeyTerm("email campaigns", 0.5, "responsibility"),
        KeyTerm("hubspot", 0.333, "skill"),
        KeyTerm("python", 0.333, "skill"),
        KeyTerm("salesforce", 0.333, "skill"),
    )


def test_extract_key_terms_drops_stop_and_job_ad_words() -> None:
    terms = {t.term for t in extract_key_terms(JOB, top_n=50)}
    assert not terms & {"experience", "join", "team", "and", "what", "solid", "build", "every"}
    assert "sql" in terms


def test_extract_key_terms_empty_and_prose_only() -> None:
    assert extract_key_terms("") == ()
    assert extract_key_terms("We build robots. Robots need care.", top_n=2) == (
        KeyTerm("robots", 1.0, "other"),
        KeyTerm("care", 0.5, "other"),
    )


def test_term_spans_match_stems_word_by_word() -> None:
    text = "Our Design Systems team ran usability tests."
    assert term_spans("design system", text) == [(4, 18)]
    assert term_spans(KeyTerm("usability testing", 1.0, "skill"), text) == [(28, 43)]
    assert term_spans("", text) == []


def test_term_coverage_keeps_given_order() -> None:
    terms: list[KeyTerm | str] = [KeyTerm("a/b tests", 1.0, "skill"), "hubspot", "email campaigns", "sql"]
    texts = ["I ran weekly A/B test reports in HubSpot.", "Wrote SQL daily"]
    assert term_coverage(terms, texts) == Coverage(
        touched=("a/b tests", "hubspot", "sql"), missing=("email campaigns",)
    )
    assert term_coverage(["x"], []) == Coverage((), ("x",))
