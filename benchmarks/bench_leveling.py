"""Benchmark of the Target area at scale: readiness and evidence lists on a large journal."""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import text  # noqa: E402

from fikadesk.domain.journal.entries import EntryDraft  # noqa: E402
from fikadesk.domain.leveling.importing.importer import parse_ladder_files  # noqa: E402
from fikadesk.services.container import build_services  # noqa: E402

TODAY = date(2026, 11, 20)
LADDER = ROOT / "resources" / "ladders" / "software-engineer.md"


def _time(action: Callable[[], object], runs: int) -> dict[str, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return {"median_ms": round(statistics.median(samples), 2), "max_ms": round(max(samples), 2)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--link-share", type=float, default=0.3,
                        help="share of entries linked to one to three target expectations")
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        services = build_services(Path(tmp) / "bench.fikadesk",
                                  clock=lambda: datetime(2026, 11, 20, 9, 0))
        start = time.perf_counter()
        services.journal.add_many(
            EntryDraft(day=TODAY - timedelta(days=rng.randrange(5 * 365)), title=f"Entry {n}",
                       starred=rng.random() < 0.2) for n in range(args.entries))
        leveling = services.leveling
        ladder_id = leveling.import_ladder(parse_ladder_files([LADDER]))
        leveling.set_target(ladder_id, "Engineer II", "Senior Engineer")
        level = leveling.get_ladder(ladder_id).find_level("Senior Engineer")
        assert level is not None
        ids = [e.id for e in level.expectations]
        rows = [{"e": entry, "x": x}
                for entry in range(1, args.entries + 1) if rng.random() < args.link_share
                for x in rng.sample(ids, rng.randint(1, 3))]
        with services.db.write() as conn:
            conn.execute(
                text("INSERT INTO entry_expectation (entry_id, expectation_id) VALUES (:e, :x)"),
                rows)
        built = time.perf_counter() - start
        result = {
            "entries": args.entries, "links": len(rows), "build_s": round(built, 1),
            "readiness": _time(lambda: leveling.readiness(TODAY), args.runs),
            "evidence_for_one_expectation": _time(lambda: leveling.evidence_for(ids[0]),
                                                  args.runs),
            "expectation_choices": _time(leveling.expectation_choices, args.runs),
            "freeze_target": _time(lambda: leveling.freeze_target(TODAY), args.runs),
        }
        services.close()
    json.dump(result, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
