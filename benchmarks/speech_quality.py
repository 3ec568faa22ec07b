"""Spoken-take measurement quality on synthetic takes (espeak-ng + sox): WER, pace error, pause and
filler recall, real-time factor. Texts are this project's own (tests/speech_takes.py)."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fikadesk.domain.interview.speech import word_error_rate  # noqa: E402
from fikadesk.services.interview.speech import analyse, recognizer_missing  # noqa: E402
from fikadesk.services.interview.speech_audio import RATE, read_wav  # noqa: E402
from tests.speech_takes import (  # noqa: E402
    ASPIRATION,
    RAMBLE,
    RAMBLE_CLEAN,
    RAMBLE_FILLERS,
    STORY,
    sentences,
    synthesize,
    tools_missing,
)


def cases() -> list[dict]:
    story, aim, ramble = sentences(STORY), sentences(ASPIRATION), sentences(RAMBLE)
    return [
        {"name": "story 150 wpm, 2 s pause", "pieces": [story[0], story[1], 2.0, story[2], story[3]],
         "text": STORY, "said": STORY, "wpm": 150, "pauses": 1, "fillers": {}},
        {"name": "story 120 wpm, 3 s + 2 s pauses",
         "pieces": [story[0], 3.0, story[1], story[2], 2.0, story[3]],
         "text": STORY, "said": STORY, "wpm": 120, "pauses": 2, "fillers": {}},
        {"name": "story 180 wpm, other voice", "pieces": story, "text": STORY, "said": STORY, "wpm": 180,
         "pauses": 0, "fillers": {}, "voice": "en-gb"},
        {"name": "story 150 wpm, noise ~20 dB SNR, 2 s pause",
         "pieces": [story[0], story[1], 2.0, story[2], story[3]], "text": STORY, "said": STORY, "wpm": 150,
         "pauses": 1, "fillers": {}, "noise": 0.03},
        {"name": "aspiration 150 wpm, 44.1 kHz stereo", "pieces": aim, "text": ASPIRATION,
         "said": ASPIRATION, "wpm": 150, "pauses": 0, "fillers": {}, "rate": 44100, "channels": 2},
        {"name": "ramble with 5 fillers, 2.5 s pause",
         "pieces": [ramble[0], ramble[1], 2.5, ramble[2], ramble[3]],
         "text": RAMBLE_CLEAN, "said": RAMBLE, "wpm": 150, "pauses": 1, "fillers": RAMBLE_FILLERS},
        {"name": "story, one sentence left out", "pieces": [story[0], story[2], story[3]], "text": STORY,
         "said": " ".join([story[0], story[2], story[3]]), "wpm": 150, "pauses": 0, "fillers": {},
         "missed": [story[1]]},
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.parse_args()
    for reason in (tools_missing(), recognizer_missing()):
        if reason:
            print(f"skipped: {reason}")
            return 0
    totals = {"wer": 0.0, "pace": 0.0, "pause_hit": 0, "pause_all": 0, "filler_hit": 0, "filler_all": 0,
              "audio": 0.0, "work": 0.0, "missed_ok": 0, "missed_all": 0, "filler_false": 0}
    print(f"{'take':44} {'WER':>5} {'wpm':>5} {'err':>6} {'pauses':>7} {'fillers':>8} {'RTF':>5}")
    with tempfile.TemporaryDirectory() as folder:
        for case in cases():
            path = synthesize(case["pieces"], Path(folder) / "take.wav", wpm=case["wpm"],
                              voice=case.get("voice", "en-us"), rate=case.get("rate", 16000),
                              channels=case.get("channels", 1), noise=case.get("noise"))
            samples = read_wav(path)
            started = time.perf_counter()
            found = analyse(samples, case["text"])
            work = time.perf_counter() - started
            wer = word_error_rate(case["said"], found.transcript)
            pace = abs((found.words_per_minute or 0) - case["wpm"]) / case["wpm"]
            hits = min(len(found.pauses), case["pauses"])
            filler_hits = sum(min(found.fillers.get(w, 0), n) for w, n in case["fillers"].items())
            totals["wer"] += wer
            totals["pace"] += pace
            totals["pause_hit"] += hits
            totals["pause_all"] += case["pauses"]
            totals["filler_hit"] += filler_hits
            totals["filler_all"] += sum(case["fillers"].values())
            totals["filler_false"] += found.filler_count - filler_hits
            totals["audio"] += len(samples) / RATE
            totals["work"] += work
            if "missed" in case:
                totals["missed_all"] += 1
                totals["missed_ok"] += list(found.missed) == case["missed"]
            false = len(found.pauses) - case["pauses"]
            extra = f" (+{false} false)" if false > 0 else ""
            print(f"{case['name']:44} {wer:5.2f} {found.words_per_minute or 0:5.0f} {pace:6.1%} "
                  f"{hits}/{case['pauses']:<5}{extra} {filler_hits}/{sum(case['fillers'].values()):<6} "
                  f"{work / (len(samples) / RATE):5.3f}")
    count = len(cases())
    print(f"\nmean WER {totals['wer'] / count:.3f} (floor for a pass: <= 0.35)")
    print(f"mean pace error {totals['pace'] / count:.1%} (floor: <= 25%)")
    print(f"pause recall {totals['pause_hit']}/{totals['pause_all']}")
    print(f"filler recall {totals['filler_hit']}/{totals['filler_all']}, "
          f"false fillers {totals['filler_false']} over all takes")
    print(f"left-out sentence named {totals['missed_ok']}/{totals['missed_all']}")
    print(f"real-time factor {totals['work'] / totals['audio']:.3f} (processing seconds per second of audio)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
