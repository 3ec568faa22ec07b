"""Benchmark of the promotion case on a busy journal: gathering, markdown and PDF, timed."""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fikadesk.briefs.promotion import PromotionOptions, default_period  # noqa: E402
from fikadesk.domain.journal.entries import EntryDraft  # noqa: E402
from fikadesk.domain.leveling.importing.importer import parse_ladder_files  # noqa: E402
from fikadesk.services.container import build_services  # noqa: E402

TODAY = date(2026, 11, 20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=2000, help="entries in the journal")
    parser.add_argument("--linked", type=int, default=300, help="of them linked to expectations")
    args = parser.parse_args()
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as tmp:
        services = build_services(Path(tmp) / "bench.fikadesk", clock=lambda: datetime(2026, 11, 20))
        ladder = parse_ladder_files([ROOT / "resources" / "ladders" / "software-engineer.md"])
        ladder_id = services.leveling.import_ladder(ladder)
        services.leveling.set_target(ladder_id, "Engineer II", "Senior Engineer")
        senior = services.leveling.get_ladder(ladder_id).find_level("Senior Engineer")
        assert senior is not None
        services.journal.add_many(
            EntryDraft(day=TODAY - timedelta(days=rng.randint(0, 500)), title=f"Entry {n} shipped",
                       impact="Saved the team a day a week", starred=rng.random() < 0.2,
                       private=rng.random() < 0.05)
            for n in range(args.entries))
        with services.db.write() as conn:
            conn.execute(
                text("INSERT OR IGNORE INTO entry_expectation (entry_id, expectation_id) "
                     "VALUES (:e, :x)"),
                [{"e": rng.randint(1, args.entries), "x": rng.choice(senior.expectations).id}
                 for _ in range(args.linked)])
        options = PromotionOptions(*default_period(TODAY))
        start = time.perf_counter()
        brief = services.briefs.promotion(options, TODAY)
        gathered = time.perf_counter() - start
        services.close()
        from fikadesk.ui.briefs.pdf import export_pdf

        start = time.perf_counter()
        pages = export_pdf(brief, "Promotion case", Path(tmp) / "case.pdf")
        printed = time.perf_counter() - start
    print(f"{args.entries} entries, {args.linked} links: markdown {len(brief):,} characters in "
          f"{gathered * 1000:.0f} ms; PDF {pages} pages in {printed * 1000:.0f} ms")


if __name__ == "__main__":
    main()
