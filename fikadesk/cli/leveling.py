"""The command line of the Target area: ladders, the target and readiness (no Qt)."""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from fikadesk.cli.links import LINK_COMMANDS, add_link_parsers
from fikadesk.domain.journal.entries import parse_date
from fikadesk.domain.leveling.snapshot import TargetSnapshot
from fikadesk.domain.leveling.stored import (
    ExpectationReadiness,
    LevelingError,
    Readiness,
    StoredLadder,
    Target,
)
from fikadesk.domain.text import plural

if TYPE_CHECKING:
    from fikadesk.domain.leveling.importing.importer import LadderImport
    from fikadesk.services.container import Services


def add_leveling_parsers(commands: Any) -> None:
    """Add the ``ladder``, ``target`` and ``readiness`` commands to the subparsers ``commands``."""
    ladder = commands.add_parser("ladder", help="import, list and show career ladders")
    steps = ladder.add_subparsers(dest="ladder_command", metavar="STEP", required=True)
    imp = steps.add_parser("import", help="import a ladder from files and print its id")
    imp.add_argument("paths", nargs="*", metavar="PATH",
                     help="a markdown/CSV/JSON/YAML file, per-level markdown files or a folder")
    imp.add_argument("--bundled", metavar="NAME",
                     help="import a ladder that comes with fikadesk (see ladder list --bundled)")
    imp.add_argument("--name", help="the ladder's name (default: taken from the files)")
    imp.add_argument("--level-depth", type=int, help="heading depth of the levels (markdown)")
    imp.add_argument("--reading", type=int, metavar="N",
                     help="import another reading of the file (the import names them; 1 is "
                          "the best, and the default)")
    listing = steps.add_parser("list", help="list the imported ladders")
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.add_argument("--bundled", action="store_true",
                         help="list the ladders that come with fikadesk instead (no journal needed)")
    show = steps.add_parser("show", help="show a ladder's levels and expectations with their ids")
    show.add_argument("id", type=int, help="the ladder id (see ladder list)")
    show.add_argument("--json", action="store_true", help="print a JSON object")

    target = commands.add_parser("target", help="set or show the level you aim for")
    tsteps = target.add_subparsers(dest="target_command", metavar="STEP", required=True)
    tset = tsteps.add_parser("set", help="set the target")
    tset.add_argument("--ladder", type=int, required=True, help="the ladder id")
    tset.add_argument("--current", required=True, help="your current level's name")
    tset.add_argument("--target", required=True, help="the level you aim for")
    tset.add_argument("--date", help="YYYY-MM-DD: when you aim to be there")
    tset.add_argument("--summary", help="your own words on what the target level asks for "
                      "(default: keep the summary already written)")
    tsteps.add_parser("show", help="show the target")
    freeze = tsteps.add_parser("freeze", help="keep a dated copy of the target's expectations")
    freeze.add_argument("--note", default="", help="e.g. who you agreed it with")
    snaps = tsteps.add_parser("snapshots", help="list the frozen snapshots, newest first")
    snaps.add_argument("--json", action="store_true", help="print a JSON array")
    snap = tsteps.add_parser("snapshot", help="show one frozen snapshot")
    snap.add_argument("id", type=int, help="the snapshot id (see target snapshots)")
    snap.add_argument("--json", action="store_true", help="print a JSON object")

    readiness = commands.add_parser("readiness", help="show the evidence for the target level")
    readiness.add_argument("--json", action="store_true", help="print a JSON object")
    add_link_parsers(commands)


