"""Synthetic spoken takes for the speech tests and benchmark: espeak-ng voices joined by sox."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from fikadesk.domain.interview.speech import spoken_words

# Texts written for these tests (no outside material).
STORY = ("Last spring our nightly import kept failing and the sales team lost a day of orders. "
         "I traced the failures to a slow database query and rewrote it with the team. "
         "We added a check that warns us before the import runs out of time. "
         "Since then the import has finished on time every night for six months.")
ASPIRATION = ("In my first year here I want to learn the billing system and ship small changes every week. "
              "In two or three years I would like to lead a small team that owns the checkout service. "
              "In the long run I want to shape how the whole company builds reliable software.")
RAMBLE = ("So um the project started when our support team asked for a better search. "
          "I uh built a first version in two weeks, you know, with a simple index. "
          "It was like really slow at first, so I basically rewrote the ranking. "
          "Now people find the answer they need in a few seconds.")
RAMBLE_CLEAN = ("The project started when our support team asked for a better search. "
                "I built a first version in two weeks with a simple index. "
                "It was really slow at first, so I rewrote the ranking. "
                "Now people find the answer they need in a few seconds.")
RAMBLE_FILLERS = {"um": 1, "uh": 1, "you know": 1, "like": 1, "basically": 1}

Piece = str | float  # words to say, or seconds of silence


def tools_missing() -> str | None:
    """Why takes cannot be synthesized here (None when espeak-ng and sox are installed)."""
    missing = [tool for tool in ("espeak-ng", "sox") if shutil.which(tool) is None]
    return f"{' and '.join(missing)} not installed (apt-get install espeak-ng sox)" if missing else None


def synthesize(pieces: Sequence[Piece], out: Path, *, wpm: int = 150, voice: str = "en-us",
               rate: int = 16000, channels: int = 1, noise: float | None = None) -> Path:
    """Say ``pieces`` at ``wpm`` (silences in seconds between), written as a WAV at ``rate``.

    espeak-ng's speed setting is not the pace it reaches, so the speech is made twice: the second
    time at the setting that makes the words over the spoken parts' length come to ``wpm``.
    ``noise`` adds pink noise at that amplitude (0.0-1.0 of full scale).
    """
    words = sum(len(spoken_words(p)) for p in pieces if isinstance(p, str))
    with tempfile.TemporaryDirectory() as folder:
        speed = wpm
        for _ in range(2):
            parts, said = _parts(pieces, Path(folder), voice, speed)
            speed = max(80, round(speed * wpm / (words * 60 / said))) if said else speed
        joined = Path(folder) / "joined.wav"
        subprocess.run(["sox", *parts, "-r", str(rate), "-c", "1", "-b", "16", str(joined)],
                       check=True, capture_output=True)
        if noise is not None:
            seconds = str(seconds_of(joined))
            hiss = Path(folder) / "noise.wav"
            subprocess.run(["sox", "-n", "-r", str(rate), "-c", "1", "-b", "16", str(hiss), "synth",
                            seconds, "pinknoise", "vol", str(noise)], check=True, capture_output=True)
            mixed = Path(folder) / "mixed.wav"
            subprocess.run(["sox", "-m", str(joined), str(hiss), str(mixed)], check=True,
                           capture_output=True)
            joined = mixed
        subprocess.run(["sox", str(joined), "-c", str(channels), str(out)], check=True, capture_output=True)
    return out


def _parts(pieces: Sequence[Piece], folder: Path, voice: str, speed: int) -> tuple[list[str], float]:
    """Each piece as a WAV file, and the seconds the spoken ones last."""
    parts, said = [], 0.0
    for index, piece in enumerate(pieces):
        part = folder / f"{index:03d}.wav"
        if isinstance(piece, str):
            subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(part), piece],
                           check=True, capture_output=True)
            said += seconds_of(part)
        else:
            subprocess.run(["sox", "-n", "-r", "22050", "-c", "1", "-b", "16", str(part),
                            "trim", "0", str(piece)], check=True, capture_output=True)
        parts.append(str(part))
    return parts, said


def seconds_of(path: Path) -> float:
    """How long a WAV file lasts."""
    return float(subprocess.run(["soxi", "-D", str(path)], check=True, capture_output=True,
                                text=True).stdout.strip())


def sentences(text: str) -> list[str]:
    """The sentences of one of the texts above (each ends with a full stop)."""
    return [part.strip() + "." for part in text.split(".") if part.strip()]
