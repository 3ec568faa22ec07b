"""Tests for STAR pre-fill, speaking time, the aspiration builder and situations."""

import json
from datetime import date
from pathlib import Path

import pytest

from fikadesk.domain.interview.answers import (
    EvidenceInput,
    InterviewDataError,
    StarDraft,
    compose_aspiration,
    compose_story,
    load_situations,
    prefill_star,
    prefill_stars,
    sentence_spans,
    situation_for_target,
    speaking_seconds,
    split_sentences,
    target_range,
    timing_verdict,
    word_spans,
)

RESOURCES = Path(__file__).resolve().parents[3] / "resources"

ENTRY = EvidenceInput(
    day=date(2026, 3, 2),
    title="checkout timeouts fixed",
    body=(
        "Our checkout page timed out for some users during evening peaks. "
        "It was my job to find the cause. I pulled the traces and found a slow query. "
        "I added an index and rolled it out behind a flag. "
        "Timeouts dropped to 0.2% after the release."
    ),
    impact="recovered about 40k euros a month in orders",
    tags=("reliability",),
)


def test_prefill_star_routes_each_sentence_by_the_documented_rule() -> None:
    assert prefill_star(ENTRY) == StarDraft(
        situation="Our checkout page timed out for some users during evening peaks.",
        task="It was my job to find the cause.",
        action="I pulled the traces and found a slow query. "
        "I added an index and rolled it out behind a flag.",
        result="Timeouts dropped to 0.2% after the release. "
        "Recovered about 40k euros a month in orders.",
    )


def test_prefill_star_we_with_past_verb_is_action_and_title_fills_empty_situation() -> None:
    entry = EvidenceInput(date(2026, 1, 5), "offsite planning", "We booked the venue.", "", ())
    assert prefill_star(entry) == StarDraft("Offsite planning.", "", "We booked the venue.", "")


def test_prefill_star_does_not_repeat_impact_already_in_body() -> None:
    entry = EvidenceInput(date(2026, 1, 5), "t", "Costs fell by 10%.", "Costs fell by 10%.", ())
    assert prefill_star(entry).result == "Costs fell by 10%."


def test_compose_story_skips_empty_parts_and_ends_sentences() -> None:
    star = StarDraft("the build was slow", "", "I cached the dependencies", "builds took 4 minutes")
    assert compose_story(star) == (
        "The build was slow. I cached the dependencies. Builds took 4 minutes."
    )
    assert compose_story(StarDraft("", "", "", "")) == ""


def test_sentences_do_not_split_inside_numbers() -> None:
    assert split_sentences("It went from 5% to 0.2%! Good? Yes") == [
        "It went from 5% to 0.2%!",
        "Good?",
        "Yes",
    ]
    assert sentence_spans("Hi there. Bye.") == [(0, 9), (10, 14)]


def test_speaking_seconds_counts_words_not_punctuation() -> None:
    assert word_spans("I — led it.") == [(0, 1), (4, 7), (8, 11)]
    assert speaking_seconds("one two three") == 1.3
    assert speaking_seconds(" ".join(["word"] * 140)) == 60.0
    assert speaking_seconds(" ".join(["word"] * 100), wpm=200) == 30.0
    assert speaking_seconds("") == 0.0
    with pytest.raises(ValueError):
        speaking_seconds("x", wpm=0)


def test_target_ranges_default_and_override() -> None:
    assert target_range("aspiration") == (15.0, 90.0)
    assert target_range("story") == (45.0, 150.0)
    assert target_range("story", {"story": (30.0, 60.0)}) == (30.0, 60.0)
    with pytest.raises(ValueError):
        target_range("poem")


def test_timing_verdict_edges() -> None:
    words = lambda n: " ".join(["w"] * n)  # noqa: E731
    assert timing_verdict(words(34), "aspiration") == "short"  # 14.6 s
    assert timing_verdict(words(35), "aspiration") == "ok"  # 15.0 s
    assert timing_verdict(words(210), "aspiration") == "ok"  # 90.0 s
    assert timing_verdict(words(211), "aspiration") == "long"
    assert timing_verdict(words(211), "aspiration", ranges={"aspiration": (10, 100)}) == "ok"


def test_compose_aspiration_with_fragments_of_each_shape() -> None:
    text = compose_aspiration(
        "learning your data stack and owning the weekly reports",
        "a team lead role",
        "shaping how the company uses data",
        role="data analyst",
        company="Acme",
    )
    assert text == (
        "In this data analyst role at Acme, I want to focus on learning your data stack and "
        "owning the weekly reports. Over the next few years, I'd like to grow into a team lead "
        "role. Longer term, I see myself shaping how the company uses data."
    )


def test_compose_aspiration_verbs_nouns_and_full_sentences() -> None:
    assert compose_aspiration("Python and SQL", "to lead the analytics team", "a principal role") == (
        "In this role, I want to focus on Python and SQL. Over the next few years, I'd like to "
        "lead the analytics team. Longer term, I'm working toward a principal role."
    )
    assert compose_aspiration("Own the billing service.", "", "I hope to run payments.") == (
        "In this role, I want to own the billing service. I hope to run payments."
    )


