"""Evidence entries: what one is, how its fields are checked, and how a search is described."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from fikadesk.errors import InputError

MAX_TITLE = 200
MAX_TEXT = 100_000
MAX_TAG = 40
MAX_TAGS = 30
MAX_LINKS = 30
MAX_URL = 2_000
ALLOWED_LINK_SCHEMES = ("http", "https", "mailto")
QUIET_DAYS = 7

_TAG_STRIP = re.compile(r"^[#@]+")
_TAG_SPACE = re.compile(r"\s+")
_URL = re.compile(r"^(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):(?P<rest>\S+)$")


class EntryValidationError(InputError, ValueError):
    """An entry field is not acceptable; the message says which and why."""

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(message)
        self.field_name = field_name


@dataclass(frozen=True)
class EntryDraft:
    """The editable fields of an entry, before or after validation."""

    day: date
    title: str
    body: str = ""
    impact: str = ""
    tags: tuple[str, ...] = ()
    starred: bool = False
    revisit_on: date | None = None
    links: tuple[str, ...] = ()
    private: bool = False


@dataclass(frozen=True)
class Entry:
    """A saved piece of evidence."""

    id: int
    day: date
    title: str
    body: str
    impact: str
    tags: tuple[str, ...]
    starred: bool
    revisit_on: date | None
    links: tuple[str, ...]
    private: bool
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None

    def draft(self) -> EntryDraft:
        """Return the editable fields of this entry."""
        return EntryDraft(
            day=self.day,
            title=self.title,
            body=self.body,
            impact=self.impact,
            tags=self.tags,
            starred=self.starred,
            revisit_on=self.revisit_on,
            links=self.links,
            private=self.private,
        )


@dataclass(frozen=True)
class EntrySummary:
    """What a list row needs to show an entry, with a search snippet when searching."""

    id: int
    day: date
    title: str
    starred: bool
    tags: tuple[str, ...]
    snippet: str = ""


@dataclass(frozen=True)
class EntryQuery:
    """A description of which entries to list."""

    text: str = ""
    tags: tuple[str, ...] = ()
    starred_only: bool = False
    since: date | None = None
    until: date | None = None
    in_trash: bool = False

    def is_filtered(self) -> bool:
        """Tell whether anything narrows the list."""
        return bool(self.text.strip() or self.tags or self.starred_only or self.since or self.until)


@dataclass(frozen=True)
class JournalStats:
    """Counts that show the record growing."""

    total: int = 0
    starred: int = 0
    last_day: date | None = None


def normalize_tag(raw: str) -> str:
    """Return the stored form of a tag: no leading # or @, lower case, dashes for spaces."""
    tag = _TAG_STRIP.sub("", raw.strip())
    tag = _TAG_SPACE.sub("-", tag).strip("-,;").lower()
    return tag


def parse_tags(raw: str) -> tuple[str, ...]:
    """Split a comma-separated tag field into normalized, unique tags, in order."""
    seen: list[str] = []
    for part in re.split(r"[,;]", raw):
        tag = normalize_tag(part)
        if tag and tag not in seen:
            seen.append(tag)
    return tuple(seen)


def check_url(raw: str) -> str:
    """Return a cleaned link, or raise if it is not an http, https or mailto URL."""
    url = raw.strip()
    if url.startswith("www."):
        url = "https://" + url
    match = _URL.match(url)
    if not match or match.group("scheme").lower() not in ALLOWED_LINK_SCHEMES:
        raise EntryValidationError(
            "links", "A link must start with http://, https:// or mailto: and have no spaces."
        )
    if len(url) > MAX_URL:
        raise EntryValidationError("links", f"A link may be at most {MAX_URL} characters long.")
    return url


def parse_date(raw: str, field_name: str = "date") -> date:
    """Parse a YYYY-MM-DD date, with a readable message when it is not one."""
    text = raw.strip()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise EntryValidationError(
            field_name, f"'{text[:40]}' is not a valid date; use YYYY-MM-DD, e.g. 2026-03-14."
        ) from None


