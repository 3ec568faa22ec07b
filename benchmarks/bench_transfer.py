"""Benchmark of export and import: JSON and CSV export, import into an empty and a filled journal."""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fikadesk.domain.journal.entries import EntryDraft  # noqa: E402
from fikadesk.domain.journal.outside import parse_brag_markdown  # noqa: E402
from fikadesk.services.container import build_services  # noqa: E402

WORDS = "shipped led mentored fixed planned wrote reviewed migrated billing search team design".split()


def _drafts(count: int) -> list[EntryDraft]:
    rng = random.Random(7)
    start = date(2020, 1, 1)
    return [EntryDraft(day=start + timedelta(days=i % 2500), title=" ".join(rng.choices(WORDS, k=6)),
                       body=" ".join(rng.choices(WORDS, k=60)), impact=" ".join(rng.choices(WORDS, k=8)),
                       tags=tuple(rng.sample(WORDS[:6], 2)), starred=i % 7 == 0) for i in range(count)]


def _ms(action) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    begin = time.perf_counter()
    result = action()
    return round((time.perf_counter() - begin) * 1000, 1), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=20_000)
    args = parser.parse_args()
    out: dict[str, object] = {"entries": args.entries}
    with tempfile.TemporaryDirectory() as folder:
        source = build_services(Path(folder) / "a.fikadesk")
        source.journal.add_many(_drafts(args.entries))
        out["export_json_ms"], text = _ms(source.transfer.export_json)
        out["export_json_mb"] = round(len(str(text).encode()) / 2**20, 1)
        out["export_csv_ms"], _ = _ms(source.transfer.export_csv)
        document = json.loads(str(text))
        empty = build_services(Path(folder) / "b.fikadesk")
        out["import_into_empty_ms"], _ = _ms(lambda: empty.transfer.import_document(document))
        out["import_into_filled_ms"], _ = _ms(lambda: empty.transfer.import_document(document))
        brag = "\n".join(f"## 2026-{1 + i % 12:02d}-{1 + i % 28:02d} Win number {i}\nText {i}\nImpact: {i}\n"
                         for i in range(5000))
        out["parse_brag_5000_ms"], found = _ms(lambda: parse_brag_markdown(brag, "brag.md"))
        out["add_brag_5000_ms"], _ = _ms(lambda: empty.transfer.import_outside(found))  # type: ignore[arg-type]
        for services in (source, empty):
            services.close()
    print(json.dumps(out, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
