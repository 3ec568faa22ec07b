"""Score the ladder importer, run with no hints, against hand counts of public ladders.

The counts and sources live in tests/data/ladders_public_expected.json; the ladders' text does
not live in this repository. Download each source into a folder (its ``input`` path is relative
to that folder) and run::

    python benchmarks/ladders_public_score.py /work/wt/_ladders_public

Each ladder is imported exactly as ``fikadesk ladder import PATH`` would (no --level-depth, no
--name). A ladder passes when the levels found are the author's (each expected name contained
in the found one, case ignored), in the author's order, with the author's number of
expectations each; a ladder the author did not write as a ladder passes when it is refused.
"Junk" counts a ladder that would be saved although it is wrong, which is worse than a
refusal. Alternatives offered by the importer are checked against the other tracks counted.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fikadesk.domain.leveling.importing.importer import (  # noqa: E402
    LadderImport,
    LadderImportError,
    parse_ladder_files,
)

EXPECTED = ROOT / "tests" / "data" / "ladders_public_expected.json"


@dataclass
class Score:
    """How one ladder came out."""

    ident: str
    issue: int
    outcome: str  # "pass", "refused", "junk", "wrong-refusal"
    levels: str
    names: str
    counts: str
    detail: str


def _matches(expected: list[str], found: list[str]) -> bool:
    """Every expected name is contained in the found name at the same place."""
    return len(expected) == len(found) and all(
        e.casefold() in f.casefold() for e, f in zip(expected, found, strict=True))


def _reading_matches(want: dict[str, Any], names: list[str], counts: list[int]) -> bool:
    return _matches(want["levels"], names) and list(want["counts"]) == counts


def _saved(found: LadderImport) -> bool:
    """Would ``ladder import`` save this reading? (A reading below the bar is refused.)"""
    return not bool(getattr(found, "below_bar", False))


def score_one(entry: dict[str, Any], folder: Path) -> Score:
    """Import one public ladder with no hints and compare it with the hand counts."""
    path = folder / entry["input"]
    want = entry["expected"]
    try:
        found = parse_ladder_files([path])
    except LadderImportError as exc:
        if want.get("refused"):
            return Score(entry["id"], entry["issue"], "refused", "-", "-", "-", str(exc)[:90])
        return Score(entry["id"], entry["issue"], "wrong-refusal", "0/" + str(len(want["levels"])),
                     "-", "-", str(exc)[:90])
    names = list(found.level_names)
    counts = [n for _name, n in found.expectation_counts]
    saved = _saved(found)
    if want.get("refused"):
        outcome = "junk" if saved else "refused"
        return Score(entry["id"], entry["issue"], outcome, str(len(names)), "-", "-",
                     ("saved " if saved else "would refuse ") + ", ".join(names)[:80])
    expected_names = want["levels"]
    names_ok = _matches(expected_names, names)
    same = sum(1 for a, b in zip(counts, want["counts"], strict=False) if a == b)
    exact = names_ok and counts == list(want["counts"])
    alternatives = getattr(found, "alternatives", ())
    alt_want = entry.get("alternatives", [])
    alt_ok = sum(1 for alt in alt_want if any(
        _reading_matches(alt, list(r.level_names), [n for _x, n in r.expectation_counts])
        for r in alternatives))
    detail = "" if exact else f"found {names[:4]}{'...' if len(names) > 4 else ''} {counts}"
    if alt_want:
        detail = f"alternatives {alt_ok}/{len(alt_want)} " + detail
    if exact and saved:
        outcome = "pass"
    elif exact:
        outcome = "refused"  # right reading, but below the bar: not saved
    else:
        outcome = "junk" if saved else "refused"
    return Score(entry["id"], entry["issue"], outcome, f"{len(names)}/{len(expected_names)}",
                 "yes" if names_ok else "no", f"{same}/{len(want['counts'])}", detail)


def main() -> int:
    """Print the score table; the exit code is 0 when every ladder passes."""
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path, help="folder holding the downloaded ladders")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args()
    entries = json.loads(EXPECTED.read_text(encoding="utf-8"))["ladders"]
    scores = [score_one(entry, args.folder) for entry in entries]
    if args.json:
        print(json.dumps([s.__dict__ for s in scores], indent=2))
    else:
        print(f"{'ladder':<28} {'issue':>5} {'outcome':<13} {'levels':>6} {'names':>5} "
              f"{'counts':>6}  detail")
        for s in scores:
            print(f"{s.ident:<28} {s.issue:>5} {s.outcome:<13} {s.levels:>6} {s.names:>5} "
                  f"{s.counts:>6}  {s.detail}")
    good = sum(1 for s, e in zip(scores, entries, strict=True)
               if s.outcome == "pass" or (s.outcome == "refused" and e["expected"].get("refused")))
    junk = sum(1 for s in scores if s.outcome == "junk")
    print(f"\nas the author meant: {good}/{len(scores)}; saved as junk: {junk}")
    return 0 if good == len(scores) else 1


if __name__ == "__main__":
    raise SystemExit(main())
