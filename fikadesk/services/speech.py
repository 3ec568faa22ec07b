"""Offline recognition of a spoken take (pocketsphinx, imported only when used) and its measurement."""

from __future__ import annotations

import io
import tempfile
from functools import lru_cache
from pathlib import Path

import numpy as np

from fikadesk.domain.interview_speech import (
    FILLERS,
    SpeechMetrics,
    SpokenWord,
    measure,
    spoken_words,
)
from fikadesk.services.speech_audio import FRAME_SECONDS, RATE, frame_levels, read_wav

INSTALL_HINT = "install fikadesk with its speech extra: pip install 'fikadesk[speech]'"
FRAMES_PER_SECOND = 100  # pocketsphinx's default frame rate
DITHER = 0.003  # about -50 dBFS
DISCOUNT = 0.2  # back-off mass of the answer's language model: low keeps it close to the text


def recognizer_missing() -> str | None:
    """Why speech recognition is unavailable (None when pocketsphinx can be imported)."""
    try:
        import pocketsphinx  # noqa: F401
    except ImportError:
        return f"Speech recognition is not installed: {INSTALL_HINT}."
    return None


@lru_cache(maxsize=1)
def _dictionary() -> dict[str, tuple[str, ...]]:
    """The pronouncing dictionary shipped with pocketsphinx: word -> its lines."""
    from pocketsphinx import get_model_path

    found: dict[str, list[str]] = {}
    path = Path(get_model_path()) / "en-us" / "cmudict-en-us.dict"
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            word = line.split(" ", 1)[0]
            found.setdefault(word.split("(", 1)[0], []).append(line if line.endswith("\n") else line + "\n")
    return {word: tuple(lines) for word, lines in found.items()}


def answer_model(text: str, folder: Path) -> tuple[Path, Path] | None:
    """Write a small language model and dictionary built from ``text`` plus the fillers.

    Returns (lm, dict) paths, or None when the text has no word the recognizer can say.
    """
    from pocketsphinx.lm import ArpaBoLM

    known = _dictionary()
    lines = []
    for sentence in [*text.replace("?", ".").replace("!", ".").split("."), *FILLERS]:
        words = [w for w in spoken_words(sentence) if w in known]
        if words:
            lines.append(" ".join(words))
    if not any(line not in FILLERS for line in lines):
        return None
    model = ArpaBoLM(text="\n".join(lines) + "\n", add_start=True, discount_mass=DISCOUNT)
    model.compute()
    buffer = io.StringIO()
    model.write(buffer)
    lm, dic = folder / "answer.arpa", folder / "answer.dict"
    lm.write_text(buffer.getvalue(), encoding="utf-8")
    vocabulary = sorted({w for line in lines for w in line.split()})
    dic.write_text("".join(line for w in vocabulary for line in known[w]), encoding="utf-8")
    return lm, dic


def recognize(samples: np.ndarray, text: str = "") -> tuple[list[SpokenWord], str]:
    """Recognize 16 kHz mono samples; biased towards ``text`` when given, else the generic model.

    Returns the words with their times and which recognizer spoke ("answer", "generic").
    """
    from pocketsphinx import Decoder

    # A faint, fixed hiss under the take: stretches of digital silence (synthetic or gated audio)
    # otherwise throw the recognizer's feature normalisation off and garble the words after them.
    hiss = np.random.default_rng(0).normal(0.0, DITHER, len(samples)).astype(np.float32)
    pcm = (np.clip(samples + hiss, -1.0, 1.0) * 32767).astype("<i2").tobytes()
    with tempfile.TemporaryDirectory(prefix="fikadesk-speech-") as folder:
        model = answer_model(text, Path(folder)) if text.strip() else None
        words: list[SpokenWord] = []
        if model is not None:
            words = _decode(Decoder(samprate=RATE, lm=str(model[0]), dict=str(model[1]), loglevel="FATAL"),
                            pcm)
            if words:
                return words, "answer"
        return _decode(Decoder(samprate=RATE, loglevel="FATAL"), pcm), "generic"


def _decode(decoder: object, pcm: bytes) -> list[SpokenWord]:
    # Twice: the first pass settles the cepstral mean (live normalisation starts from a guess and
    # garbles the opening words), the second is the one kept.
    for _ in range(2):
        decoder.start_utt()  # type: ignore[attr-defined]
        decoder.process_raw(pcm, full_utt=True)  # type: ignore[attr-defined]
        decoder.end_utt()  # type: ignore[attr-defined]
    words = []
    for segment in decoder.seg():  # type: ignore[attr-defined]
        word = segment.word.split("(", 1)[0]
        if word.startswith("<") or word.startswith("[") or word.startswith("+"):
            continue  # silence and noise markers
        words.append(SpokenWord(word, segment.start_frame / FRAMES_PER_SECOND,
                                (segment.end_frame + 1) / FRAMES_PER_SECOND))
    return words


def analyse(samples: np.ndarray, text: str = "", kind: str = "story") -> SpeechMetrics:
    """Measure a take (16 kHz mono samples) against its written ``text``, offline.

    Without pocketsphinx, or when it finds nothing, pauses and speaking time still come from
    the signal's levels.
    """
    levels = frame_levels(samples, FRAME_SECONDS)
    words: list[SpokenWord] = []
    which = "none"
    if recognizer_missing() is None and len(samples):
        words, which = recognize(samples, text)
    return measure(words, levels, FRAME_SECONDS, text, kind, which)


def analyse_file(path: Path, text: str = "", kind: str = "story") -> SpeechMetrics:
    """Measure a WAV recording (any rate and channel count); SpeechError when it is not one."""
    return analyse(read_wav(path), text, kind)
