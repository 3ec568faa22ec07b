"""Time the ladder importer on hostile input: every case must end, read or refused, in 5 s.

    python benchmarks/ladders_hostile.py

Cases: multi-megabyte runs of '#', '*', '[', '|', spaces and '<td>', unclosed tags, endless
table rows and cells, 40,000 headings, and a 20 MB file on disk (refused before reading).
Prints each case's time, its ratio to the 5 s limit and its outcome; exits 1 if one is slower.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fikadesk.domain.leveling.importing.importer import (  # noqa: E402
    LadderImportError,
    parse_ladder_files,
    parse_ladder_text,
)

LIMIT = 5.0

CASES: dict[str, str] = {
    "hashes": "#" * 5_000_000,
    "stars": "*" * 5_000_000,
    "brackets": "[" * 5_000_000,
    "spaces then text": " " * 5_000_000 + "x",
    "pipes": "# L1\n- a\n" + "|" * 4_000_000 + "\n",
    "table rows": "# T\n| a | b |\n|---|---|\n" + "| x |   y   |\n" * 200_000,
    "td tags": "<table><tr>" + "<td>" * 1_000_000,
    "unclosed tag": "<table>\n<tr><td><a" + "a" * 4_000_000,
    "spaces in a cell": "| S | Junior | Senior |\n|---|---|---|\n| x | " + " " * 4_000_000 + "y | z |\n",
    "semicolons in a cell": "| S | Junior | Senior |\n|---|---|---|\n| x | " + "; " * 2_000_000 + " | z |\n",
    "40,000 headings": "".join(f"{'#' * (i % 6 + 1)} H{i}\nprose {i}\n" for i in range(40_000)),
    "labels": "# L1\n- " + "**a:** " * 550_000 + "\n# L2\n- b\n",
}


def _run(action: Callable[[], object]) -> tuple[float, str]:
    start = time.perf_counter()
    try:
        found = action()
        outcome = f"read: {len(found.level_names)} levels"  # type: ignore[attr-defined]
    except LadderImportError as exc:
        outcome = f"refused: {exc}"[:100]
    return time.perf_counter() - start, outcome


def main() -> int:
    """Run every case and print the table."""
    worst = 0.0
    for name, text in CASES.items():
        elapsed, outcome = _run(lambda text=text: parse_ladder_text(text, filename="h.md"))
        worst = max(worst, elapsed)
        print(f"{name:22} {elapsed:6.2f} s  {elapsed / LIMIT:5.2f}x limit  {outcome}")
    with tempfile.TemporaryDirectory() as folder:
        big = Path(folder) / "big.md"
        with big.open("wb") as handle:
            handle.write(b"# L1\n- a\n" + b"#" * (20 * 1024 * 1024))
        elapsed, outcome = _run(lambda: parse_ladder_files([big]))
        worst = max(worst, elapsed)
        print(f"{'20 MB file':22} {elapsed:6.2f} s  {elapsed / LIMIT:5.2f}x limit  {outcome}")
    print(f"\nslowest: {worst:.2f} s ({worst / LIMIT:.2f}x the {LIMIT:.0f} s limit)")
    return 0 if worst < LIMIT else 1


if __name__ == "__main__":
    raise SystemExit(main())
