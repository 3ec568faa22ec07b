"""Reading records kept elsewhere: jrnl's JSON export and markdown brag documents, into drafts."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from fikadesk.domain.journal.entries import (
    MAX_TITLE,
    EntryDraft,
    EntryValidationError,
    normalize_tag,
    validate_draft,
)
from fikadesk.errors import InputError


class OutsideFormatError(InputError, ValueError):
    """A file from another tool that cannot be read; the message says where and why."""


@dataclass(frozen=True)
class OutsideEntry:
    """One entry found in another tool's file, with the moment it was written down, if known."""

    draft: EntryDraft
    moment: datetime
    where: str  # where in the file it came from, for messages and previews


def detect_format(text: str) -> str:
    """Guess a file's format: 'fikadesk', 'jrnl' (JSON with entries) or 'markdown'."""
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith("{"):
        try:
            data = json.loads(stripped)
        except (json.JSONDecodeError, RecursionError):
            return "fikadesk"  # let the strict reader say what is wrong with it
        if isinstance(data, dict) and "entries" in data and "format" not in data:
            return "jrnl"
        return "fikadesk"
    return "markdown"


def _entry(where: str, draft: EntryDraft, moment: datetime) -> OutsideEntry:
    try:
        return OutsideEntry(validate_draft(draft), moment, where)
    except EntryValidationError as exc:
        raise OutsideFormatError(f"{where}: {exc}") from None


def _clip_title(title: str, body: str) -> tuple[str, str]:
    """A title over the limit keeps its start; the whole of it goes to the top of the body."""
    title = " ".join(title.split())
    if len(title) <= MAX_TITLE:
        return title, body
    return title[:MAX_TITLE - 1].rstrip() + "…", (title + ("\n\n" + body if body else ""))


def parse_jrnl_json(text: str) -> list[OutsideEntry]:
    """Read the output of ``jrnl --export json``: title, body, date, time, tags (no @), star."""
    try:
        data = json.loads(text.lstrip("\ufeff"))
    except json.JSONDecodeError as exc:
        raise OutsideFormatError(f"not valid JSON at line {exc.lineno}, column {exc.colno}: "
                                 f"{exc.msg}") from None
    except RecursionError:
        raise OutsideFormatError("nested too deeply to be a jrnl export") from None
    if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
        raise OutsideFormatError("$: not a jrnl export (expected an object with a list of entries)")
    found = []
    for index, raw in enumerate(data["entries"]):
        where = f"$.entries[{index}]"
        found.append(_jrnl_entry(raw, where))
    return found


def _text(raw: dict[str, Any], key: str, where: str, *, required: bool) -> str:
    value = raw.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise OutsideFormatError(f"{where}.{key}: expected text")
    return value


def _jrnl_entry(raw: Any, where: str) -> OutsideEntry:
    if not isinstance(raw, dict):
        raise OutsideFormatError(f"{where}: expected an object")
    title, body = _clip_title(_text(raw, "title", where, required=True), _text(raw, "body", where,
                                                                               required=False))
    try:
        day = date.fromisoformat(_text(raw, "date", where, required=True))
    except ValueError:
        raise OutsideFormatError(f"{where}.date: expected a date as YYYY-MM-DD") from None
    clock = _text(raw, "time", where, required=False) or "00:00"
    try:
        moment = datetime.combine(day, time.fromisoformat(clock))
    except ValueError:
        raise OutsideFormatError(f"{where}.time: expected a time as HH:MM") from None
    tags = raw.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise OutsideFormatError(f"{where}.tags: expected a list of text")
    starred = raw.get("starred", False)
    if not isinstance(starred, bool):
        raise OutsideFormatError(f"{where}.starred: expected true or false")
    draft = EntryDraft(day=day, title=title, body=body.strip(), tags=tuple(normalize_tag(t) for t in tags),
                       starred=starred)
    return _entry(where, draft, moment)


# -- markdown brag documents --------------------------------------------------------------------

_MONTHS = {name: number for number, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for name in names}
_DATE_PATTERNS = [
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[ T](?P<t>\d{1,2}:\d{2}))?"),
    re.compile(r"(?P<d>\d{1,2})\.? (?P<mon>[A-Za-z]{3,9})\.?,? (?P<y>\d{4})"),
    re.compile(r"(?P<mon>[A-Za-z]{3,9})\.? (?P<d>\d{1,2})(?:st|nd|rd|th)?,? (?P<y>\d{4})"),
]
# Patterns stay linear: a lazy group followed by optional runs (".*?\s*#*\s*$") backtracked over
# a long run of spaces in cubic time, so closing hashes and stars are trimmed with str methods.
_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s")
_ITEM = re.compile(r"^(?P<indent>\s*)[-*+]\s+(?P<text>.*)$")
_SEPARATOR = re.compile(r"^\s*(?:[:\-–—|]\s*)?")
_TAG = re.compile(r"(?<![\w@])@([A-Za-z][\w-]{0,39})")
_IMPACT = re.compile(
    r"^\s*(?:[-*+]\s+)?\*{0,2}(?:impact|result|outcome)\*{0,2}\s*:\s*\*{0,2}\s*(?P<text>.+)$",
    re.IGNORECASE)
