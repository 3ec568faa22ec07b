"""Full export and import: a lossless round trip, ids remapped into a journal with data, and
every malformed file refused with its place and reason while the journal stays as it was."""

from __future__ import annotations

import copy
import csv
import io
import json
from datetime import date, datetime
from pathlib import Path

import pytest

from fikadesk.domain.journal.entries import EntryDraft, EntryQuery
from fikadesk.domain.preferences import Preferences
from fikadesk.services.container import Services, build_services
from fikadesk.services.transfer.format import DERIVED_COLUMNS, TransferError, json_schema_text
from fikadesk.services.transfer.service import read_json_file
from fikadesk.storage import tables
from tests.briefs.sample import fill_journal

SCHEMA = Path(__file__).resolve().parents[3] / "resources" / "schema" / "fikadesk-export.schema.json"
LATER = datetime(2026, 11, 21, 8, 0)


def _full(services: Services) -> dict:
    fill_journal(services)
    services.leveling.freeze_target(date(2026, 11, 1), "agreed with Sam")
    gone = services.journal.add(EntryDraft(day=date(2026, 6, 1), title="A draft I binned", tags=("misc",)))
    services.journal.delete(gone.id)
    services.preferences.save(Preferences(words_per_minute=150))
    return services.transfer.export_document()


def _content(document: dict) -> dict:
    return {k: v for k, v in document.items() if k != "exported_at"}


@pytest.fixture
def fresh(tmp_path: Path):
    built = build_services(tmp_path / "other.fikadesk", clock=lambda: LATER)
    yield built
    built.close()


def test_round_trip_into_an_empty_journal_is_exact(services: Services, fresh: Services) -> None:
    first = _full(services)
    plan = fresh.transfer.import_document(first)
    assert plan.kept_ids
    assert plan.added["entry"] == len(first["tables"]["entry"]) == 15
    assert plan.added["target_snapshot_item"] == 10
    assert _content(fresh.transfer.export_document()) == _content(first)
    assert fresh.preferences.get().words_per_minute == 150
    # The search index is rebuilt, and the trash stays the trash.
    billing = EntryQuery(text="billing")
    assert fresh.journal.count(billing) == services.journal.count(billing)
    assert fresh.journal.count(EntryQuery(text="binned")) == 0
    assert fresh.leveling.readiness(date(2026, 11, 20)) == services.leveling.readiness(date(2026, 11, 20))


def test_json_text_round_trips_through_a_file(services: Services, fresh: Services, tmp_path: Path) -> None:
    _full(services)
    path = tmp_path / "export.json"
    path.write_text(services.transfer.export_json(), encoding="utf-8")
    fresh.transfer.import_file(path)
    assert json.loads(fresh.transfer.export_json())["tables"] == json.loads(path.read_text())["tables"]


def test_import_into_a_journal_with_data_adds_with_new_ids(services: Services, fresh: Services) -> None:
    document = _full(services)
    fresh.transfer.import_document(document)
    plan = fresh.transfer.import_document(document)
    assert not plan.kept_ids
    assert plan.added["entry"] == 15 and plan.added["tag"] == 0  # tags are shared by name
    assert plan.added["target"] == 0
    assert "Your current target is kept" in plan.summary()
    after = fresh.transfer.export_document()["tables"]
    assert len(after["entry"]) == 30
    assert len(after["entry_expectation"]) == 2 * len(document["tables"]["entry_expectation"])
    assert len(after["ladder"]) == 2
    # Links follow the new ids: every linked expectation belongs to a level of a stored ladder.
    levels = {row["id"] for row in after["ladder_level"]}
    expectations = {row["id"]: row["level_id"] for row in after["expectation"]}
    assert all(expectations[link["expectation_id"]] in levels for link in after["entry_expectation"])
    second_items = [row for row in after["target_snapshot_item"] if row["snapshot_id"] != 1]
    assert {row["expectation_id"] for row in second_items} <= set(expectations) - {
        row["expectation_id"] for row in after["target_snapshot_item"] if row["snapshot_id"] == 1}