def test_compose_aspiration_empty_parts() -> None:
    assert compose_aspiration("", " ", "") == ""
    assert compose_aspiration("", "lead the analytics team", "", company="Acme") == (
        "Over the next few years at Acme, I'd like to lead the analytics team."
    )


def test_bundled_situations_cover_the_six_situations() -> None:
    situations = load_situations(RESOURCES / "interview" / "situations.json")
    assert [s.id for s in situations] == [
        "entry-level",
        "into-leadership",
        "senior-leader",
        "career-changer",
        "growing-in-field",
        "unsure",
    ]
    assert all(s.now.example and s.next.hint and s.future.example for s in situations)


def test_load_situations_rejects_bad_files(tmp_path: Path) -> None:
    bad = tmp_path / "s.json"
    good = {"id": "a", "title": "A", "description": "d"}
    parts = {p: {"hint": "h", "example": "e"} for p in ("now", "next", "future")}
    cases = [
        "not json",
        json.dumps({"situations": []}),
        json.dumps({"situations": [{**good, "now": parts["now"], "next": parts["next"]}]}),
        json.dumps({"situations": [{**good, **parts}, {**good, **parts}]}),
        json.dumps({"situations": [{**good, "title": " ", **parts}]}),
    ]
    for content in cases:
        bad.write_text(content, encoding="utf-8")
        with pytest.raises(InterviewDataError):
            load_situations(bad)
    bad.write_text(json.dumps({"situations": [{**good, **parts}]}), encoding="utf-8")
    assert load_situations(bad)[0].future.example == "e"


@pytest.mark.parametrize(
    ("current", "target", "rank", "expected"),
    [
        ("Engineer II", "Senior Engineer", 2, "growing-in-field"),
        ("Senior Engineer", "Staff Engineer", 3, "growing-in-field"),
        ("Engineer I", "Engineer II", 1, "entry-level"),
        ("Junior Data Analyst", "Data Analyst", 1, "entry-level"),
        ("Associate Product Manager", "Product Manager", 1, "entry-level"),
        ("Product Manager", "Senior Product Manager", 2, "growing-in-field"),
        ("Senior Data Analyst", "Lead Data Analyst", 3, "into-leadership"),
        ("Senior Product Manager", "Group Product Manager", 3, "into-leadership"),
        ("Lead Designer", "Design Director", 4, "senior-leader"),
        ("Senior Designer", "Design Director", 4, "into-leadership"),
        ("Engineering Manager", "Head of Engineering", 2, "senior-leader"),
        ("L3", "L4", 3, "growing-in-field"),
        ("L1", "L2", 1, "entry-level"),
    ],
)
def test_situation_follows_the_target_level(current: str, target: str, rank: int, expected: str) -> None:
    assert situation_for_target(current, target, rank) == expected


MIGRATION = EvidenceInput(
    date(2026, 9, 18), "Led the billing migration cut-over",
    "Billing ran on a ten-year-old system. I was asked to move every account without downtime. "
    "I planned the rollout in three waves and wrote the runbook.",
    "40,000 accounts moved with zero downtime",
)
TRAINING = EvidenceInput(
    date(2026, 10, 2), "Trained support on the new billing screens",
    "Support had never seen the new screens. Ran four training sessions and wrote a one-page guide.",
    "Billing tickets fell 30% in the first month",
)


def test_prefill_from_two_entries_fills_all_four_parts_from_both() -> None:
    assert prefill_stars([TRAINING, MIGRATION]) == StarDraft(
        situation="Billing ran on a ten-year-old system. Support had never seen the new screens.",
        task="I was asked to move every account without downtime. "
        "Trained support on the new billing screens.",
        action="I planned the rollout in three waves and wrote the runbook. "
        "Ran four training sessions and wrote a one-page guide.",
        result="40,000 accounts moved with zero downtime. Billing tickets fell 30% in the first month.",
    )


def test_prefill_of_one_entry_is_the_single_entry_rule() -> None:
    assert prefill_stars([ENTRY]) == prefill_star(ENTRY)
    assert prefill_stars([]) == StarDraft("", "", "", "")


def test_a_journal_sentence_without_a_subject_is_action_when_it_opens_with_a_past_verb() -> None:
    entry = EvidenceInput(date(2026, 1, 5), "Flaky tests", "Tests failed one run in five. "
                          "Tracked the flake to a shared temp folder. Built a fixture per test.", "")
    assert prefill_star(entry) == StarDraft(
        "Tests failed one run in five.", "",
        "Tracked the flake to a shared temp folder. Built a fixture per test.", "")
    titled = EvidenceInput(entry.day, "Fixed the flaky tests", entry.body, "")
    assert prefill_star(titled).task == "Fixed the flaky tests."  # the piece of work it names
