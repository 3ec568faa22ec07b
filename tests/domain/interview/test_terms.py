"""Tests for key-term extraction and term coverage."""

from fikadesk.domain.interview.terms import (
    Coverage,
    KeyTerm,
    extract_key_terms,
    stem,
    term_coverage,
    term_spans,
    tokenize,
)
from tests.briefs.sample import JOB_DESCRIPTION

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
        KeyTerm("campaign analytics", 1.0, "skill"),
        KeyTerm("A/B tests", 1.0, "skill"),
        KeyTerm("SQL", 0.5, "skill"),
        KeyTerm("Python", 0.5, "skill"),
        KeyTerm("HubSpot", 0.5, "skill"),
        KeyTerm("Salesforce", 0.5, "skill"),
        KeyTerm("email campaigns", 0.5, "responsibility"),
        KeyTerm("marketing", 0.5, "responsibility"),
    )
    assert extract_key_terms(JOB)[1].sections == ("req", "resp")


def test_extract_key_terms_drops_stop_and_job_ad_words() -> None:
    terms = {t.term for t in extract_key_terms(JOB, top_n=50)}
    assert not terms & {"experience", "join", "team", "and", "what", "solid", "build", "every"}
    assert "SQL" in terms


def test_extract_key_terms_empty_and_plain_nouns_only() -> None:
    assert extract_key_terms("") == ()
    assert extract_key_terms("We build robots. Robots need care.") == ()  # plain nouns are no key terms
    assert extract_key_terms("We build robots with ROS and Python. Robots need care.") == (
        KeyTerm("ROS", 1.0, "other"),
        KeyTerm("Python", 1.0, "skill"),
    )


SAMPLE = JOB_DESCRIPTION  # the ad the interview-prep brief is built on


def test_the_sample_of_issue_5_has_no_noise_and_keeps_kafka_spelled_as_written() -> None:
    assert [t.term for t in extract_key_terms(SAMPLE)] == [
        "Kafka", "ledger service", "payment systems", "event sourcing", "design reviews", "system design",
        "event-driven services", "on-call", "runbooks", "mentoring",
    ]


def _terms(text: str, top_n: int = 10) -> list[str]:
    return [t.term for t in extract_key_terms(text, top_n)]


def test_only_requirements_and_responsibilities_count_not_benefits_about_us_or_eeo() -> None:
    ad = ("Data Engineer\nAbout us\nWe love Scala and Haskell.\nResponsibilities\n- Run Kafka\n"
          "Benefits\n- Terraform training\n- Competitive salary\n"
          "We are an equal opportunity employer and use Rust.")
    assert _terms(ad) == ["Kafka"]


def test_nice_to_have_counts_half() -> None:
    ad = "Role\nRequirements\n- Go\nNice to have\n- Rust\n- Rust tooling"
    assert [(t.term, t.weight, t.sections) for t in extract_key_terms(ad)] == [
        ("Go", 1.0, ("req",)), ("Rust", 1.0, ("nice",))]


def test_an_advert_without_sections_counts_its_prose_but_not_perks_or_its_company() -> None:
    ad = ("At Kestrel Books we love Elasticsearch. You will train ranking models in Spark. "
          "We offer a good salary and Kubernetes courses.")
    assert _terms(ad) == ["Spark", "ranking models"]


def test_generic_job_ad_words_never_make_a_term() -> None:
    ad = "Role\nRequirements\n- engineer\n- money\n- moves\n- passionate people\n- fast learner"
    assert _terms(ad) == []


def test_a_verb_opening_a_task_is_not_part_of_the_term_but_the_same_word_elsewhere_is() -> None:
    ad = "Role\nResponsibilities\n- Design payment systems\n- Own system design\n- Maintain our design system"
    assert _terms(ad) == ["payment systems", "system design", "design system"]


def test_capitalised_neighbours_are_one_term_and_a_phrase_beats_the_word_only_seen_in_it() -> None:
    ad = "Role\nRequirements\n- Power BI and React Native\n- Run A/B tests"
    assert _terms(ad) == ["Power BI", "React Native", "A/B tests"]


def test_a_single_word_needs_to_look_specific() -> None:
    ad = "Role\nRequirements\n- dbt\n- accessibility\n- roadmap\n- customers\n- widgets"
    assert _terms(ad) == ["dbt", "accessibility", "roadmap"]


def test_display_keeps_the_ads_spelling_only_a_sentence_start_capital_is_dropped() -> None:
    ad = ("Role\nRequirements\n- Kafka, SQL, dbt, CI/CD and Node.js\n- Python for scripting\n"
          "- Mentoring juniors\n- Observability with Grafana")
    assert _terms(ad) == ["Kafka", "SQL", "dbt", "CI/CD", "Node.js", "Python", "Grafana",
                          "mentoring juniors", "scripting", "observability"]


def test_the_company_name_is_never_a_term() -> None:
    ad = ("Role @ Quokka Labs\nResponsibilities\n- Quokka Labs app in Swift\n- Quokka-style payments\n"
          "Requirements\n- Quokka API design\n- Payments platform")
    assert _terms(ad) == ["Swift", "payments platform"]  # only the distinctive word goes


def test_matching_stays_case_free_for_terms_spelled_as_the_ad() -> None:
    terms = extract_key_terms(SAMPLE)
    assert term_coverage(terms[:2], ["I ran kafka and a LEDGER SERVICE"]) == Coverage(
        touched=("Kafka", "ledger service"), missing=())


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
