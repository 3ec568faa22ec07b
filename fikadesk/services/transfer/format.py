"""The fikadesk export format: which tables it carries, their columns' JSON types, and its checks."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import sqlalchemy as sa

from fikadesk.services.errors import TransferError as TransferError
from fikadesk.storage import tables

FORMAT_NAME = "fikadesk-export"
FORMAT_VERSION = 1
# Journal bookkeeping that is rebuilt on import rather than carried: the change counter lives in
# `meta` (only the person's preferences, keys starting with "pref.", travel), the search index
# is rebuilt from the entries.
PREFERENCE_PREFIX = "pref."
LEFT_OUT = frozenset({"meta"})
# Columns that point at another table's id without a foreign key (a snapshot remembers which
# expectation an item came from, but must outlive it).
SOFT_REFERENCES: dict[tuple[str, str], str] = {("target_snapshot_item", "expectation_id"): "expectation"}
# Counts the journal keeps for itself (by triggers) and works out again from the rows it holds.
DERIVED_COLUMNS = frozenset({("tag", "live_count")})
MAX_TEXT = 1_000_000
#: SQLite keeps whole numbers in 64 bits.
INTEGER_RANGE = (-(2**63), 2**63 - 1)
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class ColumnSpec:
    """One column as the format carries it."""

    name: str
    kind: str  # integer, string, boolean, date, datetime
    nullable: bool
    references: str | None  # the table whose id this column holds, if any


def carried_tables() -> list[sa.Table]:
    """The tables an export carries, parents before children (soft references count too)."""
    ordered = [t for t in tables.metadata.sorted_tables if t.name not in LEFT_OUT]
    soft = {name for name, _column in SOFT_REFERENCES}
    return sorted(ordered, key=lambda t: t.name in soft)


def _kind(column: sa.Column[Any]) -> str:
    engine_type = column.type
    if isinstance(engine_type, sa.types.TypeDecorator):  # sqlmodel's AutoString wraps String
        engine_type = engine_type.impl_instance
    python_type = engine_type.python_type
    for kind, name in ((bool, "boolean"), (int, "integer"), (datetime, "datetime"), (date, "date"),
                       (str, "string")):
        if issubclass(python_type, kind):
            return name
    raise TypeError(f"no export type for {column.table.name}.{column.name}: {column.type!r}")


def column_specs(table: sa.Table) -> list[ColumnSpec]:
    """The columns of ``table`` with their JSON kinds and the tables they reference."""
    specs = []
    for column in table.columns:
        if (table.name, column.name) in DERIVED_COLUMNS:
            continue
        refs = {fk.column.table.name for fk in column.foreign_keys}
        soft = SOFT_REFERENCES.get((table.name, column.name))
        specs.append(ColumnSpec(column.name, _kind(column), bool(column.nullable) and not column.primary_key,
                                refs.pop() if refs else soft))
    return specs


def to_json_value(value: Any) -> Any:
    """A stored value as JSON holds it (dates and times as ISO 8601 text)."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _where(path: str, message: str) -> TransferError:
    return TransferError(f"{path}: {message}")


def parse_value(spec: ColumnSpec, value: Any, path: str) -> Any:
    """Check one JSON value against its column and return it as the database takes it."""
    if value is None:
        if spec.nullable:
            return None
        raise _where(path, "must not be null")
    if spec.kind == "boolean":
        if isinstance(value, bool):
            return value
        raise _where(path, f"expected true or false, got {type(value).__name__}")
    if spec.kind == "integer":
        if not isinstance(value, int) or isinstance(value, bool):
            raise _where(path, f"expected a whole number, got {type(value).__name__}")
        if not INTEGER_RANGE[0] <= value <= INTEGER_RANGE[1]:
            raise _where(path, "the number is too large to keep")
        return value
    if not isinstance(value, str):
        raise _where(path, f"expected text, got {type(value).__name__}")
    if len(value) > MAX_TEXT:
        raise _where(path, f"text is longer than {MAX_TEXT:,} characters")
    if spec.kind == "date":
        try:
            if not _DATE.match(value):
                raise ValueError
            return date.fromisoformat(value)
        except ValueError:
            raise _where(path, f"expected a date as YYYY-MM-DD, got {value[:40]!r}") from None
    if spec.kind == "datetime":
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            raise _where(path, "expected a date and time as YYYY-MM-DD HH:MM:SS, "
                         f"got {value[:40]!r}") from None
    return value


