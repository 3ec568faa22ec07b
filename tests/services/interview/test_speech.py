"""Reading recordings in any format, and measuring synthetic takes offline."""

import wave
from pathlib import Path

import numpy as np
import pytest

from fikadesk.domain.interview.speech import word_error_rate
from fikadesk.services.interview.speech import analyse_file
from fikadesk.services.interview.speech_audio import RATE, SpeechError, frame_levels, read_wav, wav_bytes
from tests.speech_takes import ASPIRATION, RAMBLE, RAMBLE_CLEAN, RAMBLE_FILLERS, STORY


def write_wav(path: Path, data: bytes, rate: int, channels: int, width: int) -> Path:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(channels)
        out.setsampwidth(width)
        out.setframerate(rate)
        out.writeframes(data)
    return path


def tone(rate: int, seconds: float) -> np.ndarray:
    return 0.5 * np.sin(2 * np.pi * 440 * np.arange(int(rate * seconds)) / rate)


@pytest.mark.parametrize("rate,channels,width", [(16000, 1, 2), (44100, 2, 2), (22050, 1, 1),
                                                  (48000, 1, 3), (8000, 2, 4)])
def test_any_rate_channels_and_width_come_out_as_one_second_at_16k(
        tmp_path: Path, rate: int, channels: int, width: int) -> None:
    wave_ = np.repeat(tone(rate, 1.0), channels)
    if width == 1:
        data = ((wave_ * 127) + 128).astype(np.uint8).tobytes()
    elif width == 2:
        data = (wave_ * 32767).astype("<i2").tobytes()
    elif width == 3:
        ints = (wave_ * (2**23 - 1)).astype("<i4")
        data = b"".join(int(v).to_bytes(4, "little", signed=True)[:3] for v in ints)
    else:
        data = (wave_ * (2**31 - 1)).astype("<i4").tobytes()
    samples = read_wav(write_wav(tmp_path / "t.wav", data, rate, channels, width))
    assert len(samples) == RATE
    middle = frame_levels(samples)[5:-5]
    assert min(middle) == pytest.approx(-9.0, abs=0.5)  # a 0.5 sine is -9 dBFS, whatever the format
    assert max(middle) == pytest.approx(-9.0, abs=0.5)


def test_a_file_that_is_not_audio_gets_one_clear_line(tmp_path: Path) -> None:
    text = tmp_path / "answer.wav"
    text.write_text("I led the migration.", encoding="utf-8")
    with pytest.raises(SpeechError, match=r"answer.wav is not a WAV recording"):
        read_wav(text)
    with pytest.raises(SpeechError, match="does not exist"):
        read_wav(tmp_path / "none.wav")
    with pytest.raises(SpeechError, match="is a folder"):
        read_wav(tmp_path)


def test_written_wav_reads_back(tmp_path: Path) -> None:
    samples = tone(RATE, 0.5).astype(np.float32)
    again = read_wav(wav_bytes(samples))
    assert np.max(np.abs(again - samples)) < 1e-3


def test_a_story_at_150_wpm_with_a_2_second_silence(spoken_takes: dict[str, Path]) -> None:
    metrics = analyse_file(spoken_takes["story150"], STORY)
    assert metrics.recognizer == "answer"
    assert metrics.words_per_minute is not None
    assert 150 * 0.75 <= metrics.words_per_minute <= 150 * 1.25
    assert len(metrics.pauses) == 1
    assert 2.0 <= metrics.pauses[0].seconds <= 3.0
    assert metrics.pauses[0].sentence == 2  # it fell after the second sentence
    assert word_error_rate(STORY, metrics.transcript) <= 0.35
    assert metrics.missed == ()


def test_the_sentence_left_out_is_named(spoken_takes: dict[str, Path]) -> None:
    metrics = analyse_file(spoken_takes["story_missing"], STORY)
    assert metrics.missed == ("I traced the failures to a slow database query and rewrote it with the team.",)
    assert metrics.pauses == ()


def test_an_aspiration_take_keeps_its_now_next_and_future(spoken_takes: dict[str, Path]) -> None:
    metrics = analyse_file(spoken_takes["aspiration"], ASPIRATION, "aspiration")
    assert metrics.parts_missing == ()
    assert word_error_rate(ASPIRATION, metrics.transcript) <= 0.35


def test_without_a_text_the_generic_model_still_transcribes(spoken_takes: dict[str, Path]) -> None:
    metrics = analyse_file(spoken_takes["aspiration"])
    assert metrics.recognizer == "generic"
    assert word_error_rate(ASPIRATION, metrics.transcript) < 0.9
    assert metrics.words_per_minute is not None


def test_fillers_said_are_counted_and_none_invented(spoken_takes: dict[str, Path]) -> None:
    metrics = analyse_file(spoken_takes["ramble"], RAMBLE_CLEAN)  # the written answer has no fillers
    assert all(RAMBLE_FILLERS.get(word, 0) >= count for word, count in metrics.fillers.items())
    assert metrics.filler_count >= 3  # of the five said (espeak's "uh" is rarely heard as one)
    assert metrics.missed == ()
    assert word_error_rate(RAMBLE, metrics.transcript) <= 0.35


def test_a_noisy_take_still_measures(spoken_takes: dict[str, Path]) -> None:
    metrics = analyse_file(spoken_takes["noisy"], STORY)
    assert len(metrics.pauses) == 1
    assert metrics.words_per_minute is not None and 112.5 <= metrics.words_per_minute <= 187.5
    assert word_error_rate(STORY, metrics.transcript) <= 0.35
    assert metrics.fillers == {}
