"""Bringing records over from jrnl (exports made by the real jrnl program) and markdown brag documents."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, time
from pathlib import Path

import pytest

from fikadesk.domain.journal.entries import EntryQuery
from fikadesk.domain.journal.outside import (
    OutsideFormatError,
    detect_format,
    parse_brag_markdown,
    parse_jrnl_json,
)
from fikadesk.services.container import Services

JRNL = shutil.which("jrnl", path=str(Path(sys.executable).parent)) or shutil.which("jrnl")
needs_jrnl = pytest.mark.skipif(JRNL is None and not os.environ.get("CI"),
                                reason="jrnl is not installed (pip install -e '.[test]' brings it)")

CONFIG = """\
colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {journal}
linewrap: 79
tagsymbols: '@'
template: false
timeformat: '%Y-%m-%d %H:%M'
version: v4.6
"""
WRITTEN = [
    "2026-03-14 09:30: Led the billing migration. Zero downtime for @billing and @leadership.",
    "2026-04-02 16:05: *Mentored Priya through on-call. She handled two incidents alone @mentoring",
    "2026-05-20 11:00: Caught a data-loss bug in review.",
]


@pytest.fixture
def jrnl_exports(tmp_path: Path) -> dict[str, str]:
    assert JRNL is not None, "jrnl must be installed for these tests"
    config = tmp_path / "jrnl.yaml"
    config.write_text(CONFIG.format(journal=tmp_path / "journal.txt"), encoding="utf-8")
    env = {**os.environ, "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path), "NO_COLOR": "1"}
    for line in WRITTEN:
        subprocess.run([JRNL, "--config-file", str(config), line], check=True, capture_output=True,
                       env=env, timeout=60)
    return {fmt: subprocess.run([JRNL, "--config-file", str(config), "--export", fmt], check=True,
                                capture_output=True, text=True, env=env, timeout=60).stdout
            for fmt in ("json", "markdown")}


@needs_jrnl
def test_a_real_jrnl_json_export_comes_over_whole(jrnl_exports: dict[str, str], services: Services) -> None:
    text = jrnl_exports["json"]
    assert detect_format(text) == "jrnl"
    found = parse_jrnl_json(text)
    # jrnl lists an entry's tags in no fixed order, so they are compared sorted.
    assert [(f.draft.day, f.moment.time(), f.draft.title, sorted(f.draft.tags), f.draft.starred)
            for f in found] == [
        (date(2026, 3, 14), time(9, 30), "Led the billing migration.", ["billing", "leadership"], False),
        (date(2026, 4, 2), time(16, 5), "Mentored Priya through on-call.", ["mentoring"], True),
        (date(2026, 5, 20), time(11, 0), "Caught a data-loss bug in review.", [], False),
    ]
    assert found[0].draft.body == "Zero downtime for @billing and @leadership."
    first = services.transfer.import_outside(found)
    assert len(first.new) == 3
    again = services.transfer.import_outside(parse_jrnl_json(text))
    assert (len(again.new), again.already_there) == (0, 3)
    assert services.journal.count(EntryQuery()) == 3
    stored = services.transfer.export_document()["tables"]["entry"]
    assert [row["created_at"][:19] for row in stored] == ["2026-03-14 09:30:00", "2026-04-02 16:05:00",
                                                     "2026-05-20 11:00:00"]
    assert services.journal.count(EntryQuery(tags=("billing",))) == 1


@needs_jrnl
def test_jrnls_markdown_export_reads_as_a_brag_document(jrnl_exports: dict[str, str]) -> None:
    text = jrnl_exports["markdown"]
    assert detect_format(text) == "markdown"
    found = parse_brag_markdown(text, "jrnl.md")
    assert [(f.draft.day, f.moment.time(), f.draft.title, f.draft.tags) for f in found] == [
        (date(2026, 3, 14), time(9, 30), "Led the billing migration.", ("billing", "leadership")),
        (date(2026, 4, 2), time(16, 5), "Mentored Priya through on-call.", ("mentoring",)),
        (date(2026, 5, 20), time(11, 0), "Caught a data-loss bug in review.", ()),
    ]


BRAG = """\
# My brag document 2026

