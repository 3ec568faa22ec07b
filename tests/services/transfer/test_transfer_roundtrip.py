"""Round-trip property: any journal exported, imported into a new journal and exported again is unchanged."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.domain.leveling.importing.importer import parse_ladder_files
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


LADDER = Path(__file__).resolve().parents[3] / "resources" / "ladders" / "product-manager.md"


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


short = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    lambda s: s.strip() != "")
days = st.dates(date(2025, 1, 1), date(2027, 12, 31))


@st.composite
def plan_and_interview(draw: st.DrawFn) -> dict:
    """A plan with its checklist, commitments, checkpoints and check-ins, and interview data."""
    return {
        "items": draw(st.lists(st.tuples(short, st.sampled_from(["open", "in_progress", "done",
                                                                 "dropped"])), max_size=4)),
        "commitments": draw(st.lists(st.tuples(short, st.sampled_from(["open", "done", "dropped"]),
                                               st.none() | days), max_size=3)),
        "checkpoints": draw(st.lists(st.tuples(days, short, st.booleans()), max_size=3)),
        "checkins": draw(st.lists(st.tuples(days, st.lists(short, max_size=2), text,
                                            st.lists(st.tuples(short, st.sampled_from(["me", "manager"]),
                                                               st.booleans()), max_size=2)),
                                  max_size=3)),
        "new_plan": draw(st.booleans()),
        "jobs": draw(st.lists(st.tuples(short, text, text), max_size=2)),
        "answers": draw(st.lists(st.tuples(st.sampled_from(["aspirations-career", "story-challenge",
                                                            "motivation-why-role"]),
                                           st.booleans(), st.lists(text, min_size=1, max_size=3),
                                           st.lists(st.integers(1, 5), max_size=2)), max_size=4)),
        "reflection": draw(st.none() | st.tuples(text, st.sampled_from(["yes", "no", "unsure"]))),
    }


def _fill_plan_and_interview(services, data: dict, entry_ids: list[int]) -> None:
    from fikadesk.domain.interview.records import Answer, Job, Take
    from fikadesk.domain.interview.reflection import Worksheet
    from fikadesk.domain.plan.records import CheckIn, ChecklistItem, Checkpoint, Commitment, FollowUp, Plan

    services.plan.start(Plan("Senior", date(2027, 6, 30), "Sam"))
    for title, status in data["items"]:
        services.plan.save_item(ChecklistItem(None, title, status=status,  # type: ignore[arg-type]
                                              entry_ids=tuple(entry_ids[:1])))
    for words, status, due in data["commitments"]:
        services.plan.save_commitment(Commitment(None, words, status, due))  # type: ignore[arg-type]
    for day, title, reviewed in data["checkpoints"]:
        services.plan.save_checkpoint(Checkpoint(None, day, title, reviewed))
    for day, points, notes, followups in data["checkins"]:
        if day > NOW.date():  # a check-in after today is planned: its follow-ups come once it is held
            followups = []
        checkin_id = services.plan.save_checkin(
            CheckIn(None, day, tuple(points), notes),
            [FollowUp(None, None, words, owner) for words, owner, _done in followups])  # type: ignore[arg-type]
        state = services.plan.state()
        for (_words, _owner, done), stored in zip(followups, [f for f in state.followups
                                                              if f.checkin_id == checkin_id], strict=True):
            if done:
                services.plan.set_followup_done(stored.id, day)
    if data["new_plan"]:
        services.plan.start(Plan("Staff"))
    jobs = [services.interview.save_job(Job(None, role, "", description, research)).id
            for role, description, research in data["jobs"]]
    for key, for_job, wordings, ratings in data["answers"]:
        job_id = jobs[0] if for_job and jobs else None
        kind = {"aspirations": "aspiration"}.get(key.split("-")[0], key.split("-")[0])
        saved = None
        for wording in wordings:  # every change of wording keeps the one before as a version
            saved = services.interview.save_answer(Answer(
                saved.id if saved else None, key, "Question?", kind, job_id, wording,  # type: ignore[arg-type]
                entry_ids=tuple(entry_ids[:1]) if kind == "story" else ()))
        for rating in ratings:
            services.interview.record_take(Take(None, saved.id, NOW, 40, rating, "note"))
    if data["reflection"] is not None:
        strengths, manage = data["reflection"]
        services.interview.save_reflection(Worksheet(strengths, manage_people=manage,  # type: ignore[arg-type]
                                                     fulfilment=frozenset({"innovation"})))


@settings(max_examples=15, deadline=None)
@given(entries=st.lists(drafts, min_size=1, max_size=3), data=plan_and_interview())
def test_plan_and_interview_come_back_the_same(entries: list[EntryDraft], data: dict) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = build_services(Path(folder) / "a.fikadesk", clock=lambda: NOW)
        target = build_services(Path(folder) / "b.fikadesk", clock=lambda: NOW)
        try:
            ids = [source.journal.add(d).id for d in entries]
            _fill_plan_and_interview(source, data, ids)
            first = source.transfer.export_document()
            target.transfer.import_document(first)
            again = target.transfer.export_document()
            assert again["tables"] == first["tables"]
            assert target.plan.state() == source.plan.state()
            assert target.interview.answers(every_job=True) == source.interview.answers(every_job=True)
        finally:
            source.close()
            target.close()
