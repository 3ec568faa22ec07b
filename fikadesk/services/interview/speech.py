"""Offline recognition of a spoken take (pocketsphinx, imported only when used) and its measurement."""

from __future__ import annotations

import io
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from fikadesk.domain.interview.speech import (
    FILLERS,
    SpeechMetrics,
    SpokenWord,
    measure,
    spoken_words,
)
from fikadesk.services.interview.speech_audio import FRAME_SECONDS, RATE, frame_levels, read_wav

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


class Recognition:
    """One recognition run, done a slice at a time so a window can stay responsive between steps.

    Biased towards ``text`` when given (falling back to the generic model when that hears
    nothing); each model reads the take twice: the first pass settles the cepstral mean (live
    normalisation starts from a guess and garbles the opening words), the second is kept.
    """

    STEP = RATE // 2  # half a second of audio a step (a few tens of milliseconds of work)
    PASSES = 2

    def __init__(self, samples: np.ndarray, text: str = "") -> None:
        # A faint, fixed hiss under the take: stretches of digital silence (synthetic or gated
        # audio) otherwise throw the feature normalisation off and garble the words after them.
        hiss = np.random.default_rng(0).normal(0.0, DITHER, len(samples)).astype(np.float32)
        self._pcm = (np.clip(samples + hiss, -1.0, 1.0) * 32767).astype("<i2").tobytes()
        self._decoder: Any = None
        self.which = "generic"
        if text.strip():
            from pocketsphinx import Decoder

            with tempfile.TemporaryDirectory(prefix="fikadesk-speech-") as folder:
                model = answer_model(text, Path(folder))
                if model is not None:
                    self._decoder = Decoder(samprate=RATE, lm=str(model[0]), dict=str(model[1]),
                                            loglevel="FATAL")
                    self.which = "answer"
        self._pass, self._at = 0, 0
        self.words: list[SpokenWord] = []
        self.done = False

    @property
    def progress(self) -> float:
        """How far the run has got, 0.0 to 1.0 (for the biased model; a fallback starts again)."""
        size = max(1, len(self._pcm))
        return 1.0 if self.done else min(1.0, (self._pass * size + self._at) / (self.PASSES * size))

    def step(self) -> bool:
        """Recognize the next slice; True once the words are known."""
        if self.done:
            return True
        if self._decoder is None:
            from pocketsphinx import Decoder

            self._decoder = Decoder(samprate=RATE, loglevel="FATAL")
        if self._at == 0:
            self._decoder.start_utt()
        piece = self._pcm[self._at:self._at + 2 * self.STEP]
        if piece:
            self._decoder.process_raw(piece, full_utt=False)
        self._at += len(piece)
        if self._at < len(self._pcm):
            return False
        self._decoder.end_utt()
        self._pass, self._at = self._pass + 1, 0
        if self._pass < self.PASSES:
            return False
        self.words = _words(self._decoder)
        if not self.words and self.which == "answer":  # nothing heard through the answer's model
            self._decoder, self.which, self._pass = None, "generic", 0
            return False
        self.done = True
        return True


def _words(decoder: Any) -> list[SpokenWord]:
    words = []
    for segment in decoder.seg():
        word = segment.word.split("(", 1)[0]
        if word.startswith("<") or word.startswith("[") or word.startswith("+"):
            continue  # silence and noise markers
        words.append(SpokenWord(word, segment.start_frame / FRAMES_PER_SECOND,
                                (segment.end_frame + 1) / FRAMES_PER_SECOND))
    return words


def measure_recognized(samples: np.ndarray, run: Recognition | None, text: str = "",
                       kind: str = "story") -> SpeechMetrics:
    """Measure a take from a finished recognition run (None: no recognizer, levels only)."""
    levels = frame_levels(samples, FRAME_SECONDS)
    if run is None:
        return measure([], levels, FRAME_SECONDS, text, kind, "none")
    return measure(run.words, levels, FRAME_SECONDS, text, kind, run.which)


def analyse(samples: np.ndarray, text: str = "", kind: str = "story") -> SpeechMetrics:
    """Measure a take (16 kHz mono samples) against its written ``text``, offline.

    Without pocketsphinx, or when it finds nothing, pauses and speaking time still come from
    the signal's levels.
    """
    run = None
    if recognizer_missing() is None and len(samples):
        run = Recognition(samples, text)
        while not run.step():
            pass
    return measure_recognized(samples, run, text, kind)


def analyse_file(path: Path, text: str = "", kind: str = "story") -> SpeechMetrics:
    """Measure a WAV recording (any rate and channel count); SpeechError when it is not one."""
    return analyse(read_wav(path), text, kind)