# -- ladder ----------------------------------------------------------------------------------
def prepare_ladder(args: argparse.Namespace, today: date) -> LadderImport | None:
    """Read and check the ladder files of ``ladder import`` before the journal is opened."""
    if args.ladder_command != "import":
        return None
    if args.level_depth is not None and not 1 <= args.level_depth <= 6:
        raise LevelingError("--level-depth must be between 1 and 6")
    if args.reading is not None and args.reading < 1:
        raise LevelingError("--reading must be 1 or more")
    if args.bundled is not None:
        if args.paths:
            raise LevelingError("give either files or --bundled NAME, not both")
        paths = [bundled_ladder_path(args.bundled)]
    elif not args.paths:
        raise LevelingError("name the ladder's files, or --bundled NAME "
                            "(fikadesk ladder list --bundled shows the names)")
    else:
        paths = [Path(p) for p in args.paths]
    from fikadesk.domain.leveling.importing.importer import parse_ladder_files

    found = parse_ladder_files(paths, name=args.name, level_depth=args.level_depth,
                               reading=args.reading)
    if found.below_bar:  # never save a doubtful reading as a success
        raise LevelingError(f"{', '.join(found.files)}: not imported: {found.refusal()}")
    return found


def bundled_ladder_files(resources: Path | None = None) -> list[Path]:
    """The ladder files that ship with fikadesk, sorted by name."""
    if resources is None:
        from fikadesk.paths import resources_dir
        resources = resources_dir()
    folder = resources / "ladders"
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.md") if not p.stem.casefold().startswith("readme"))


def bundled_ladder_path(name: str, resources: Path | None = None) -> Path:
    """The bundled ladder file called ``name`` (its file name, e.g. ``software-engineer``, or its
    title, in any case); a name that fits none raises :class:`LevelingError` listing the names."""
    files = bundled_ladder_files(resources)
    wanted = _slug(name)
    for path in files:
        if wanted in (_slug(path.stem), _slug(_title_of(path))):
            return path
    names = ", ".join(p.stem for p in files) or "none are installed"
    raise LevelingError(f"there is no bundled ladder called '{name}' (bundled: {names})")


def _slug(text: str) -> str:
    return "-".join(text.casefold().replace("_", " ").replace("-", " ").split())


def _title_of(path: Path) -> str:
    """A bundled ladder's title: its first ``#`` heading, else its file name."""
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines()[:20]:
        if line.startswith("# "):
            return line[2:].strip()
    return path.stem


def runs_without_journal(args: argparse.Namespace) -> bool:
    """Tell whether a Target-area command needs no journal (``ladder list --bundled``)."""
    return (args.command == "ladder" and args.ladder_command == "list"
            and bool(getattr(args, "bundled", False)))


def list_bundled(args: argparse.Namespace, out: TextIO) -> int:
    """Print the bundled ladders (``ladder list --bundled``): name, title, levels, expectations."""
    from fikadesk.domain.leveling.importing.importer import parse_ladder_files

    found = [(path.stem, parse_ladder_files([path])) for path in bundled_ladder_files()]
    if args.json:
        _dump([{"name": stem, "title": f.name, "levels": list(f.level_names),
                "expectations": sum(n for _, n in f.expectation_counts)} for stem, f in found], out)
        return 0
    if not found:
        print("No bundled ladders are installed.", file=out)
    for stem, f in found:
        total = sum(n for _, n in f.expectation_counts)
        print(f"{stem}  {f.name}  ({plural(len(f.level_names), 'level')}, "
              f"{plural(total, 'expectation')}: {', '.join(f.level_names)})", file=out)
    if found:
        print("Import one with: fikadesk ladder import --bundled NAME", file=out)
    return 0