def test_dry_run_counts_and_changes_nothing(services: Services, fresh: Services) -> None:
    document = _full(services)
    before = fresh.db.revision()
    plan = fresh.transfer.import_document(document, dry_run=True)
    assert plan.added["entry"] == 15 and plan.added["ladder"] == 1
    assert plan.summary().startswith("Adds 15 entry rows, 1 ladder row, ")
    assert fresh.db.revision() == before
    assert fresh.transfer.export_document()["tables"]["entry"] == []


def _broken(document: dict, change) -> dict:
    copied = copy.deepcopy(document)
    change(copied)
    return copied


CASES = [
    (lambda d: d.update(format="jrnl"), "$.format: expected 'fikadesk-export'"),
    (lambda d: d.update(version=99), "$.version: version 99 comes from a newer fikadesk"),
    (lambda d: d.update(version="1"), "$.version: expected a whole number"),
    (lambda d: d.update(tables=[]), "$.tables: expected an object"),
    (lambda d: d["tables"].update(plan_wish=[]), "$.tables.plan_wish: unknown table"),
    (lambda d: d["tables"].update(entry={}), "$.tables.entry: expected a list of rows"),
    (lambda d: d["tables"]["entry"].__setitem__(2, "x"), "$.tables.entry[2]: expected an object"),
    (lambda d: d["tables"]["entry"][0].update(mood="good"), "$.tables.entry[0].mood: unknown field of entry"),
    (lambda d: d["tables"]["entry"][1].update(day="2024-02-30"),
     "$.tables.entry[1].day: expected a date as YYYY-MM-DD, got '2024-02-30'"),
    (lambda d: d["tables"]["entry"][1].update(starred=1),
     "$.tables.entry[1].starred: expected true or false"),
    (lambda d: d["tables"]["entry"][1].update(title=None), "$.tables.entry[1].title: must not be null"),
    (lambda d: d["tables"]["entry"][1].pop("title"), "$.tables.entry[1].title: missing"),
    (lambda d: d["tables"]["entry"][1].update(title="x" * 1_000_001),
     "$.tables.entry[1].title: text is longer"),
    (lambda d: d["tables"]["entry_tag"][0].update(tag_id=999),
     "$.tables.entry_tag[0].tag_id: refers to tag 999"),
    (lambda d: d["tables"]["entry"].append(dict(d["tables"]["entry"][0])),
     "$.tables.entry[15].id: 1 appears twice"),
    (lambda d: d.update(preferences={"pref.pace": 3}), "$.preferences: expected an object of text values"),
    (lambda d: d["tables"]["entry"][0].update(id=2**70), "$.tables.entry[0].id: the number is too large"),
    (lambda d: d["tables"]["entry"][0].update(title="<script>" * 100),
     "$.tables.entry[0].title: longer than 200 characters (800)"),
    (lambda d: d["tables"]["entry"][0].update(title="  "), "$.tables.entry[0].title: must not be empty"),
]
# Rows the types allow but the app could not live with, in the plan and interview tables.
RULE_CASES = [
    (lambda d: d["tables"]["plan_item"][0].update(status="hacked"),
     "$.tables.plan_item[0].status: 'hacked' is not one of 'open', 'in_progress', 'done', 'dropped'"),
    (lambda d: d["tables"]["plan_followup"][0].update(owner="ceo"), "$.tables.plan_followup[0].owner:"),
    (lambda d: d["tables"]["plan_followup"][0].update(checkin_id=999),
     "$.tables.plan_followup[0].checkin_id: refers to plan_checkin 999, which the file does not hold"),
    (lambda d: d["tables"]["plan_checkin"][0].update(planned=True),
     "$.tables.plan_followup[0].checkin_id: plan_checkin 1 is only planned"),
    (lambda d: d["tables"]["plan"].append({**d["tables"]["plan"][0], "id": 99}),
     "$.tables.plan[1].closed_on: only one plan can be open"),
    (lambda d: d["tables"]["interview_answer"][0].update(kind="evil"),
     "$.tables.interview_answer[0].kind: 'evil' is not one of"),
    (lambda d: d["tables"]["interview_answer"][0].update(box=9),
     "$.tables.interview_answer[0].box: 9 is outside 1 to 5"),
    (lambda d: d["tables"]["interview_answer"][0].update(job_id=999),
     "$.tables.interview_answer[0].job_id: refers to interview_job 999"),
    (lambda d: d["tables"]["interview_take"].append(
        {"id": 1, "answer_id": 1, "taken_at": "2026-11-20 10:00:00", "seconds": 30, "rating": 9,
         "note": "", "mode": "recall"}), "$.tables.interview_take[0].rating: 9 is outside 1 to 5"),
    (lambda d: d["tables"]["interview_reflection"].append(
        {"id": 1, "strengths": "", "tasks_enjoyed": "", "tasks_dreaded": "", "manage_people": "no",
         "work_style": "team", "success_measure": "", "fulfilment": "money,fame"}),
     "$.tables.interview_reflection[0].fulfilment: 'fame' is not one of"),
    (lambda d: d["tables"]["interview_job"][0].update(role="x" * 201),
     "$.tables.interview_job[0].role: longer than 200 characters"),
]


