"""Fuzz benchmark of every text parser: grows pathological inputs and prints time against size.

Each shape is a builder ``n -> text`` of about ``n`` characters (long runs of spaces, of '#', of
'*', unclosed brackets, ...). A parser that is linear in its input takes about twice as long
when the size doubles (the "x2" column stays near 2); a backtracking regular expression shows
up as 4 (quadratic) or worse. Run: ``python benchmarks/fuzz_parsers.py [--sizes 4000 8000 16000]``.
The shapes are shared with ``tests/domain/test_parsers_linear.py``.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fikadesk.domain.interview.coach import coach  # noqa: E402
from fikadesk.domain.interview.terms import extract_key_terms  # noqa: E402
from fikadesk.domain.journal.outside import (  # noqa: E402
    OutsideFormatError,
    parse_brag_markdown,
    parse_jrnl_json,
)
from fikadesk.domain.leveling.importing.import_error import LadderImportError  # noqa: E402
from fikadesk.domain.leveling.importing.importer import parse_ladder_text  # noqa: E402


def _brag(text: str) -> object:
    try:
        return parse_brag_markdown(text, "fuzz.md")
    except OutsideFormatError as refused:  # e.g. a body over the limit, said once it is read
        return refused


def _jrnl(text: str) -> object:
    try:
        return parse_jrnl_json(text)
    except OutsideFormatError as refused:
        return refused


def _ladder(filename: str) -> Callable[[str], object]:
    def parse(text: str) -> object:
        try:
            return parse_ladder_text(text, filename=filename)
        except LadderImportError as refused:  # a clear refusal is a fine answer; a hang is not
            return refused
    return parse


def _coach(text: str) -> object:
    return (coach(text, kind="aspiration", key_terms=("stakeholder management", "python")),
            coach(text, kind="story"))


def _terms(text: str) -> object:
    return extract_key_terms(text)


PARSERS: dict[str, Callable[[str], object]] = {
    "brag": _brag,
    "jrnl": _jrnl,
    "ladder-md": _ladder("ladder.md"),
    "ladder-csv": _ladder("ladder.csv"),
    "coach": _coach,
    "key-terms": _terms,
}

_DAY = "2026-03-14"


def _jrnl_doc(title: str, body: str) -> str:
    return json.dumps({"entries": [{"date": _DAY, "time": "09:00", "title": title, "body": body}]})


# (parser, shape, builder): each builder returns about n characters of hostile input.
SHAPES: list[tuple[str, str, Callable[[int], str]]] = [
    ("brag", "heading: spaces before the date", lambda n: "# " + " " * n + _DAY + " Led it\n"),
    ("brag", "heading: spaces after the text", lambda n: f"## {_DAY} Led it" + " " * n + "x\n"),
    ("brag", "heading: spaces then a hash", lambda n: f"## {_DAY} Led it" + " " * n + "#x\n"),
    ("brag", "heading: a run of '#'", lambda n: "#" * n + " x\n"),
    ("brag", "heading: '#' then spaces", lambda n: f"# {_DAY} a " + "# " * (n // 2) + "b\n"),
    ("brag", "item: spaces inside the title", lambda n: f"- {_DAY} a" + " " * n + "b\n"),
    ("brag", "item: a run of '*'", lambda n: f"- {_DAY} " + "*" * n + "\n"),
    ("brag", "item: '*' and spaces", lambda n: f"- {_DAY} " + "* " * (n // 2) + "x\n"),
    ("brag", "item: unclosed brackets", lambda n: f"- {_DAY} " + "[" * n + "\n"),
    ("brag", "item: spaces before the bullet", lambda n: " " * n + "x\n"),
    ("brag", "impact: spaces after the colon", lambda n: f"- {_DAY} a\n  Impact:" + " " * n + "x\n"),
    ("brag", "impact: stars and spaces", lambda n: f"- {_DAY} a\n  " + "*" * n + "impact" + " " * n),
    ("brag", "tags: a run of '@'", lambda n: f"- {_DAY} " + "@" * n + "\n"),
    ("brag", "star: spaces before (starred)", lambda n: f"- {_DAY} a" + " " * n + "(starred) b\n"),
    ("brag", "many dated items", lambda n: f"- {_DAY} a\n" * (n // 15)),
    ("jrnl", "title of spaces", lambda n: _jrnl_doc(" " * n + "x", "")),
    ("jrnl", "body of '#' and '*'", lambda n: _jrnl_doc("x", "#*" * (n // 2))),
    ("ladder-md", "heading: spaces", lambda n: "# " + " " * n + "Senior\n- Owns it\n"),
    ("ladder-md", "heading: a run of '#'", lambda n: "#" * n + " x\n- Owns it\n"),
    ("ladder-md", "heading: trailing hashes", lambda n: "## Senior " + "# " * (n // 2) + "x\n- a\n"),
    ("ladder-md", "item: spaces inside", lambda n: "## Senior\n- a" + " " * n + "b\n"),
    ("ladder-md", "item: a run of '*'", lambda n: "## Senior\n- " + "*" * n + "\n"),
    ("ladder-md", "item: '**' pairs", lambda n: "## Senior\n- " + "**a " * (n // 4) + "\n"),
    ("ladder-md", "item: unclosed brackets", lambda n: "## Senior\n- " + "[" * n + "\n"),
    ("ladder-md", "item: unclosed links", lambda n: "## Senior\n- " + "[a](" * (n // 4) + "\n"),
    ("ladder-md", "table: a row of pipes", lambda n: "| a | b |\n|---|---|\n" + "| " * (n // 2) + "\n"),
    ("ladder-md", "spaces before a bullet", lambda n: "## Senior\n" + " " * n + "- a\n"),
    ("ladder-csv", "unclosed quote", lambda n: "level,expectation\nSenior,\"" + " " * n + "\n"),
    ("ladder-csv", "a row of commas", lambda n: "level,expectation\nSenior," + "," * n + "x\n"),
    ("ladder-csv", "spaces in a cell", lambda n: "level,expectation\nSenior,a" + " " * n + "b\n"),
    ("coach", "spaces", lambda n: "I want to" + " " * n + "lead.\n"),
    ("coach", "one long word", lambda n: "I want " + "a" * n + " next year."),
    ("coach", "a run of '*'", lambda n: "I want to lead " + "*" * n),
    ("coach", "unclosed brackets", lambda n: "In a year I lead " + "(" * n),
    ("coach", "many short sentences", lambda n: "I lead. " * (n // 8)),
    ("coach", "digits and dots", lambda n: "I cut it by " + "1." * (n // 2) + "%"),
    ("key-terms", "spaces", lambda n: "Requirements\n- Python" + " " * n + "SQL\n"),
    ("key-terms", "a run of '#'", lambda n: "#" * n + " Requirements\n- Python\n"),
    ("key-terms", "a run of '*'", lambda n: "Requirements\n- " + "*" * n + "\n"),
    ("key-terms", "unclosed brackets", lambda n: "Requirements\n- Python (" + "(" * n + "\n"),
    ("key-terms", "bullets", lambda n: "Requirements\n" + "- " * (n // 2) + "x\n"),
    ("key-terms", "colons and spaces", lambda n: "About us:" + " :" * (n // 2) + "\n- Python\n"),
    ("key-terms", "many lines", lambda n: "- Python and SQL\n" * (n // 17)),
]


def timed(parse: Callable[[str], object], text: str) -> float:
    """Seconds one parse of ``text`` takes (best of two, so a stray pause does not count)."""
    best = float("inf")
    for _ in range(2 if len(text) < 100_000 else 1):
        start = time.perf_counter()
        parse(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[4000, 8000, 16000, 32000])
    parser.add_argument("--only", help="run only the shapes of this parser (e.g. brag)")
    parser.add_argument("--give-up", type=float, default=2.0, help="seconds after which a shape "
                        "stops growing (it is flagged)")
    args = parser.parse_args()
    sizes = sorted(args.sizes)
    print(f"{'parser':<11} {'shape':<34}" + "".join(f"{n:>10}" for n in sizes) + "   last x2",
          flush=True)
    for name, shape, build in SHAPES:
        if args.only and name != args.only:
            continue
        times: list[float] = []
        for n in sizes:  # stop growing a shape once it takes longer than --give-up seconds
            times.append(timed(PARSERS[name], build(n)))
            if times[-1] > args.give_up:
                break
        ratio = times[-1] / times[-2] if len(times) > 1 and times[-2] > 0 else float("nan")
        cells = "".join(f"{t * 1000:>8.1f}ms" for t in times) + " " * 10 * (len(sizes) - len(times))
        slow = len(times) < len(sizes) or (ratio > 3.0 and times[-1] > 0.01)
        flag = "  <-- super-linear" if slow else ""
        print(f"{name:<11} {shape:<34}{cells}   {ratio:5.1f}{flag}", flush=True)


if __name__ == "__main__":
    main()
