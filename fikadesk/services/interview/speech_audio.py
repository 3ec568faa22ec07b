"""Audio for spoken takes: WAV in (any rate and channel count), 16 kHz mono out, frame levels."""

from __future__ import annotations

import io
import os
import wave
from pathlib import Path

import numpy as np

from fikadesk.errors import InputError

RATE = 16_000
"""The sample rate the recognizer and the measurements work at."""

FRAME_SECONDS = 0.03
"""Length of one frame of the level (voice activity) check."""

MAX_SECONDS = 3600
"""Longest take measured (an hour)."""


class SpeechError(InputError, ValueError):
    """A recording that cannot be measured; the message says why in one line."""


def to_mono_16k(samples: np.ndarray, rate: int, channels: int = 1) -> np.ndarray:
    """Interleaved samples (any numeric type, full scale ±1.0 or int16) as 16 kHz mono float32 in ±1.0."""
    data = np.asarray(samples)
    if data.dtype == np.int16:
        data = data.astype(np.float32) / 32768.0
    data = data.astype(np.float32)
    if channels > 1:
        data = data[: len(data) - len(data) % channels].reshape(-1, channels).mean(axis=1)
    if rate == RATE or not len(data):
        return data
    if rate > RATE:  # low-pass below the new Nyquist frequency first, so nothing folds back
        cutoff = 0.5 * RATE / rate * 0.95
        taps = np.arange(63) - 31
        kernel = 2 * cutoff * np.sinc(2 * cutoff * taps) * np.blackman(len(taps))
        data = np.convolve(data, (kernel / kernel.sum()).astype(np.float32), mode="same")
    count = int(round(len(data) * RATE / rate))
    return np.interp(np.arange(count) * (rate / RATE), np.arange(len(data)), data).astype(np.float32)


def read_wav(source: Path | bytes) -> np.ndarray:
    """Read a PCM WAV file (8/16/24/32-bit, any rate, any channels) as 16 kHz mono float32.

    Raises SpeechError with one clear line for anything that is not such a file.
    """
    name = "The recording" if isinstance(source, bytes) else str(source)
    try:
        handle = wave.open(io.BytesIO(source) if isinstance(source, bytes) else os.fspath(source), "rb")
    except FileNotFoundError:
        raise SpeechError(f"{name} does not exist.") from None
    except IsADirectoryError:
        raise SpeechError(f"{name} is a folder, not a WAV recording.") from None
    except (wave.Error, EOFError) as exc:
        raise SpeechError(f"{name} is not a WAV recording this can read ({exc}).") from None
    except OSError as exc:
        raise SpeechError(f"{name} could not be read: {exc.strerror or exc}.") from None
    with handle:
        rate, channels, width = handle.getframerate(), handle.getnchannels(), handle.getsampwidth()
        if rate < 8000:
            raise SpeechError(f"{name} is sampled at {rate} Hz; speech needs at least 8000 Hz.")
        if handle.getnframes() > rate * MAX_SECONDS:
            raise SpeechError(f"{name} lasts over an hour; record a single answer.")
        raw = handle.readframes(handle.getnframes())
    if width == 1:
        data = (np.frombuffer(raw, np.uint8).astype(np.float32) - 128.0) / 128.0
    elif width == 2:
        data = np.frombuffer(raw, "<i2").astype(np.float32) / 32768.0
    elif width == 3:
        bytes3 = np.frombuffer(raw[: len(raw) - len(raw) % 3], np.uint8).reshape(-1, 3).astype(np.int32)
        value = bytes3[:, 0] | (bytes3[:, 1] << 8) | (bytes3[:, 2] << 16)
        data = (np.where(value >= 1 << 23, value - (1 << 24), value)).astype(np.float32) / float(1 << 23)
    else:
        data = np.frombuffer(raw, "<i4").astype(np.float32) / float(1 << 31)
    return to_mono_16k(data, rate, channels)


def frame_levels(samples: np.ndarray, frame_seconds: float = FRAME_SECONDS) -> list[float]:
    """The loudness of each frame in dBFS (-90 for digital silence)."""
    size = int(RATE * frame_seconds)
    count = len(samples) // size
    if not count:
        return []
    frames = np.asarray(samples[: count * size], np.float64).reshape(count, size)
    rms = np.sqrt(np.mean(frames * frames, axis=1))
    return [float(x) for x in np.maximum(20 * np.log10(np.maximum(rms, 1e-12)), -90.0)]


def level_of(samples: np.ndarray) -> float:
    """The loudness of a short chunk in dBFS (for a level meter)."""
    if not len(samples):
        return -90.0
    rms = float(np.sqrt(np.mean(np.asarray(samples, np.float64) ** 2)))
    return max(-90.0, 20 * float(np.log10(max(rms, 1e-12))))


def wav_bytes(samples: np.ndarray) -> bytes:
    """16 kHz mono float samples as a 16-bit PCM WAV file's bytes."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes((np.clip(samples, -1.0, 1.0) * 32767).astype("<i2").tobytes())
    return buffer.getvalue()