_STARS = ("⭐", "★")


def _heading_text(line: str, prefix_end: int) -> str:
    """A heading's text without its closing run of '#' (and the spaces around it)."""
    return line[prefix_end:].strip().rstrip("#").rstrip()


def _take_star(title: str) -> tuple[bool, str]:
    """Whether ``title`` is starred (a leading ⭐, ★ or '*word', a trailing ⭐, ★ or '(starred)'),
    and the title without those marks."""
    text, starred = title.strip(), False
    if text.startswith(_STARS) or (len(text) > 1 and text[0] == "*" and not text[1].isspace()
                                   and text[1] != "*"):
        text, starred = text[1:].lstrip(), True
    for mark in (*_STARS, "(starred)"):
        if text.endswith(mark):
            text, starred = text[:-len(mark)].rstrip(), True
            break
    return starred, text


def _leading_date(text: str) -> tuple[date, time | None, str] | None:
    """A date at the start of ``text`` (ISO, '14 March 2026' or 'March 14, 2026') and the rest."""
    stripped = text.strip().lstrip("*_[").strip()
    for pattern in _DATE_PATTERNS:
        match = pattern.match(stripped)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["m"]) if parts.get("m") else _MONTHS.get((parts.get("mon") or "").lower())
        if month is None:
            continue
        try:
            day = date(int(parts["y"]), month, int(parts["d"]))
            clock = time.fromisoformat(parts["t"].zfill(5)) if parts.get("t") else None
        except ValueError:
            continue
        rest = stripped[match.end():].lstrip("*_]")
        return day, clock, _SEPARATOR.sub("", rest, count=1).strip()
    return None


@dataclass
class _Open:
    day: date
    clock: time | None
    title: str
    lines: list[str]
    where: str
    level: int  # heading depth, or -1 - indent for a list item


def parse_brag_markdown(text: str, name: str = "file") -> list[OutsideEntry]:
    """Read a markdown brag document: every dated heading or dated list item becomes an entry.

    What follows a dated heading (until the next heading of the same or a higher level) is the
    body; nested lines under a dated list item are its body. A line 'Impact: …' (or Result,
    Outcome) becomes the impact; @words become tags; a leading ⭐ or a trailing '(starred)'
    stars the entry. Headings without a date (a year, a month, a project) only group entries.
    """
    entries: list[OutsideEntry] = []
    current: _Open | None = None

    def close() -> None:
        nonlocal current
        if current is not None:
            entries.append(_finish(current))
        current = None

    for number, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        heading = _HEADING.match(line)
        item = _ITEM.match(line)
        if heading:
            level = len(heading["hashes"])
            dated = _leading_date(_heading_text(line, heading.end()))
            if current is not None and (current.level < 0 or level <= current.level or dated):
                close()
            if dated:
                current = _Open(dated[0], dated[1], dated[2], [], f"{name}, line {number}", level)
            continue
        if item and (dated := _leading_date(item["text"])):
            close()
            current = _Open(dated[0], dated[1], dated[2], [], f"{name}, line {number}",
                            -1 - len(item["indent"]))
            continue
        if current is None:
            continue
        if current.level < 0 and line.strip() and len(line) - len(line.lstrip()) <= -1 - current.level:
            close()  # back at the list's own depth (or prose after it): that item is over
            continue
        current.lines.append(line)
    close()
    return entries


def _finish(found: _Open) -> OutsideEntry:
    title = found.title
    starred, title = _take_star(title)
    title = title or "Untitled"
    impact_parts: list[str] = []
    body_lines: list[str] = []
    for line in found.lines:
        impact = _IMPACT.match(line)
        if impact:
            impact_parts.append(impact["text"].strip())
        else:
            body_lines.append(line)
    body = _dedent("\n".join(body_lines)).strip()
    tags = tuple(dict.fromkeys(normalize_tag(t) for t in _TAG.findall(f"{title}\n{body}")))
    title, body = _clip_title(title, body)
    draft = EntryDraft(day=found.day, title=title, body=body, impact=" ".join(impact_parts), tags=tags,
                       starred=starred)
    return _entry(found.where, draft, datetime.combine(found.day, found.clock or time(0, 0)))


def _dedent(text: str) -> str:
    lines = text.splitlines()
    widths = [len(line) - len(line.lstrip()) for line in lines if line.strip()]
    cut = min(widths) if widths else 0
    return "\n".join(line[cut:] for line in lines)