@pytest.mark.parametrize(("change", "message"), RULE_CASES)
def test_plan_and_interview_rows_the_app_cannot_use_are_refused(services: Services, fresh: Services,
                                                                change, message: str) -> None:
    from tests.briefs.sample import fill_interview, fill_plan

    made = fill_journal(services)
    fill_plan(services, made)
    fill_interview(services, made)
    document = services.transfer.export_document()
    fresh.transfer.import_document(copy.deepcopy(document), dry_run=True)  # the file itself is fine
    before = (fresh.db.revision(), fresh.transfer.export_document()["tables"])
    with pytest.raises(TransferError) as caught:
        fresh.transfer.import_document(_broken(document, change))
    assert str(caught.value).startswith(message)
    assert (fresh.db.revision(), fresh.transfer.export_document()["tables"]) == before


def test_a_plan_from_the_file_joins_the_history_of_a_journal_that_has_one(
        services: Services, fresh: Services) -> None:
    from fikadesk.domain.plan.records import Plan
    from tests.briefs.sample import fill_plan

    fill_plan(services, fill_journal(services))
    document = services.transfer.export_document()
    fresh.plan.start(Plan("Staff Engineer", manager_name="Alex"))
    plan = fresh.transfer.import_document(document)
    assert "Your current plan stays the one you work on" in plan.summary()
    active = fresh.plan.active()
    assert active is not None and active.plan.target_level == "Staff Engineer"
    assert [(p.plan.target_level, p.closed_on) for p in fresh.plan.history()] == [
        ("Staff Engineer", None), ("Senior Engineer", LATER.date())]


@pytest.mark.parametrize(("change", "message"), CASES)
def test_malformed_exports_are_refused_and_change_nothing(services: Services, fresh: Services,
                                                          change, message: str) -> None:
    document = _full(services)
    fresh.journal.add(EntryDraft(day=date(2026, 1, 5), title="Already here"))
    before = (fresh.db.revision(), fresh.transfer.export_document()["tables"])
    with pytest.raises(TransferError) as caught:
        fresh.transfer.import_document(_broken(document, change))
    assert str(caught.value).startswith(message)
    assert (fresh.db.revision(), fresh.transfer.export_document()["tables"]) == before


