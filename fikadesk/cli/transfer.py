"""The export and import commands: the whole journal as JSON, entries as CSV; no Qt."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from fikadesk.briefs.output import write_text_atomically
from fikadesk.domain.journal.outside import (
    OutsideFormatError,
    detect_format,
    parse_brag_markdown,
    parse_jrnl_json,
)
from fikadesk.services.errors import TransferError

if TYPE_CHECKING:
    from fikadesk.services.container import Services


def add_transfer_parsers(commands: Any) -> None:
    """Add the ``export`` and ``import`` commands to the subparsers ``commands``."""
    export = commands.add_parser("export", help="write the whole journal as JSON (or entries as CSV)")
    export.add_argument("-o", "--output", required=True, metavar="FILE",
                        help="the file to write (replaced only once the new one is complete)")
    export.add_argument("--format", choices=("json", "csv"), default=None,
                        help="json: everything, to import again; csv: live entries for a spreadsheet "
                        "(default: from the file name, else json)")
    imp = commands.add_parser("import", help="add a fikadesk export, a jrnl export or a markdown brag "
                              "document to this journal (all or nothing)")
    imp.add_argument("file", help="a file written by fikadesk export, by jrnl --export json, or a "
                     "markdown brag document with dated headings or dated list items")
    imp.add_argument("--format", choices=("auto", "fikadesk", "jrnl", "markdown"), default="auto",
                     help="the file's format (default: auto, told from the file itself)")
    imp.add_argument("--dry-run", action="store_true", help="check the file and say what it would add; "
                     "change nothing")


@dataclass(frozen=True)
class ExportRequest:
    """A checked ``export`` command."""

    path: Path
    csv: bool


def prepare_export(args: argparse.Namespace, _today: date) -> ExportRequest:
    """Check the ``export`` arguments before the journal is opened."""
    path = Path(args.output).expanduser()
    if path.is_dir():
        raise TransferError(f"{path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise TransferError(f"the folder {path.parent} does not exist")
    fmt = args.format or ("csv" if path.suffix.lower() == ".csv" else "json")
    return ExportRequest(path, fmt == "csv")


def run_export(request: ExportRequest, _args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Write the export and say what went into it."""
    transfer = services.transfer
    body = transfer.export_csv() if request.csv else transfer.export_json()
    try:
        if request.csv:
            # A byte-order mark lets spreadsheet programs recognise UTF-8.
            write_text_atomically(request.path, "\ufeff" + body)
        else:
            write_text_atomically(request.path, body)
    except OSError as exc:
        raise TransferError(f"{request.path} could not be written ({exc.strerror}); nothing was "
                            "replaced") from None
    kind = "entries as CSV" if request.csv else "the whole journal"
    print(f"Wrote {kind} to {request.path}.", file=out)
    return 0


@dataclass(frozen=True)
class ImportRequest:
    """A read and parsed ``import`` file."""

    fmt: str
    document: Any  # the parsed fikadesk export, or the entries found in a jrnl/markdown file


def prepare_import(args: argparse.Namespace, _today: date) -> ImportRequest:
    """Read and parse the file before the journal is opened (a bad file opens nothing)."""
    from fikadesk.services.transfer.service import read_json_file, read_text_file

    path = Path(args.file).expanduser()
    if args.format == "fikadesk":
        return ImportRequest("fikadesk", read_json_file(path))
    raw = read_text_file(path)
    fmt = detect_format(raw) if args.format == "auto" else args.format
    try:
        if fmt == "fikadesk":
            return ImportRequest(fmt, read_json_file(path))
        if fmt == "jrnl":
            return ImportRequest(fmt, parse_jrnl_json(raw))
        found = parse_brag_markdown(raw, path.name)
    except OutsideFormatError as exc:
        raise TransferError(f"{path.name}: {exc}") from None
    if not found:
        raise TransferError(f"{path.name}: no dated headings or dated list items found, so nothing to "
                            "import (see the README for the shapes fikadesk reads)")
    return ImportRequest(fmt, found)


def run_import(request: ImportRequest, args: argparse.Namespace, services: Services, out: TextIO) -> int:
    """Import (or with --dry-run only check) the parsed file."""
    if request.fmt == "fikadesk":
        said = services.transfer.import_document(request.document, dry_run=args.dry_run).summary()
        said = said.replace("Adds", "Would add" if args.dry_run else "Added", 1)
    else:
        result = services.transfer.import_outside(request.document, dry_run=args.dry_run)
        said = f"{'Would add' if args.dry_run else 'Added'} {result.summary()}"
        for item in result.new if args.dry_run else ():
            star = "*" if item.draft.starred else " "
            said += f"\n  {item.draft.day.isoformat()} {star} {item.draft.title}"
    print(f"Dry run, nothing changed. {said}" if args.dry_run else f"Imported. {said}", file=out)
    return 0


TRANSFER_COMMANDS: dict[str, tuple[Any, Any]] = {
    "export": (prepare_export, run_export),
    "import": (prepare_import, run_import),
}
