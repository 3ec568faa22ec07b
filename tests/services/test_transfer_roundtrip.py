"""Round-trip property: any journal exported, imported into a new journal and exported again is unchanged."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from fikadesk.domain.journal import EntryDraft
from fikadesk.domain.leveling_import import parse_ladder_files
from fikadesk.services.container import build_services

NOW = datetime(2026, 11, 20, 10, 0)
text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=60)
title = text.filter(lambda s: s.strip() != "")
tag = st.from_regex(r"[a-z][a-z0-9-]{0,10}", fullmatch=True)
drafts = st.builds(
    EntryDraft,
    day=st.dates(date(2000, 1, 1), date(2030, 12, 31)),
    title=title,
    body=text,
    impact=text,
    tags=st.lists(tag, max_size=3, unique=True).map(tuple),
    starred=st.booleans(),
    private=st.booleans(),
    revisit_on=st.none() | st.dates(date(2026, 1, 1), date(2030, 12, 31)),
    links=st.lists(st.sampled_from(["https://example.com/a", "https://example.org/b?x=1"]),
                   max_size=2).map(tuple),
)


LADDER = Path(__file__).resolve().parents[2] / "resources" / "ladders" / "product-manager.md"


@settings(max_examples=25, deadline=None)
@given(entries=st.lists(drafts, max_size=6), trash=st.sets(st.integers(0, 5), max_size=2),
       links=st.sets(st.tuples(st.integers(0, 5), st.integers(0, 40)), max_size=8),
       with_target=st.booleans(), freeze=st.booleans())
def test_export_import_export_is_the_same(entries: list[EntryDraft], trash: set[int],
                                          links: set[tuple[int, int]], with_target: bool,
                                          freeze: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = build_services(Path(folder) / "a.fikadesk", clock=lambda: NOW)
        target = build_services(Path(folder) / "b.fikadesk", clock=lambda: NOW)
        try:
            ids = [source.journal.add(d).id for d in entries]
            if with_target:
                ladder_id = source.leveling.import_ladder(parse_ladder_files([LADDER]))
                ladder = source.leveling.get_ladder(ladder_id)
                levels = ladder.levels
                source.leveling.set_target(ladder_id, levels[0].name, levels[2].name, date(2027, 6, 30),
                                           "my words")
                expectations = [x.id for level in levels for x in level.expectations]
                for entry_index, expectation_index in links:
                    if entry_index < len(ids):
                        source.leveling.link_entry(ids[entry_index],
                                                   [expectations[expectation_index % len(expectations)]])
                if freeze:
                    source.leveling.freeze_target(date(2026, 11, 1), "agreed")
            for index in trash:
                if index < len(ids):
                    source.journal.delete(ids[index])
            first = source.transfer.export_document()
            target.transfer.import_document(first)
            again = target.transfer.export_document()
            assert again["tables"] == first["tables"]
            assert [target.journal.get(i).tags for i in ids] == [source.journal.get(i).tags for i in ids]
        finally:
            source.close()
            target.close()