def validate_draft(draft: EntryDraft) -> EntryDraft:
    """Check and clean a draft before it is written; raise EntryValidationError if it is not ok."""
    title = " ".join(draft.title.split())
    if not title:
        raise EntryValidationError("title", "An entry needs a title: say in a few words what you did.")
    if len(title) > MAX_TITLE:
        raise EntryValidationError("title", f"A title may be at most {MAX_TITLE} characters long.")
    for name, value in (("body", draft.body), ("impact", draft.impact)):
        if len(value) > MAX_TEXT:
            raise EntryValidationError(name, f"The {name} may be at most {MAX_TEXT} characters long.")
    if not (date(1900, 1, 1) <= draft.day <= date(9999, 12, 31)):
        raise EntryValidationError("date", "The date must be after 1900.")
    tags = tuple(dict.fromkeys(t for t in (normalize_tag(t) for t in draft.tags) if t))
    if len(tags) > MAX_TAGS:
        raise EntryValidationError("tags", f"An entry may have at most {MAX_TAGS} tags.")
    for tag in tags:
        if len(tag) > MAX_TAG:
            raise EntryValidationError("tags", f"A tag may be at most {MAX_TAG} characters long.")
    links = tuple(dict.fromkeys(check_url(u) for u in draft.links if u.strip()))
    if len(links) > MAX_LINKS:
        raise EntryValidationError("links", f"An entry may have at most {MAX_LINKS} links.")
    return EntryDraft(
        day=draft.day,
        title=title,
        body=draft.body.rstrip(),
        impact=draft.impact.strip(),
        tags=tags,
        starred=draft.starred,
        revisit_on=draft.revisit_on,
        links=links,
        private=draft.private,
    )


def fts_query(text: str) -> str:
    """Turn what a person typed into a safe FTS5 query (every word must match; prefixes ok).

    Words are quoted so that FTS syntax in the input can never cause an error; words of two
    or more characters match as prefixes, single characters only as whole words.
    """
    words = re.findall(r"\w+", text, flags=re.UNICODE)
    parts = []
    for word in words[:12]:
        quoted = '"' + word.replace('"', '""') + '"'
        parts.append(quoted + "*" if len(word) >= 2 else quoted)
    return " ".join(parts)


def search_words(text: str) -> tuple[str, ...]:
    """Return the words of a search, for highlighting them in a view."""
    return tuple(w for w in re.findall(r"\w+", text, flags=re.UNICODE) if w)


def quiet_for(last_day: date | None, today: date) -> int | None:
    """Return how many days passed since the last entry, or None for an empty journal."""
    if last_day is None:
        return None
    return max(0, (today - last_day).days)


def needs_nudge(last_day: date | None, today: date) -> bool:
    """Tell whether nothing was recorded for a week, so a gentle prompt is due."""
    days = quiet_for(last_day, today)
    return days is not None and days >= QUIET_DAYS



SNIPPET_OPEN = "\x02"
SNIPPET_CLOSE = "\x03"


@functools.lru_cache(maxsize=32)  # once per search, not once per excerpt (200 a page)
def search_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """Return a pattern for the search words as prefixes, to run over ``fold(text)``."""
    usable = [w for w in words if w]
    if not usable:
        return None
    alternatives = "|".join(re.escape(fold(w)) for w in sorted(usable, key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE | re.UNICODE)


class _FoldTable(dict[int, str]):
    """Code point -> the same character without its accents, worked out once per character."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        bare = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        folded = bare if len(bare) == 1 else char
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Drop accents character by character (same length), as the search index does.

    ASCII text is returned as it is, other text goes through a table filled as characters are
    met: search-result excerpts fold whole entry bodies on every keystroke.
    """
    return text if text.isascii() else text.translate(_FOLD)


def make_snippet(fields: tuple[str, ...], words: tuple[str, ...], width: int = 90) -> str:
    """Return a one-line excerpt around the first search hit, hits wrapped in \\x02...\\x03.

    Fields are tried in order (for example body, impact, title); words match as prefixes,
    ignoring case, like the full-text search does. Empty when nothing matches.
    """
    pattern = search_pattern(words)
    if pattern is None:
        return ""
    for raw in fields:
        text = " ".join(raw.replace(SNIPPET_OPEN, " ").replace(SNIPPET_CLOSE, " ").split())
        folded = fold(text)
        first = pattern.search(folded)
        if first is None:
            continue
        start = max(0, first.start() - width // 3)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first.start() else start
        end = min(len(text), start + width)
        window = text[start:end]
        pieces, last = [], 0
        for match in pattern.finditer(folded[start:end]):
            pieces += [window[last:match.start()], SNIPPET_OPEN, window[match.start():match.end()],
                       SNIPPET_CLOSE]
            last = match.end()
        marked = "".join(pieces) + window[last:]
        return ("…" if start else "") + marked + ("…" if end < len(text) else "")
    return ""
