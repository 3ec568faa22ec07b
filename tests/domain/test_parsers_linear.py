"""Every parser stays linear on hostile input: the fuzz benchmark's shapes, at a size that would
take minutes if any pattern backtracked quadratically (no timing asserts: a hang hits the timeout)."""

import importlib.util
from pathlib import Path

import pytest

from fikadesk.domain.journal.outside import parse_brag_markdown

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "fuzz_parsers.py"
_spec = importlib.util.spec_from_file_location("fuzz_parsers", BENCH)
assert _spec is not None and _spec.loader is not None
fuzz = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fuzz)

# Characters per shape: the brag heading of 1,000 trailing spaces took 4 s before the rewrite
# (cubic), so 200,000 would take days; the linear parsers read it in milliseconds to seconds.
SIZES = {"brag": 200_000, "jrnl": 200_000, "ladder-md": 100_000, "ladder-csv": 100_000,
         "coach": 30_000, "key-terms": 200_000}


@pytest.mark.timeout(300)
@pytest.mark.parametrize(("parser", "shape", "build"), fuzz.SHAPES,
                         ids=[f"{p}: {s}" for p, s, _b in fuzz.SHAPES])
def test_hostile_shape_finishes(parser, shape, build):
    fuzz.PARSERS[parser](build(SIZES[parser]))


def test_a_heading_padded_with_spaces_still_reads_as_the_same_entry():
    text = (f"## 2026-03-14 Led the migration{' ' * 5000}##  \n"
            f"- 2026-03-15 ⭐ Fixed the build{' ' * 5000}\n"
            f"- 2026-03-16 Wrote the guide{' ' * 5000}(starred)\n")
    found = parse_brag_markdown(text)
    assert [(e.draft.title, e.draft.starred) for e in found] == [
        ("Led the migration", False), ("Fixed the build", True), ("Wrote the guide", True)]
