"""`fikadesk speech`: a recording measured on the command line, offline."""

import json
from pathlib import Path

import pytest

from fikadesk.domain.interview.records import Answer
from fikadesk.domain.interview.speech import word_error_rate
from fikadesk.services.container import Services
from tests.cli.helpers import one_line, run_cli
from tests.speech_takes import ASPIRATION, STORY


def test_done_when_a_150_wpm_take_with_one_2_second_silence(
        capsys: pytest.CaptureFixture[str], spoken_takes: dict[str, Path]) -> None:
    code, out, err = run_cli(capsys, "speech", str(spoken_takes["story150"]), "--text", STORY, "--json")
    assert (code, err) == (0, "")
    found = json.loads(out)
    assert {"transcript", "words_per_minute", "speaking_seconds", "pauses", "fillers", "missed"} <= set(found)
    assert 112.5 <= found["words_per_minute"] <= 187.5
    assert len(found["pauses"]) == 1
    assert set(found["pauses"][0]) >= {"start", "seconds"}
    assert word_error_rate(STORY, found["transcript"]) <= 0.35
    assert found["missed"] == []


def test_a_take_with_a_sentence_left_out_names_it(
        capsys: pytest.CaptureFixture[str], spoken_takes: dict[str, Path]) -> None:
    code, out, _ = run_cli(capsys, "speech", str(spoken_takes["story_missing"]), "--text", STORY)
    assert code == 0
    assert "Left out: I traced the failures to a slow database query and rewrote it with the team." in out
    assert "Long pauses: 0" in out


def test_answer_from_the_journal(capsys: pytest.CaptureFixture[str], spoken_takes: dict[str, Path],
                                 services: Services, journal_path: Path, fixed_now: object) -> None:
    saved = services.interview.save_answer(Answer(None, "own-x", "Tell me about a fix", "story", None, STORY))
    code, out, _ = run_cli(capsys, "--db", str(journal_path), "speech", str(spoken_takes["story_missing"]),
                           "--answer", str(saved.id), "--json")
    assert code == 0
    assert json.loads(out)["missed"] == [
        "I traced the failures to a slow database query and rewrote it with the team."]


def test_not_audio_and_unknown_answer_are_one_line_input_errors(
        capsys: pytest.CaptureFixture[str], tmp_path: Path, journal_path: Path) -> None:
    note = tmp_path / "take.wav"
    note.write_text("not audio", encoding="utf-8")
    code, out, err = run_cli(capsys, "speech", str(note))
    assert (code, out) == (2, "")
    assert one_line(err).startswith(f"fikadesk: {note} is not a WAV recording")
    silent = tmp_path / "silent.wav"
    import wave
    with wave.open(str(silent), "wb") as handle:
        handle.setnchannels(1)
        handle.setsampwidth(2)
        handle.setframerate(16000)
        handle.writeframes(b"\0\0" * 16000)
    code, _, err = run_cli(capsys, "--db", str(journal_path), "speech", str(silent), "--answer", "99")
    assert code == 2
    assert one_line(err) == f"fikadesk: there is no answer 99 in {journal_path}"


def test_an_aspiration_take_without_its_future_part_says_so(
        capsys: pytest.CaptureFixture[str], spoken_takes: dict[str, Path]) -> None:
    code, out, _ = run_cli(capsys, "speech", str(spoken_takes["aspiration_no_future"]), "--text", ASPIRATION,
                           "--kind", "aspiration")
    assert code == 0
    assert "Left out: In the long run I want to shape how the whole company builds reliable software." in out
    assert out.rstrip().endswith("Not heard: the Future part")


def test_without_the_speech_extra_pauses_and_speaking_time_still_come_from_the_signal(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        spoken_takes: dict[str, Path]) -> None:
    from fikadesk.services.interview import speech

    monkeypatch.setattr(speech, "recognizer_missing", lambda: "Speech recognition is not installed: x.")
    code, out, err = run_cli(capsys, "speech", str(spoken_takes["story150"]), "--text", STORY, "--json")
    assert code == 0
    assert one_line(err) == ("fikadesk: Speech recognition is not installed: x. Measuring pauses and "
                             "speaking time only.")
    found = json.loads(out)
    assert (found["transcript"], found["words_per_minute"], found["recognizer"]) == ("", None, "none")
    assert len(found["pauses"]) == 1 and found["speaking_seconds"] > 15
    assert found["missed"] == [] and found["sentences"] == []  # nothing heard, so nothing called missing
