"""Markdown pieces shared by the briefs: escaping user text, headings, lists, tables, dates."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date

#: How each character that could start markup (in CommonMark, GitHub's dialect or
#: Python-Markdown) is written wherever user text appears. Backslash escapes where every
#: renderer honours them, character references where Python-Markdown would show the backslash.
_ESCAPES = {
    "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "!": "\\!",
    "#": "\\#", "|": "\\|", "<": "&lt;", ">": "&gt;", "&": "&amp;", "~": "&#126;",
}
#: Markers that open a block (bullet, numbered item, setext underline) only at the start of text.
_LINE_START = re.compile(r"^([-+])|^(=)|^(\d+)([.)])")
_SPACES = re.compile(r"[ \t\r\f\v\u2028\u2029\x85]+")

# Bidirectional embeddings/overrides and isolates: balanced at the end of each piece of user
# text, so right-to-left marks typed in one field can never reorder the text that follows it.
_EMBED_OPEN = "\u202a\u202b\u202d\u202e"
_EMBED_CLOSE = "\u202c"
_ISOLATE_OPEN = "\u2066\u2067\u2068"
_ISOLATE_CLOSE = "\u2069"

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def _visible_controls(text: str) -> str:
    """Replace control characters (other than tab and newline) with their visible symbols."""
    out = []
    for char in text:
        code = ord(char)
        if (code < 0x20 and char not in "\t\n\r") or code == 0x7F:
            out.append(chr(0x2400 + code) if code < 0x20 else "\u2421")
        else:
            out.append(char)
    return "".join(out)


def _balance_bidi(text: str) -> str:
    """Close any bidirectional embedding or isolate that the text leaves open."""
    embeds = isolates = 0
    for char in text:
        if char in _EMBED_OPEN:
            embeds += 1
        elif char == _EMBED_CLOSE and embeds:
            embeds -= 1
        elif char in _ISOLATE_OPEN:
            isolates += 1
        elif char == _ISOLATE_CLOSE and isolates:
            isolates -= 1
    return text + _EMBED_CLOSE * embeds + _ISOLATE_CLOSE * isolates


def inline(text: str) -> str:
    """Return user text as one line of markdown that shows exactly that text and no markup.

    Line breaks become spaces; every character that could start markup (emphasis, links,
    images, code, HTML, entities, tables) is backslash-escaped, and block markers at the
    start (list bullets, numbers, headings, quotes) too. Nothing is dropped: control
    characters are shown as their visible symbols.
    """
    flat = _SPACES.sub(" ", _visible_controls(text).replace("\n", " ")).strip()
    escaped = "".join(_ESCAPES.get(c, c) for c in flat)
    return _balance_bidi(_LINE_START.sub(_escape_marker, escaped, count=1))


def _escape_marker(match: re.Match[str]) -> str:
    """Escape the block marker at the start of a line so it stays plain text."""
    if match.group(1):
        return "\\" + match.group(1)
    if match.group(2):
        return "&#61;"
    return match.group(3) + "\\" + match.group(4)


def block(text: str) -> str:
    """Return multi-line user text as markdown paragraphs; its own line breaks are kept.

    Blank lines separate paragraphs; the lines inside one paragraph end in a hard line
    break. Each line is escaped like ``inline`` so no line can become a heading or list.
    """
    paragraphs: list[list[str]] = [[]]
    for raw in _visible_controls(text).replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = inline(raw)
        if line:
            paragraphs[-1].append(line)
        elif paragraphs[-1]:
            paragraphs.append([])
    return "\n\n".join("  \n".join(lines) for lines in paragraphs if lines)


def heading(level: int, text: str) -> str:
    """Return an ATX heading of ``level`` (1-6) whose text is already markdown."""
    if not 1 <= level <= 6:
        raise ValueError("a heading level is 1 to 6")
    return "#" * level + " " + text


def bullets(items: Iterable[str]) -> str:
    """Return a bullet list of markdown items (continuation lines indented under the item)."""
    return "\n".join("- " + item.replace("\n", "\n  ") for item in items)


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Return a pipe table; cells are markdown already (use ``inline`` for user text)."""
    def line(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cell if cell.strip() else "—" for cell in cells) + " |"

    lines = [line(headers), "|" + "|".join("---" for _ in headers) + "|"]
    for row in rows:
        if len(row) != len(headers):
            raise ValueError("a table row needs one cell per column")
        lines.append(line(row))
    return "\n".join(lines)


def document(*sections: str) -> str:
    """Join blocks with one blank line between them, ending in a single newline."""
    return "\n\n".join(s.strip("\n") for s in sections if s.strip()) + "\n"


def long_date(day: date) -> str:
    """Return a date as a person writes it: 14 March 2026 (no locale, so always the same)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    """Return a date as YYYY-MM-DD, the compact form used in lists and tables."""
    return day.isoformat()


def plural(count: int, one: str, many: str | None = None) -> str:
    """Return "1 entry" / "3 entries" style counts."""
    return f"{count} {one if count == 1 else (many or one + 's')}"


def minutes_seconds(seconds: float) -> str:
    """Return a speaking time as "45 s" or "1 min 10 s", rounded to the nearest 5 seconds."""
    total = int(5 * round(seconds / 5))
    if total < 60:
        return f"{max(total, 5) if seconds > 0 else 0} s"
    minutes, rest = divmod(total, 60)
    return f"{minutes} min" + (f" {rest} s" if rest else "")
