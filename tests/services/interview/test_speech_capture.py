"""The take recorder and its sources: a WAV file fed like the microphone, and a missing microphone."""

import numpy as np
import pytest

from fikadesk.services.interview.speech_audio import RATE, wav_bytes
from fikadesk.services.interview.speech_capture import (
    CHUNK,
    FileSource,
    MicrophoneSource,
    SourceError,
    TakeRecorder,
    microphone_missing,
)


def test_a_file_is_fed_in_microphone_sized_blocks_and_the_meter_reads_the_loudest(tmp_path) -> None:
    quiet = np.zeros(RATE, np.float32)
    loud = (0.5 * np.sin(np.arange(RATE // 2) / 5)).astype(np.float32)
    path = tmp_path / "take.wav"
    path.write_bytes(wav_bytes(np.concatenate([loud, quiet])))
    recorder = TakeRecorder()
    FileSource(path).start(recorder)
    assert recorder.seconds == pytest.approx(1.5)
    assert len(recorder.samples()) == RATE * 3 // 2
    assert recorder.level == -90.0  # the last block was silent
    assert recorder.peak_level() == pytest.approx(-9.0, abs=0.5)  # but the meter sees the voice
    assert recorder.peak_level() == -90.0  # and then nothing new
    assert len(recorder._blocks) == (RATE * 3 // 2 + CHUNK - 1) // CHUNK


def test_without_a_microphone_recording_fails_with_one_clear_line() -> None:
    reason = microphone_missing()
    if reason is None:
        pytest.skip("this machine has a microphone")
    assert reason.endswith(".") and "\n" not in reason
    try:
        import sounddevice  # noqa: F401
    except (ImportError, OSError):
        pytest.skip("sounddevice is not installed: the reason above is what the window shows")
    with pytest.raises(SourceError, match="microphone could not be opened|No microphone"):
        MicrophoneSource().start(TakeRecorder())