def run_ladder(prepared: LadderImport | None, args: argparse.Namespace, services: Services,
               out: TextIO) -> int:
    """Run ``ladder import``, ``ladder list`` or ``ladder show``."""
    leveling = services.leveling
    if args.ladder_command == "import":
        assert prepared is not None
        ladder_id = leveling.import_ladder(prepared)
        total = sum(n for _, n in prepared.expectation_counts)
        saved_as = next((s.name for s in leveling.list_ladders() if s.id == ladder_id),
                        prepared.name)  # "Acme (2)" when the name was taken
        print(f"Ladder {ladder_id}: {saved_as} ({plural(len(prepared.level_names), 'level')}, "
              f"{plural(total, 'expectation')})", file=out)
        for level_name, count in prepared.expectation_counts:
            print(f"  {level_name}: {plural(count, 'expectation')}", file=out)
        for line in import_notes(prepared):
            print(line, file=out)
        return 0
    if args.ladder_command == "list":
        ladders = leveling.list_ladders()
        if args.json:
            _dump([{"id": s.id, "name": s.name, "source": s.source,
                    "created_at": s.created_at.isoformat(), "levels": s.level_count,
                    "expectations": s.expectation_count} for s in ladders], out)
            return 0
        if not ladders:
            print("No ladders yet (fikadesk ladder import PATH).", file=out)
        for s in ladders:
            print(f"{s.id:>4}  {s.name}  ({s.level_count} levels, {s.expectation_count} "
                  f"expectations; {s.source})", file=out)
        return 0
    stored = leveling.get_ladder(args.id)
    if args.json:
        _dump(ladder_json(stored), out)
        return 0
    print(f"{stored.name} (ladder {stored.id}; {stored.source})", file=out)
    for level in stored.levels:
        print(f"\n{level.name}", file=out)
        if level.description:
            print(f"  {level.description}", file=out)
        for e in level.expectations:
            print(f"  [{e.id}] {e.dimension}: {e.text}", file=out)
    return 0


def import_notes(found: LadderImport) -> list[str]:
    """What ``ladder import`` says after the counts: how the levels were read and ordered, what
    was not read or skipped, the other readings and how to pick one, and warnings."""
    lines = [f"Read as: {found.rule}; ordered {found.order_rule} "
             f"(confidence {round(found.confidence * 100)}%).",
             f"{found.unread[:1].upper()}{found.unread[1:]}."]
    lines += [f"Skipped: {item}" for item in found.skipped]
    for other in found.alternatives:
        lines.append(f"Other reading {other.choice}: {other.summary()} "
                     f"(import it with --reading {other.choice})")
    lines += [f"  warning: {warning}" for warning in found.warnings]
    return lines


def ladder_json(stored: StoredLadder) -> dict[str, object]:
    """The JSON object of one stored ladder, as ``ladder show --json`` prints it."""
    return {
        "id": stored.id,
        "name": stored.name,
        "source": stored.source,
        "levels": [
            {"id": lv.id, "name": lv.name, "description": lv.description,
             "expectations": [{"id": e.id, "dimension": e.dimension, "text": e.text}
                              for e in lv.expectations]}
            for lv in stored.levels
        ],
    }


# -- target ----------------------------------------------------------------------------------
def prepare_target(args: argparse.Namespace, today: date) -> date | None:
    """Check the arguments of ``target``; return the target date, if one was given."""
    if args.target_command == "set" and args.date:
        return parse_date(args.date, "--date")
    return None


def _target_line(goal: Target) -> str:
    when = f", by {goal.target_date.isoformat()}" if goal.target_date else ""
    return (f"Target: {goal.target_level} on {goal.ladder_name} (ladder {goal.ladder_id}), "
            f"from {goal.current_level}{when}")


def run_target(target_date: date | None, args: argparse.Namespace, services: Services,
               out: TextIO) -> int:
    """Set, show or freeze the target; list and show snapshots."""
    leveling = services.leveling
    if args.target_command == "set":
        goal = leveling.set_target(args.ladder, args.current, args.target, target_date,
                                   args.summary)
        print(_target_line(goal), file=out)
        return 0
    if args.target_command == "freeze":
        snapshot_id = leveling.freeze_target(services.today(), args.note)
        frozen = leveling.get_snapshot(snapshot_id)
        print(f"Snapshot {snapshot_id}: {len(frozen.items)} expectations of "
              f"{frozen.target_level} frozen on {frozen.taken_on.isoformat()}", file=out)
        return 0
    if args.target_command == "snapshots":
        listed = leveling.list_snapshots()
        if args.json:
            _dump([{"id": s.id, "taken_on": s.taken_on.isoformat(), "ladder": s.ladder_name,
                    "current": s.current_level, "target": s.target_level,
                    "expectations": s.item_count, "note": s.note} for s in listed], out)
            return 0
        for s in listed:
            note = f" — {s.note}" if s.note else ""
            print(f"{s.id:>4}  {s.taken_on.isoformat()}  {s.target_level} on {s.ladder_name} "
                  f"({plural(s.item_count, 'expectation')}){note}", file=out)
        if not listed:
            print("No snapshots yet (fikadesk target freeze makes one).", file=out)
        return 0
    if args.target_command == "snapshot":
        return _show_snapshot(leveling.get_snapshot(args.id), args.json, out)
    shown = services.leveling.target()
    print(_target_line(shown) if shown else "No target is set.", file=out)
    return 0