def check_document(document: Any) -> dict[str, list[dict[str, Any]]]:
    """Check a whole export and return its rows per table, as the database takes them.

    Raises :class:`TransferError` at the first problem, naming its JSON path.
    """
    if not isinstance(document, dict):
        raise _where("$", "the file does not hold a fikadesk export (expected a JSON object)")
    if document.get("format") != FORMAT_NAME:
        raise _where("$.format", f"expected {FORMAT_NAME!r}; this is not a fikadesk export")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise _where("$.version", "expected a whole number")
    if version > FORMAT_VERSION:
        raise _where("$.version", f"version {version} comes from a newer fikadesk (this one reads "
                     f"up to {FORMAT_VERSION}); update fikadesk to import it")
    if version < 1:
        raise _where("$.version", f"unknown version {version}")
    prefs = document.get("preferences", {})
    if not isinstance(prefs, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in prefs.items()):
        raise _where("$.preferences", "expected an object of text values")
    data = document.get("tables")
    if not isinstance(data, dict):
        raise _where("$.tables", "expected an object with one list of rows per table")
    known = {t.name: t for t in carried_tables()}
    for name in data:
        if name not in known:
            raise _where(f"$.tables.{name}", "unknown table (from a newer fikadesk?)")
    return {name: list(_rows(known[name], data.get(name, []), f"$.tables.{name}")) for name in known}


def _rows(table: sa.Table, rows: Any, path: str) -> Iterator[dict[str, Any]]:
    if not isinstance(rows, list):
        raise _where(path, "expected a list of rows")
    specs = {s.name: s for s in column_specs(table)}
    for index, row in enumerate(rows):
        where = f"{path}[{index}]"
        if not isinstance(row, dict):
            raise _where(where, "expected an object")
        extra = sorted(set(row) - set(specs))
        if extra:
            raise _where(f"{where}.{extra[0]}", f"unknown field of {table.name}")
        parsed = {}
        for name, spec in specs.items():
            if name not in row:
                if spec.nullable or table.columns[name].server_default is not None:
                    continue
                raise _where(f"{where}.{name}", "missing")
            parsed[name] = parse_value(spec, row[name], f"{where}.{name}")
        yield parsed


def preferences_of(document: Mapping[str, Any]) -> dict[str, str]:
    """The preference keys of a checked export (only keys fikadesk keeps preferences under)."""
    prefs = document.get("preferences", {})
    return {k: v for k, v in prefs.items() if k.startswith(PREFERENCE_PREFIX)}


_JSON_TYPES = {
    "integer": {"type": "integer"},
    "boolean": {"type": "boolean"},
    "string": {"type": "string"},
    "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
    "datetime": {"type": "string", "format": "date-time"},
}


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the export, made from the tables (resources/schema/ holds a copy)."""
    table_schemas: dict[str, Any] = {}
    for table in carried_tables():
        props: dict[str, Any] = {}
        for spec in column_specs(table):
            kind = dict(_JSON_TYPES[spec.kind])
            if spec.references:
                kind["description"] = f"the id of a {spec.references} row in this file"
            props[spec.name] = ({"anyOf": [kind, {"type": "null"}]} if spec.nullable else kind)
        table_schemas[table.name] = {
            "type": "array",
            "items": {"type": "object", "additionalProperties": False, "properties": props,
                      "required": [s.name for s in column_specs(table) if not s.nullable]},
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "fikadesk export",
        "description": "Everything in one fikadesk journal. Rows keep their ids; columns that hold "
                       "another table's id say so. Dates are YYYY-MM-DD, times YYYY-MM-DD HH:MM:SS.",
        "type": "object",
        "required": ["format", "version", "tables"],
        "properties": {
            "format": {"const": FORMAT_NAME},
            "version": {"type": "integer", "minimum": 1, "maximum": FORMAT_VERSION},
            "exported_by": {"type": "string"},
            "exported_at": {"type": "string"},
            "preferences": {"type": "object", "additionalProperties": {"type": "string"}},
            "tables": {"type": "object", "additionalProperties": False, "properties": table_schemas},
        },
    }


def json_schema_text() -> str:
    """The schema as the committed file holds it."""
    import json

    return json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"
