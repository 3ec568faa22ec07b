"""Where a take's audio comes from: the microphone (sounddevice, lazily) or a recorded file, one pipeline."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np

from fikadesk.errors import InputError
from fikadesk.services.interview.speech import INSTALL_HINT
from fikadesk.services.interview.speech_audio import RATE, level_of, read_wav

CHUNK = RATE // 10  # 100 ms of audio per block


class SourceError(InputError, RuntimeError):
    """The audio source cannot be used; the message says why in one line."""


class TakeRecorder:
    """Collects the blocks of one take (from any thread) and keeps the latest level for a meter."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._blocks: list[np.ndarray] = []
        self.level = -90.0
        self._peak = -90.0

    def feed(self, block: np.ndarray) -> None:
        """Add one block of 16 kHz mono float samples."""
        data = np.asarray(block, np.float32).reshape(-1)
        with self._lock:
            self._blocks.append(data.copy())
            self.level = level_of(data)
            self._peak = max(self._peak, self.level)

    def peak_level(self) -> float:
        """The loudest block since the last call (a meter reads this at its own pace), in dBFS."""
        with self._lock:
            peak, self._peak = self._peak, -90.0
            return peak

    def samples(self) -> np.ndarray:
        """Everything recorded so far, as one array."""
        with self._lock:
            return np.concatenate(self._blocks) if self._blocks else np.zeros(0, np.float32)

    @property
    def seconds(self) -> float:
        """How long the recording is so far."""
        with self._lock:
            return sum(len(b) for b in self._blocks) / RATE


def microphone_missing() -> str | None:
    """Why there is no microphone to record from (None when one can be opened)."""
    try:
        import sounddevice
    except ImportError:
        return f"Recording needs the speech extra: {INSTALL_HINT}."
    except OSError:
        return "Recording needs the PortAudio library (on Debian or Ubuntu: apt install libportaudio2)."
    try:
        device = sounddevice.query_devices(kind="input")
    except Exception:  # noqa: BLE001 - PortAudio reports a missing device in several ways
        return "No microphone was found. Plug one in (or allow access to it) and open the rehearsal again."
    if not device or int(device.get("max_input_channels", 0)) < 1:
        return "No microphone was found. Plug one in (or allow access to it) and open the rehearsal again."
    return None


class MicrophoneSource:
    """The default input device through PortAudio, at 16 kHz mono (PortAudio converts the rate)."""

    def __init__(self) -> None:
        self._stream: Any = None

    def start(self, recorder: TakeRecorder) -> None:
        """Open the microphone; SourceError when it is missing or access is refused."""
        try:
            import sounddevice

            def callback(data: np.ndarray, _frames: int, _time: Any, _status: Any) -> None:
                recorder.feed(data[:, 0])

            self._stream = sounddevice.InputStream(samplerate=RATE, channels=1, dtype="float32",
                                                   blocksize=CHUNK, callback=callback)
            self._stream.start()
        except ImportError:
            raise SourceError(f"Recording needs the speech extra: {INSTALL_HINT}.") from None
        except Exception as exc:  # noqa: BLE001 - PortAudioError, or OSError when access is refused
            self._stream = None
            raise SourceError(f"The microphone could not be opened ({exc}). Check that it is plugged "
                              "in and that fikadesk may use it.") from None

    def stop(self) -> None:
        """Close the microphone."""
        if self._stream is not None:
            self._stream.stop()
            self._stream.close()
            self._stream = None


class FileSource:
    """A recorded WAV file fed block by block through the same recorder as the microphone."""

    def __init__(self, path: Path) -> None:
        self._samples = read_wav(path)

    def start(self, recorder: TakeRecorder) -> None:
        """Feed the whole file at once, in microphone-sized blocks."""
        for at in range(0, len(self._samples), CHUNK):
            recorder.feed(self._samples[at:at + CHUNK])

    def stop(self) -> None:
        """Nothing to close."""
