"""The pure measurements of a spoken take: fillers, pauses, pace, sentences left out."""

import pytest

from fikadesk.domain.interview.speech import (
    CHANGED,
    MISSED,
    SAID,
    Pause,
    SpeechMetrics,
    SpokenWord,
    check_sentences,
    find_fillers,
    measure,
    pace_verdict,
    parts_missing,
    spoken_words,
    voiced_span,
    word_error_rate,
)

FRAME = 0.03


def levels(*runs: tuple[str, float]) -> list[float]:
    """Frame levels from runs of ('v', seconds) voice at -20 dBFS and ('s', seconds) silence."""
    out: list[float] = []
    for kind, seconds in runs:
        out += [-20.0 if kind == "v" else -70.0] * round(seconds / FRAME)
    return out


def words_at(text: str, start: float, end: float) -> list[SpokenWord]:
    said = text.split()
    step = (end - start) / len(said)
    return [SpokenWord(w, start + i * step, start + (i + 1) * step) for i, w in enumerate(said)]


def test_spoken_words_lowers_strips_and_spells_numbers() -> None:
    assert spoken_words("In 2 or 3 years, I'd lead 25 people.") == [
        "in", "two", "or", "three", "years", "i'd", "lead", "twenty", "five", "people"]


def test_fillers_single_and_phrases() -> None:
    said = "so um i uh built it you know with sort of a basically simple er index".split()
    assert [(a, b, f) for a, b, f in find_fillers(said)] == [
        (1, 2, "um"), (3, 4, "uh"), (6, 8, "you know"), (9, 11, "sort of"), (12, 13, "basically"),
        (14, 15, "er")]


def test_like_is_a_filler_only_out_of_its_verb_and_comparison_uses() -> None:
    assert find_fillers("i would like to lead".split()) == []
    assert find_fillers("it looks like rain".split()) == []
    assert find_fillers("i like testing".split()) == []
    assert find_fillers("it was like really slow".split()) == [(2, 3, "like")]


def test_a_filler_word_the_written_answer_has_is_not_counted() -> None:
    said = "i basically rewrote it".split()
    assert find_fillers(said, frozenset({1})) == []
    assert find_fillers(said) == [(1, 2, "basically")]


def test_long_pauses_between_first_and_last_voice_only() -> None:
    start, end, silences = voiced_span(
        levels(("s", 3.0), ("v", 4.0), ("s", 2.0), ("v", 3.0), ("s", 1.2), ("v", 2.0), ("s", 4.0)), FRAME)
    assert start == pytest.approx(3.0, abs=FRAME)
    assert end == pytest.approx(15.2, abs=FRAME)
    assert len(silences) == 1  # the 1.2 s gap is short; lead-in and tail are no pauses
    assert silences[0][0] == pytest.approx(7.0, abs=FRAME)
    assert silences[0][1] == pytest.approx(2.0, abs=FRAME)


def test_silence_only_has_no_voice() -> None:
    assert voiced_span([-90.0] * 100, FRAME) == (0.0, 0.0, [])


def test_sentences_said_changed_and_missed() -> None:
    written = ("We moved the import to a queue. Nobody lost an order after that. "
               "The sales team thanked us in the weekly meeting.")
    said = "we moved the import to a queue the sales team was happy with the meeting".split()
    checks, owner = check_sentences(written, said)
    assert [c.status for c in checks] == [SAID, MISSED, CHANGED]
    assert owner[0] == 1 and owner[7] == 3


def test_measure_pace_pauses_and_where_they_fell() -> None:
    written = "One two three four five six seven eight nine ten. Eleven twelve thirteen fourteen fifteen."
    words = words_at("one two three four five six seven eight nine ten", 1.0, 5.0) + \
        words_at("um eleven twelve thirteen fourteen fifteen", 7.0, 10.0)
    metrics = measure(words, levels(("s", 1.0), ("v", 4.0), ("s", 2.0), ("v", 3.0), ("s", 1.0)), FRAME,
                      written)
    assert metrics.speaking_seconds == pytest.approx(7.0, abs=FRAME)
    assert metrics.words_per_minute == pytest.approx(15 * 60 / 7.0, rel=0.01)  # the filler does not count
    assert metrics.fillers == {"um": 1}
    assert metrics.fillers_per_minute == pytest.approx(60 / 7.0, rel=0.02)
    assert metrics.pauses == (Pause(pytest.approx(5.0, abs=FRAME), pytest.approx(2.0, abs=FRAME), "ten", 1),)  # type: ignore[arg-type]
    assert metrics.missed == () and metrics.changed == ()


def test_measure_without_recognizer_keeps_pauses_but_has_no_pace() -> None:
    metrics = measure([], levels(("v", 2.0), ("s", 2.0), ("v", 2.0)), FRAME, "Some text.", recognizer="none")
    assert metrics.words_per_minute is None
    assert metrics.sentences == ()  # no recognizer: no claim that a sentence was left out
    assert len(metrics.pauses) == 1
    assert metrics.speaking_seconds == pytest.approx(4.0, abs=FRAME)


def test_metrics_survive_the_json_round_trip() -> None:
    written = "We shipped it. Then we measured it."
    metrics = measure(words_at("we shipped it um", 0.0, 2.0), levels(("v", 2.0)), FRAME, written,
                      kind="aspiration")
    again = SpeechMetrics.from_dict(metrics.to_dict())
    assert again.to_dict() == metrics.to_dict()
    assert again.missed == ("Then we measured it.",)


def test_parts_missing_runs_the_coachs_structure_rules_on_the_transcript() -> None:
    said = ("right now i want to learn the billing system in two or three years i want to lead a team "
            "and in the long run i want to shape how the company builds software")
    assert parts_missing(said) == ()
    assert parts_missing("right now i want to learn the billing system") == ("next", "future")
    assert parts_missing("") == ("now", "next", "future")


def test_pace_verdict_and_word_error_rate() -> None:
    assert [pace_verdict(w, 140) for w in (None, 120.0, 140.0, 160.0)] == [
        "unknown", "slow", "on_pace", "fast"]
    assert word_error_rate("the cat sat on the mat", "the cat sat on mat") == pytest.approx(1 / 6)
    assert word_error_rate("Two cats.", "two cats") == 0.0