## Goals for this year
- Become the go-to person for billing

## Projects

### 2026-03-14 — Led the billing migration ⭐
Planned the rollout in three waves with @billing and @support.

- ran a dry run
- agreed the rollback line

Impact: 40,000 accounts moved with zero downtime

### March 20, 2026: Wrote the on-call handbook
Pages per week went from 14 to 5.

## Small wins
- 2026-04-02: Mentored Priya through her first on-call week
  - she handled two incidents on her own
  - Result: one fewer escalation a week
- 14 April 2026 Fixed the flaky deploy check (starred)
- Not dated, so not an entry

Closing thoughts that belong to nobody.
"""


def test_a_brag_document_becomes_entries() -> None:
    found = parse_brag_markdown(BRAG, "brag.md")
    assert [(f.where, f.draft.day, f.draft.title, f.draft.body, f.draft.impact, f.draft.tags, f.draft.starred)
            for f in found] == [
        ("brag.md, line 8", date(2026, 3, 14), "Led the billing migration",
         "Planned the rollout in three waves with @billing and @support.\n\n- ran a dry run\n"
         "- agreed the rollback line", "40,000 accounts moved with zero downtime",
         ("billing", "support"), True),
        ("brag.md, line 16", date(2026, 3, 20), "Wrote the on-call handbook",
         "Pages per week went from 14 to 5.", "", (), False),
        ("brag.md, line 20", date(2026, 4, 2), "Mentored Priya through her first on-call week",
         "- she handled two incidents on her own", "one fewer escalation a week", (), False),
        ("brag.md, line 23", date(2026, 4, 14), "Fixed the flaky deploy check", "", "", (), True),
    ]


def test_a_brag_document_with_an_impossible_date_skips_nothing_silently() -> None:
    # 2026-02-30 is no date, so that line is text of the entry before it, not an entry of its own.
    found = parse_brag_markdown("## 2026-02-28 Shipped it\n- 2026-02-30 not a day\n", "x.md")
    assert [(f.draft.title, f.draft.body) for f in found] == [("Shipped it", "- 2026-02-30 not a day")]


def test_a_very_long_title_keeps_its_words_in_the_body() -> None:
    long_title = "word " * 80
    found = parse_brag_markdown(f"## 2026-01-02 {long_title}\nrest\n", "x.md")
    assert len(found[0].draft.title) == 200 and found[0].draft.title.endswith("…")
    assert found[0].draft.body.startswith(long_title.strip())


@pytest.mark.parametrize(("text", "message"), [
    ('{"entries": [{"title": "x", "date": "2026-13-01"}]}', "$.entries[0].date: expected a date"),
    ('{"entries": [{"title": 3, "date": "2026-01-01"}]}', "$.entries[0].title: expected text"),
    ('{"entries": [{"title": "x", "date": "2026-01-01", "time": "25:00"}]}', "$.entries[0].time:"),
    ('{"entries": [{"title": "x", "date": "2026-01-01", "starred": "yes"}]}', "$.entries[0].starred:"),
    ('{"entries": [{"title": "   ", "date": "2026-01-01"}]}', "$.entries[0]: An entry needs a title"),
    ('{"entries": {}}', "$: not a jrnl export"),
    ('{"entries": [', "not valid JSON at line 1"),
])
def test_broken_jrnl_files_say_where(text: str, message: str) -> None:
    with pytest.raises(OutsideFormatError) as caught:
        parse_jrnl_json(text)
    assert str(caught.value).startswith(message)


def test_a_failed_parse_adds_nothing(services: Services) -> None:
    with pytest.raises(OutsideFormatError):
        parse_jrnl_json('{"entries": [{"title": "ok", "date": "2026-01-01"}, {"title": "x"}]}')
    assert services.journal.count(EntryQuery()) == 0
