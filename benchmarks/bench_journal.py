"""Benchmark of the journal at scale: build a large journal, then time the everyday operations."""

from __future__ import annotations

import argparse
import json
import platform
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fikadesk.domain.journal.entries import EntryDraft, EntryQuery  # noqa: E402
from fikadesk.services.journal.service import JournalService  # noqa: E402
from fikadesk.storage.engine import Database, open_database  # noqa: E402

TODAY = date(2026, 11, 20)
RARE_TERM = "zanzibarquokka"  # appears in exactly 7 entries
COMMON = ("review", "design", "team", "customer", "latency", "migration", "incident", "roadmap",
          "mentoring", "billing", "release", "planning", "database", "onboarding", "testing")
FILLER = ("the", "and", "with", "for", "we", "shipped", "improved", "agreed", "wrote", "led", "fixed",
          "measured", "reduced", "helped", "after", "before", "weekly", "quarter", "stakeholders")
TAGS = ("leadership", "design", "mentoring", "incident", "delivery", "scope", "influence", "quality",
        "hiring", "ops", "security", "docs", "cost", "product", "platform")


def _vocabulary(rng: random.Random) -> list[str]:
    """Common words, ordinary words and a long tail of rare made-up words (Zipf-like use)."""
    letters = "abcdefghijklmnoprstuvwy"
    tail = {"".join(rng.choice(letters) for _ in range(rng.randint(5, 11))) for _ in range(20_000)}
    return list(COMMON) + list(FILLER) + sorted(tail)


def _drafts(count: int, seed: int = 7) -> Iterator[EntryDraft]:
    rng = random.Random(seed)
    vocab = _vocabulary(rng)
    cum: list[float] = []
    for rank in range(len(vocab)):
        cum.append((cum[-1] if cum else 0.0) + 1.0 / (rank + 1) ** 1.05)
    head = cum[:400]
    start = TODAY - timedelta(days=5 * 365)
    rare_at = {rng.randrange(count) for _ in range(7)}
    for index in range(count):
        words = rng.choices(vocab, cum_weights=cum, k=rng.randint(15, 120))
        if index in rare_at:
            words.insert(rng.randrange(len(words) + 1), RARE_TERM)
        title = " ".join(rng.choices(vocab[:400], cum_weights=head, k=rng.randint(3, 8))).capitalize()
        yield EntryDraft(
            day=start + timedelta(days=rng.randrange(5 * 365)),
            title=title,
            body=" ".join(words) + ".",
            impact=" ".join(rng.choices(vocab[:200], k=rng.randint(0, 12))),
            tags=tuple(rng.sample(TAGS, rng.choice((0, 1, 1, 2, 2, 3)))),
            starred=rng.random() < 0.15,
            revisit_on=TODAY - timedelta(days=rng.randint(-60, 60)) if rng.random() < 0.02 else None,
        )


def build(path: Path, entries: int) -> float:
    """Create a journal with ``entries`` entries through JournalService.add_many; return seconds."""
    db = open_database(path)
    try:
        service = JournalService(db, clock=lambda: datetime(2026, 11, 20, 10, 0))
        drafts = list(_drafts(entries))  # generated first, so only the writing is timed
        started = time.perf_counter()
        for first in range(0, len(drafts), 10_000):
            service.add_many(drafts[first:first + 10_000])
        return time.perf_counter() - started
    finally:
        db.close()


def _measure(fn: Callable[[], object], repeat: int) -> dict[str, float]:
    fn()  # warm the page cache and the statement cache
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return {"median_ms": statistics.median(times), "p95_ms": p95, "min_ms": times[0], "runs": repeat}


def run(db: Database, repeat: int) -> dict[str, dict[str, float]]:
    """Time each operation ``repeat`` times."""
    service = JournalService(db)
    counter = iter(range(10**9))

    def list_first_page(query: EntryQuery) -> Callable[[], object]:
        return lambda: (service.count(query), service.page(query, 0, 200))

    filtered = EntryQuery(text="design", tags=("leadership",), starred_only=True,
                          since=TODAY - timedelta(days=730), until=TODAY - timedelta(days=30))
    cases: dict[str, Callable[[], object]] = {
        "add one entry": lambda: service.add(EntryDraft(day=TODAY, title=f"Bench entry {next(counter)}",
                                                        body="A short body about the review.",
                                                        tags=("leadership", "bench"))),
        "count + first page (all)": list_first_page(EntryQuery()),
        f"search rare '{RARE_TERM}'": list_first_page(EntryQuery(text=RARE_TERM)),
        "search common 'design'": list_first_page(EntryQuery(text="design")),
        "search 2-letter prefix 're'": list_first_page(EntryQuery(text="re")),
        "search + tag + starred + dates": list_first_page(filtered),
        "search a month '2026-03'": list_first_page(EntryQuery(text="2026-03")),
        "search a day '2026-03-14'": list_first_page(EntryQuery(text="2026-03-14")),
        "search word + year 'design 2025'": list_first_page(EntryQuery(text="design 2025")),
        "page at offset 90,000": lambda: service.page(EntryQuery(), 90_000, 200),
        "due_revisits": lambda: service.due_revisits(TODAY),
        "tags()": service.tags,
        "stats()": service.stats,
    }
    return {name: _measure(fn, repeat) for name, fn in cases.items()}


def main(argv: list[str] | None = None) -> int:
    """Build (or reuse) a journal, time the operations, print a table and write JSON."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--entries", type=int, default=100_000, help="entries to generate (default 100000)")
    parser.add_argument("--db", type=Path, help="reuse this journal (built there first if missing)")
    parser.add_argument("--repeat", type=int, default=30, help="timed runs per operation (default 30)")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out", help="folder for JSON")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="fikadesk-bench-") as scratch:
        path = args.db or Path(scratch) / "bench.fikadesk"
        build_seconds = None
        if not path.exists():
            print(f"building {args.entries:,} entries in {path} ...", flush=True)
            build_seconds = build(path, args.entries)
            print(f"built in {build_seconds:.1f} s", flush=True)
        db = open_database(path)
        try:
            total = JournalService(db).count()
            results = run(db, args.repeat)
        finally:
            db.close()
        size = path.stat().st_size

    print(f"\njournal: {total:,} live entries, {size / 1e6:.1f} MB, {args.repeat} runs each")
    print(f"{'operation':<36}{'median ms':>12}{'p95 ms':>10}")
    for name, row in results.items():
        print(f"{name:<36}{row['median_ms']:>12.2f}{row['p95_ms']:>10.2f}")
    report = {
        "when": datetime.now().isoformat(timespec="seconds"),
        "entries": total,
        "file_bytes": size,
        "build_seconds": build_seconds,
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "machine": platform.platform(),
        "results": results,
    }
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"bench_journal-{datetime.now():%Y%m%d-%H%M%S}.json"
    target.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nwrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