def _show_snapshot(snap: TargetSnapshot, as_json: bool, out: TextIO) -> int:
    if as_json:
        _dump({"id": snap.id, "taken_on": snap.taken_on.isoformat(), "ladder": snap.ladder_name,
               "current": snap.current_level, "target": snap.target_level,
               "target_date": snap.target_date.isoformat() if snap.target_date else None,
               "summary": snap.summary, "note": snap.note,
               "expectations": [{"id": i.expectation_id, "dimension": i.dimension,
                                 "text": i.text} for i in snap.items]}, out)
        return 0
    when = f", by {snap.target_date.isoformat()}" if snap.target_date else ""
    print(f"Snapshot {snap.id} of {snap.taken_on.isoformat()}: {snap.target_level} on "
          f"{snap.ladder_name}, from {snap.current_level}{when}", file=out)
    for line in (f"Note: {snap.note}" if snap.note else "",
                 f"Summary: {snap.summary}" if snap.summary else ""):
        if line:
            print(line, file=out)
    for item in snap.items:
        print(f"  {item.dimension}: {item.text}", file=out)
    return 0


# -- readiness -------------------------------------------------------------------------------
def prepare_readiness(args: argparse.Namespace, today: date) -> date:
    """Nothing to check; the day readiness is measured on is today."""
    return today


def readiness_json(result: Readiness) -> dict[str, object]:
    """The JSON object ``readiness --json`` prints."""
    goal = result.target
    return {
        "ladder_id": goal.ladder_id,
        "ladder": goal.ladder_name,
        "current": goal.current_level,
        "target": goal.target_level,
        "target_date": goal.target_date.isoformat() if goal.target_date else None,
        "percent": result.percent,
        "expectations": [
            {"id": i.expectation_id, "dimension": i.dimension, "text": i.text,
             "evidence": i.evidence_count, "starred": i.starred_count,
             "latest": i.latest.isoformat() if i.latest else None,
             "months": i.distinct_months, "status": i.status}
            for i in result.items
        ],
    }


def run_readiness(today: date, args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Print the evidence for each expectation of the target level and the overall figure."""
    result = services.leveling.readiness(today)
    if args.json:
        _dump(readiness_json(result), out)
        return 0
    print(_target_line(result.target), file=out)
    print(f"Readiness: {result.percent}%", file=out)
    for i in result.items:
        print(f"  [{i.expectation_id}] {i.status:<10} {i.dimension}: {i.text} "
              f"({evidence_phrase(i)})", file=out)
    return 0


def evidence_phrase(item: ExpectationReadiness) -> str:
    """ "3 entries, 1 starred, 2 months, latest 2026-02-07", or "no entries yet"."""
    if item.evidence_count == 0:
        return "no entries yet"
    latest = f", latest {item.latest.isoformat()}" if item.latest else ""
    return (f"{plural(item.evidence_count, 'entry', 'entries')}, {item.starred_count} starred, "
            f"{plural(item.distinct_months, 'month')}{latest}")


def _dump(value: object, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2)
    out.write("\n")


LEVELING_COMMANDS: dict[str, tuple[Any, Any]] = {
    "ladder": (prepare_ladder, run_ladder),
    "target": (prepare_target, run_target),
    "readiness": (prepare_readiness, run_readiness),
    **LINK_COMMANDS,
}


def creates_journal(args: argparse.Namespace) -> bool:
    """Tell whether a Target-area command records something (and so may create a journal)."""
    return args.command == "ladder" and args.ladder_command == "import"


def run_without_journal(args: argparse.Namespace, out: TextIO) -> int:
    """Run a Target-area command that needs no journal (see :func:`runs_without_journal`)."""
    return list_bundled(args, out)
