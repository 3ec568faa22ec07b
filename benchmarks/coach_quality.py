"""Precision and recall of the interview coach per code over the labelled corpus."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from fikadesk.domain.interview.coach import CODES, coach  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "coach_corpus.json"
BLIND = ROOT / "tests" / "data" / "coach_holdout.json"
FRESH_SETS = (ROOT / "tests" / "data" / "coach_fresh.json", ROOT / "tests" / "data" / "coach_fresh2.json")
FRESH_STATUS = {
    "coach_fresh.json": "written 2026-12-01 without reading any rule or earlier corpus; its misses were "
                        "then used to generalise the rules, so it no longer measures unseen answers",
    "coach_fresh2.json": "written 2026-12-01 without reading any rule or earlier corpus, after the last "
                         "change to the rules; never tuned against: measurement only",
}
THRESHOLD = 0.9


def load(path: Path = CORPUS) -> list[dict]:
    """The labelled answers of one corpus file."""
    return json.loads(path.read_text(encoding="utf-8"))["answers"]


def scores(entries: list[dict]) -> dict[str, tuple[float, float, int, int, int]]:
    """Per code: (precision, recall, true positives, false positives, false negatives)."""
    tally = {code: [0, 0, 0] for code in CODES}
    for e in entries:
        got = {f.code for f in coach(e["text"], kind=e["kind"], key_terms=e.get("key_terms", ()))}
        want = set(e["codes"])
        for code in CODES:
            if code in got and code in want:
                tally[code][0] += 1
            elif code in got:
                tally[code][1] += 1
            elif code in want:
                tally[code][2] += 1
    out = {}
    for code, (tp, fp, fn) in tally.items():
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / (tp + fn) if tp + fn else 1.0
        out[code] = (precision, recall, tp, fp, fn)
    return out


def mistakes(entries: list[dict]) -> list[str]:
    """One line per answer whose codes differ from its labels."""
    lines = []
    for e in entries:
        got = {f.code for f in coach(e["text"], kind=e["kind"], key_terms=e.get("key_terms", ()))}
        if got != set(e["codes"]):
            lines.append(f"{e['id']}: extra {sorted(got - set(e['codes']))} "
                         f"missed {sorted(set(e['codes']) - got)}")
    return lines


def table(title: str, result: dict[str, tuple[float, float, int, int, int]]) -> str:
    """The per-code scores as a text table under a title."""
    rows = [title, f"{'code':<18} {'prec':>5} {'rec':>5} {'tp':>3} {'fp':>3} {'fn':>3}"]
    for code, (p, r, tp, fp, fn) in result.items():
        rows.append(f"{code:<18} {p:5.2f} {r:5.2f} {tp:3d} {fp:3d} {fn:3d}")
    return "\n".join(rows)


def main() -> int:
    """Print the tables; exit 1 when a code of the tuning set falls below the threshold."""
    entries = load()
    tuned = [e for e in entries if not e.get("holdout")]
    held = [e for e in entries if e.get("holdout")]
    main_scores = scores(tuned)
    print(table(f"Tuning set ({len(tuned)} answers)", main_scores))
    if held:
        print()
        print(table(f"Held-out set ({len(held)} answers)", scores(held)))
    blind = load(BLIND) if BLIND.exists() else []
    if blind:
        print()
        print(table(f"Blind set ({len(blind)} answers, {BLIND.name})", scores(blind)))
        print("(written before the rules were read; the rules were tuned against it on 2026-12-01, "
              "so it no longer measures unseen answers)")
    fresh_sets = [(path, load(path)) for path in FRESH_SETS if path.exists()]
    for path, fresh in fresh_sets:
        print()
        print(table(f"Fresh set ({len(fresh)} answers, {path.name})", scores(fresh)))
        print(f"({FRESH_STATUS[path.name]})")
    if "-v" in sys.argv:
        print("\n".join(mistakes(entries + blind)))
        for path, fresh in fresh_sets:
            print(f"{path.name} mistakes:")
            print("\n".join(mistakes(fresh)))
    started = time.perf_counter()
    for e in entries:
        coach(e["text"], kind=e["kind"], key_terms=e.get("key_terms", ()))
    per_answer = (time.perf_counter() - started) / len(entries) * 1000
    print(f"\nspeed: {per_answer:.2f} ms per corpus answer (the tab re-checks 250 ms after typing stops)")
    failing = [c for c, (p, r, *_rest) in main_scores.items() if min(p, r) < THRESHOLD]
    if failing:
        print(f"below {THRESHOLD}: {', '.join(failing)}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