@pytest.mark.parametrize(("content", "message"), [
    (b'{"format": "fikadesk-export", "version": 1, "tables": {"entry": [',
     "x.json: not valid JSON at line 1"),
    (b"\xff\xfe{}", "x.json: not UTF-8 text (byte 0)"),
    (b"[" * 100_000 + b"]" * 100_000, "x.json: nested too deeply"),
    (b"", "x.json: not valid JSON at line 1, column 1"),
])
def test_unreadable_files_say_why(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.json"
    path.write_bytes(content)
    with pytest.raises(TransferError) as caught:
        read_json_file(path)
    assert str(caught.value).startswith(message)


def test_a_folder_is_not_an_export(tmp_path: Path) -> None:
    with pytest.raises(TransferError, match="is a folder, not a file"):
        read_json_file(tmp_path)


def test_the_committed_schema_is_in_step_with_the_tables() -> None:
    assert SCHEMA.read_text(encoding="utf-8") == json_schema_text(), (
        "The tables changed: extend the export format if needed and write the schema again with "
        "python -c 'from fikadesk.services.transfer.format import json_schema_text as t; "
        "open(\"resources/schema/fikadesk-export.schema.json\", \"w\").write(t())'")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    carried = schema["properties"]["tables"]["properties"]
    assert set(carried) == {t.name for t in tables.metadata.sorted_tables} - {"meta"}
    for table in tables.metadata.sorted_tables:
        if table.name != "meta":
            derived = {column for name, column in DERIVED_COLUMNS if name == table.name}
            assert set(carried[table.name]["items"]["properties"]) == set(table.columns.keys()) - derived


def test_csv_has_one_row_per_live_entry_with_its_links(services: Services) -> None:
    _full(services)
    services.journal.add(EntryDraft(day=date(2026, 11, 19), title='Said "no", kindly, twice',
                                    body="line one\nline two", tags=("a", "b")))
    rows = list(csv.DictReader(io.StringIO(services.transfer.export_csv())))
    assert len(rows) == services.journal.count(EntryQuery())  # live entries only, not the trash
    assert "A draft I binned" not in {r["title"] for r in rows}
    tricky = next(r for r in rows if r["title"].startswith("Said \""))
    assert tricky["title"] == 'Said "no", kindly, twice'
    assert tricky["body"] == "line one\nline two"
    assert tricky["tags"] == "a; b"
    linked = [r for r in rows if r["expectation_ids"]]
    assert linked and all(len(r["expectation_ids"].split()) == len(r["expectations"].split(" | "))
                          for r in linked)


def _interview(services: Services) -> None:
    from fikadesk.domain.interview.records import Answer, Job, Take
    from fikadesk.domain.interview.reflection import Worksheet

    entry = services.journal.add(EntryDraft(day=date(2026, 9, 18), title="Led the billing migration"))
    job = services.interview.save_job(Job(None, "Staff Engineer", "Acme", "Python, mentoring"))
    answer = services.interview.save_answer(
        Answer(None, "aspirations-career", "Career?", "aspiration", job.id, "First.", "expertise",
               ("a", "b", "c"))
    )
    services.interview.save_answer(Answer(answer.id, "aspirations-career", "Career?", "aspiration", job.id,
                                          "Second."))
    services.interview.save_answer(Answer(None, "own-story", "A story?", "story", None, "Once…",
                                          entry_ids=(entry.id,)))
    services.interview.record_take(Take(None, answer.id, LATER, 42, 4, "better"))
    services.interview.save_reflection(Worksheet("debugging", fulfilment=frozenset({"innovation"})))


def test_interview_data_travels_with_the_journal(services: Services, fresh: Services) -> None:
    _interview(services)
    document = services.transfer.export_document()
    assert {len(document["tables"][t]) for t in ("interview_job", "interview_answer_version",
                                                 "interview_take", "interview_reflection")} == {1}
    fresh.transfer.import_document(document)
    [job] = fresh.interview.jobs()
    answer = fresh.interview.find_answer("aspirations-career", job.id)
    assert answer.text == "Second." and [v.text for v in fresh.interview.versions(answer.id)] == ["First."]
    assert [(t.seconds, t.rating) for t in fresh.interview.takes(answer.id)] == [(42, 4)]
    story = fresh.interview.find_answer("own-story", None)
    assert fresh.interview.evidence(story.entry_ids[0]).title == "Led the billing migration"
    assert fresh.interview.reflection().strengths == "debugging"
    fresh.transfer.import_document(document)  # again, into a journal that has it all: ids are remapped
    assert len(fresh.interview.jobs()) == 2 and fresh.interview.reflection().strengths == "debugging"
