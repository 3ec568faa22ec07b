"""Rules of evidence entries: validation, tags, links, dates, search queries, nudges."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fikadesk.domain.journal.entries import (
    MAX_LINKS,
    MAX_TAG,
    MAX_TAGS,
    MAX_TEXT,
    MAX_TITLE,
    EntryDraft,
    EntryQuery,
    EntryValidationError,
    check_url,
    fts_query,
    needs_nudge,
    normalize_tag,
    parse_date,
    parse_tags,
    quiet_for,
    search_words,
    validate_draft,
)

DAY = date(2026, 11, 20)


def _draft(**kw: object) -> EntryDraft:
    fields: dict[str, object] = {"day": DAY, "title": "Led the incident review"} | kw
    return EntryDraft(**fields)  # type: ignore[arg-type]


# -- validate_draft ---------------------------------------------------------------------------
def test_validate_cleans_fields() -> None:
    clean = validate_draft(
        _draft(
            title="  Led   the\nincident review ",
            body="What happened.\n\n",
            impact="  Fewer pages  ",
            tags=("#Leadership", "leadership", " Incident Response ", "", "@ops"),
            links=("www.example.com/pr/1", " https://example.com/doc ", "", "https://example.com/doc"),
            starred=True,
            private=True,
            revisit_on=date(2026, 12, 20),
        )
    )
    assert clean == EntryDraft(
        day=DAY,
        title="Led the incident review",
        body="What happened.",
        impact="Fewer pages",
        tags=("leadership", "incident-response", "ops"),
        starred=True,
        revisit_on=date(2026, 12, 20),
        links=("https://www.example.com/pr/1", "https://example.com/doc"),
        private=True,
    )


@pytest.mark.parametrize(
    ("kw", "field", "message"),
    [
        ({"title": ""}, "title", "An entry needs a title: say in a few words what you did."),
        ({"title": " \n\t "}, "title", "An entry needs a title: say in a few words what you did."),
        ({"title": "x" * (MAX_TITLE + 1)}, "title", f"A title may be at most {MAX_TITLE} characters long."),
        ({"body": "b" * (MAX_TEXT + 1)}, "body", f"The body may be at most {MAX_TEXT} characters long."),
        ({"impact": "i" * (MAX_TEXT + 1)}, "impact",
         f"The impact may be at most {MAX_TEXT} characters long."),
        ({"day": date(1899, 12, 31)}, "date", "The date must be after 1900."),
        ({"tags": tuple(f"t{i}" for i in range(MAX_TAGS + 1))}, "tags",
         f"An entry may have at most {MAX_TAGS} tags."),
        ({"tags": ("x" * (MAX_TAG + 1),)}, "tags", f"A tag may be at most {MAX_TAG} characters long."),
        ({"links": ("javascript:alert(1)",)}, "links",
         "A link must start with http://, https:// or mailto: and have no spaces."),
        ({"links": tuple(f"https://e.com/{i}" for i in range(MAX_LINKS + 1))}, "links",
         f"An entry may have at most {MAX_LINKS} links."),
    ],
)
def test_validate_refuses(kw: dict[str, object], field: str, message: str) -> None:
    with pytest.raises(EntryValidationError) as info:
        validate_draft(_draft(**kw))
    assert info.value.field_name == field
    assert str(info.value) == message


def test_validate_limits_are_inclusive() -> None:
    clean = validate_draft(
        _draft(
            title="x" * MAX_TITLE,
            body="b" * MAX_TEXT,
            tags=tuple(f"t{i}" for i in range(MAX_TAGS)) + tuple(f"t{i}" for i in range(5)),
            day=date(1900, 1, 1),
        )
    )
    assert len(clean.title) == MAX_TITLE
    assert len(clean.tags) == MAX_TAGS


# -- tags -------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "tag"),
    [
        ("Leadership", "leadership"),
        ("#design-doc", "design-doc"),
        ("##@mentoring", "mentoring"),
        ("  cross   team  ", "cross-team"),
        ("tab\tand\nnewline", "tab-and-newline"),
        ("-edge-,", "edge"),
        ("ÄRGER", "ärger"),
        ("#", ""),
        ("", ""),
    ],
)
def test_normalize_tag(raw: str, tag: str) -> None:
    assert normalize_tag(raw) == tag


def test_parse_tags() -> None:
    assert parse_tags("Leadership, #design;  cross team,leadership,,  ; #") == (
        "leadership", "design", "cross-team",
    )
    assert parse_tags("") == ()


# -- links ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("raw", "url"),
    [
        ("https://example.com/a?b=c#d", "https://example.com/a?b=c#d"),
        ("  http://example.com  ", "http://example.com"),
        ("HTTPS://EXAMPLE.COM", "HTTPS://EXAMPLE.COM"),
        ("mailto:me@example.com", "mailto:me@example.com"),
        ("www.example.com", "https://www.example.com"),
    ],
)
def test_check_url_accepts(raw: str, url: str) -> None:
    assert check_url(raw) == url


@pytest.mark.parametrize(
    "raw",
    ["file:///etc/passwd", "javascript:alert(1)", "data:text/html,x", "ftp://e.com", "example.com",
     "https://exa mple.com", "https:", "", "   ", "qrc:/icon.png"],
)
def test_check_url_refuses(raw: str) -> None:
    with pytest.raises(EntryValidationError) as info:
        check_url(raw)
    assert info.value.field_name == "links"


def test_check_url_refuses_too_long() -> None:
    with pytest.raises(EntryValidationError, match="at most 2000 characters"):
        check_url("https://e.com/" + "a" * 2000)


# -- dates ------------------------------------------------------------------------------------
def test_parse_date() -> None:
    assert parse_date(" 2026-03-14 ") == date(2026, 3, 14)
    assert parse_date("2024-02-29") == date(2024, 2, 29)


@pytest.mark.parametrize("raw", ["2026-02-30", "2026-3-14", "14.03.2026", "20260314", "", "tomorrow",
                                 "2026-03-14T10:00", "２０２６-０３-１４"])
def test_parse_date_refuses(raw: str) -> None:
    with pytest.raises(EntryValidationError) as info:
        parse_date(raw, "--since")
    assert info.value.field_name == "--since"
    assert str(info.value) == f"'{raw.strip()[:40]}' is not a valid date; use YYYY-MM-DD, e.g. 2026-03-14."


def test_parse_date_message_is_short() -> None:
    with pytest.raises(EntryValidationError) as info:
        parse_date("x" * 500)
    assert str(info.value) == "'" + "x" * 40 + "' is not a valid date; use YYYY-MM-DD, e.g. 2026-03-14."


# -- search -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("design doc", '"design"* "doc"*'),
        ("a b", '"a" "b"'),
        ('say "hi"', '"say"* "hi"*'),
        ("NEAR(a b) AND c* OR NOT d", '"NEAR"* "a" "b" "AND"* "c" "OR"* "NOT"* "d"'),
        ("title:secret ^start -minus +plus", '"title"* "secret"* "start"* "minus"* "plus"*'),
        ("(((", ""),
        ("🎉 🚀", ""),
        ("Café naïve", '"Café"* "naïve"*'),
        ("", ""),
    ],
)
def test_fts_query(text: str, query: str) -> None:
    assert fts_query(text) == query


def test_fts_query_keeps_twelve_words() -> None:
    assert fts_query(" ".join(f"w{i}" for i in range(50))) == " ".join(f'"w{i}"*' for i in range(12))


@pytest.fixture(scope="module")
def fts() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE VIRTUAL TABLE t USING fts5(a, tokenize = 'unicode61 remove_diacritics 2', "
                 "prefix = '2 3')")
    conn.execute("INSERT INTO t VALUES ('design doc for the café NEAR launch')")
    return conn


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_fts_query_never_breaks_sqlite(fts: sqlite3.Connection, text: str) -> None:
    query = fts_query(text)
    if query:
        fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (query,)).fetchone()


@pytest.mark.parametrize(
    "text",
    ['"', '""', "'", "*", "a*b", "NEAR", "NEAR/3", "AND", "(a OR b", "a)", "^", "_", "___", "-",
     "\x00", "\\", "{a b}", "a:b", "x" * 10_000, "word " * 5_000, "🎉" * 1000, "\u200b", "ﬁ", "İ"],
)
def test_fts_query_hostile_input(fts: sqlite3.Connection, text: str) -> None:
    query = fts_query(text)
    if query:
        fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (query,)).fetchone()


def test_fts_query_finds_prefixes_and_ignores_accents(fts: sqlite3.Connection) -> None:
    def hits(text: str) -> int:
        return int(fts.execute("SELECT count(*) FROM t WHERE t MATCH ?", (fts_query(text),)).fetchone()[0])

    assert hits("des") == 1
    assert hits("cafe") == 1
    assert hits("near") == 1
    assert hits("d") == 0  # one letter matches only a whole word
    assert hits("design missing") == 0


def test_search_words() -> None:
    assert search_words('say "hi", café!') == ("say", "hi", "café")
    assert search_words("🎉") == ()


def test_entry_query_is_filtered() -> None:
    assert not EntryQuery().is_filtered()
    assert not EntryQuery(text="   ").is_filtered()
    assert not EntryQuery(in_trash=True).is_filtered()
    assert EntryQuery(text="x").is_filtered()
    assert EntryQuery(tags=("a",)).is_filtered()
    assert EntryQuery(starred_only=True).is_filtered()
    assert EntryQuery(since=DAY).is_filtered()
    assert EntryQuery(until=DAY).is_filtered()


# -- nudges -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("last", "today", "days", "nudge"),
    [
        (None, DAY, None, False),
        (DAY, DAY, 0, False),
        (date(2026, 11, 14), DAY, 6, False),
        (date(2026, 11, 13), DAY, 7, True),
        (date(2025, 11, 20), DAY, 365, True),
        (date(2026, 11, 25), DAY, 0, False),  # an entry dated in the future
    ],
)
def test_quiet_for_and_needs_nudge(last: date | None, today: date, days: int | None, nudge: bool) -> None:
    assert quiet_for(last, today) == days
    assert needs_nudge(last, today) is nudge


def test_entry_draft_round_trip() -> None:
    from datetime import datetime

    from fikadesk.domain.journal.entries import Entry

    draft = validate_draft(_draft(tags=("a",), links=("https://e.com",), starred=True))
    entry = Entry(id=1, created_at=datetime(2026, 1, 1), updated_at=datetime(2026, 1, 1),
                  **draft.__dict__)
    assert entry.draft() == draft
