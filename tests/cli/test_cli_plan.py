"""The plan and checkin commands."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from tests.cli.helpers import one_line, run_cli


def test_start_a_plan_record_check_ins_and_show_it(capsys, tmp_path: Path) -> None:
    db = str(tmp_path / "j.fikadesk")
    code, out, err = run_cli(capsys, "--db", db, "plan", "start", "--target", "Senior Engineer",
                             "--date", "2027-03-31", "--manager", "Sam")
    today = date.today().isoformat()
    assert (code, out, err) == (0, f"Plan 1 started toward Senior Engineer on {today}.\n", "")
    code, out, _err = run_cli(capsys, "--db", db, "checkin", "add", "--date", "2026-10-01",
                              "--notes", "Raised the promotion", "--followup", "Send Sam my evidence list",
                              "--followup", "Ask who sits on the panel", "--point", "Promotion timeline")
    assert (code, out) == (0, "Check-in 1 on 2026-10-01 recorded with 2 follow-ups.\n")
    code, out, _err = run_cli(capsys, "--db", db, "plan", "show", "--json")
    data = json.loads(out)
    assert data["target_level"] == "Senior Engineer" and data["manager"] == "Sam"
    assert [f["text"] for f in data["open_followups"]] == ["Send Sam my evidence list",
                                                          "Ask who sits on the panel"]
    assert all(f["from"] == "2026-10-01" and f["open_days"] > 0 for f in data["open_followups"])
    code, out, _err = run_cli(capsys, "--db", db, "plan", "show")
    assert out.startswith(f"Plan toward Senior Engineer, by 2027-03-31, started {today}: 0 of 0 checklist "
                          "items done.\n")
    assert "\nOpen follow-ups:\n  Send Sam my evidence list (me, open " in out
    assert "\nChecklist:\n  (none)\n" in out


def test_the_thread_comes_before_the_plan(capsys, tmp_path: Path) -> None:
    """Issue 13: a new journal, two 1:1s (the first with two follow-ups), then a plan: the plan
    carries both open follow-ups and the thread holds both check-ins."""
    db = tmp_path / "j.fikadesk"
    first = (date.today() - timedelta(days=20)).isoformat()
    second = (date.today() - timedelta(days=6)).isoformat()
    code, out, err = run_cli(capsys, "--db", str(db), "checkin", "add", "--date", first, "--growth",
                             "--notes", "Asked how promotion works here", "--followup",
                             "manager: Send me the ladder", "--followup", "List my wins since spring")
    assert (code, out, err) == (0, f"Check-in 1 on {first} recorded with 2 follow-ups.\n", "")
    assert db.exists()
    code, out, _err = run_cli(capsys, "--db", str(db), "checkin", "add", "--date", second,
                              "--point", "What gaps do you see?")
    assert (code, out) == (0, f"Check-in 2 on {second} recorded.\n")
    code, out, _err = run_cli(capsys, "--db", str(db), "plan", "show", "--json")
    data = json.loads(out)
    assert data["target_level"] is None and [c["id"] for c in data["thread"]] == [1, 2]
    code, out, _err = run_cli(capsys, "--db", str(db), "plan", "start", "--target", "Senior")
    assert code == 0 and out.endswith("; 2 open follow-ups carried into it.\n")
    code, out, _err = run_cli(capsys, "--db", str(db), "plan", "show", "--json")
    data = json.loads(out)
    assert data["target_level"] == "Senior"
    assert [(f["text"], f["owner"], f["from"]) for f in data["open_followups"]] == [
        ("Send me the ladder", "manager", first), ("List my wins since spring", "me", first)]
    assert [(c["id"], c["date"], c["before_plan"], c["followup_ids"]) for c in data["thread"]] == [
        (1, first, True, [1, 2]), (2, second, True, [])]
    assert data["thread"][1]["talking_points"] == ["What gaps do you see?"]


def test_plan_started_from_a_check_in_starts_on_its_day(capsys, tmp_path: Path) -> None:
    db = str(tmp_path / "j.fikadesk")
    day = (date.today() - timedelta(days=3)).isoformat()
    run_cli(capsys, "--db", db, "checkin", "add", "--date", day, "--notes", "We agreed to write a plan")
    code, out, _err = run_cli(capsys, "--db", db, "plan", "start", "--target", "Senior",
                              "--from-checkin", "1")
    assert (code, out) == (0, f"Plan 1 started toward Senior on {day}.\n")
    data = json.loads(run_cli(capsys, "--db", db, "plan", "show", "--json")[1])
    assert data["started_on"] == day and data["thread"][0]["growth_talk"] is True
    assert data["thread"][0]["before_plan"] is False
    code, _out, err = run_cli(capsys, "--db", db, "plan", "start", "--target", "Senior",
                              "--from-checkin", "9")
    assert (code, one_line(err)) == (2, "fikadesk: there is no check-in 9")


def test_next_check_in_is_planned_not_held(capsys, tmp_path: Path) -> None:
    """Issue 20 item 4: a talking point goes onto the next (planned) check-in's agenda."""
    db = str(tmp_path / "j.fikadesk")
    code, _out, err = run_cli(capsys, "--db", db, "checkin", "point", "Ask about the panel")
    assert (code, one_line(err)) == (2, "fikadesk: no next check-in is planned yet: set its date first")
    later = (date.today() + timedelta(days=7)).isoformat()
    code, out, _err = run_cli(capsys, "--db", db, "checkin", "next", "--date", later)
    assert (code, out) == (0, f"Next check-in planned on {later} (id 1).\n")
    code, out, _err = run_cli(capsys, "--db", db, "checkin", "point", "Ask about the panel")
    assert (code, out) == (0, f"On the agenda of the check-in planned on {later} (1 talking point).\n")
    data = json.loads(run_cli(capsys, "--db", db, "plan", "show", "--json")[1])
    assert [(c["date"], c["planned"], c["talking_points"]) for c in data["thread"]] == [
        (later, True, ["Ask about the panel"])]
    past = (date.today() - timedelta(days=1)).isoformat()
    code, _out, err = run_cli(capsys, "--db", db, "checkin", "next", "--date", past)
    assert code == 2 and "before today" in err


def test_agenda_without_a_plan(capsys, tmp_path: Path) -> None:
    """The 1:1 agenda is written from the thread alone: open follow-ups, new starred wins and
    questions that open a growth conversation."""
    db = str(tmp_path / "j.fikadesk")
    day = (date.today() - timedelta(days=10)).isoformat()
    run_cli(capsys, "--db", db, "checkin", "add", "--date", day, "--followup", "Draft the design doc")
    run_cli(capsys, "--db", db, "add", "Shipped the cache rewrite", "--star")
    code, out, err = run_cli(capsys, "--db", db, "brief", "agenda")
    assert (code, err) == (0, "")
    assert "No written plan yet" in out
    assert f"- Draft the design doc (from {day}, me)" in out
    assert "Shipped the cache rewrite" in out
    assert "How does promotion work here?" in out
    assert "What gaps do you see between my work today and the next level?" in out


def test_bad_dates_are_one_line(capsys, tmp_path: Path) -> None:
    db = str(tmp_path / "j.fikadesk")
    code, _out, err = run_cli(capsys, "--db", db, "checkin", "add", "--date", "2026-02-30")
    assert code == 2 and one_line(err).startswith("fikadesk: ")
    code, _out, err = run_cli(capsys, "--db", db, "plan", "start", "--target", " ")
    assert code == 2 and one_line(err).startswith("fikadesk: The target level")
    assert not (tmp_path / "j.fikadesk").exists()


def test_the_agenda_brief_is_written_from_the_plan(capsys, tmp_path: Path) -> None:
    db = str(tmp_path / "j.fikadesk")
    run_cli(capsys, "--db", db, "plan", "start", "--target", "Senior Engineer", "--manager", "Sam")
    run_cli(capsys, "--db", db, "checkin", "add", "--date", "2026-01-05", "--followup", "Send Sam | my list")
    code, out, err = run_cli(capsys, "--db", db, "brief", "agenda")
    assert (code, err) == (0, "")
    assert out.startswith("# 1:1 agenda with Sam")
    assert "Send Sam \\| my list" in out  # user text is escaped, not lost


def test_followups_name_their_owner_and_due_date(capsys, tmp_path: Path) -> None:
    db = str(tmp_path / "j.fikadesk")
    run_cli(capsys, "--db", db, "plan", "start", "--target", "Senior Engineer")
    code, out, err = run_cli(capsys, "--db", db, "checkin", "add", "--date", "2020-01-06",
                             "--followup", "Send Sam the doc by 2020-01-20",
                             "--followup", "manager: Ask who sits on the panel")
    assert (code, err) == (0, "")
    code, out, _err = run_cli(capsys, "--db", db, "plan", "show", "--json")
    rows = [(f["text"], f["owner"], f["due"], f["overdue"]) for f in json.loads(out)["open_followups"]]
    assert rows == [("Send Sam the doc", "me", "2020-01-20", True),
                    ("Ask who sits on the panel", "manager", None, False)]
    code, out, _err = run_cli(capsys, "--db", db, "plan", "show")
    assert "  Send Sam the doc (me, open " in out and ", due 2020-01-20, overdue, id 1)\n" in out
    code, _out, err = run_cli(capsys, "--db", db, "checkin", "add", "--date", "2020-02-03",
                              "--followup", "Book the room by 2020-02-30")
    assert code == 2 and one_line(err) == ("fikadesk: '2020-02-30' is not a real date; use YYYY-MM-DD, "
                                           "e.g. 2026-12-01.")
    code, _out, err = run_cli(capsys, "--db", db, "checkin", "add", "--date", "2020-02-03",
                              "--followup", "Book the room by 2020-01-01")
    assert code == 2 and "before the check-in" in one_line(err)
    code, out, _err = run_cli(capsys, "--db", db, "plan", "show", "--json")
    assert len(json.loads(out)["open_followups"]) == 2  # the refused check-ins left nothing behind


def test_plan_show_names_the_links_of_checklist_items(capsys, tmp_path: Path) -> None:
    from fikadesk.domain.plan.records import ChecklistItem
    from fikadesk.services.container import build_services

    db = tmp_path / "j.fikadesk"
    run_cli(capsys, "--db", str(db), "plan", "start", "--target", "Senior Engineer")
    run_cli(capsys, "--db", str(db), "add", "Led the migration")
    services = build_services(db)
    try:
        services.plan.save_item(ChecklistItem(None, "Lead a migration", entry_ids=(1,)))
        services.plan.save_item(ChecklistItem(None, "Mentor someone"))
    finally:
        services.close()
    code, out, _err = run_cli(capsys, "--db", str(db), "plan", "show")
    assert "\nChecklist:\n  [open] Lead a migration (entry 1)\n  [open] Mentor someone\n" in out


def test_a_follow_up_is_corrected_and_deleted_from_the_command_line(capsys, tmp_path: Path) -> None:
    db = str(tmp_path / "j.fikadesk")
    run_cli(capsys, "--db", db, "plan", "start", "--target", "Senior Engineer")
    run_cli(capsys, "--db", db, "checkin", "add", "--date", "2026-10-01",
            "--followup", "Sedn Sam the lsit by 2026-10-08", "--followup", "Ask who sits on the panel")
    code, out, _err = run_cli(capsys, "--db", db, "plan", "show")
    assert "  Ask who sits on the panel (me, open " in out and ", id 2)\n" in out
    code, out, err = run_cli(capsys, "--db", db, "checkin", "followup", "edit", "1", "--text",
                             "Send Sam the list", "--owner", "manager")
    assert (code, out, err) == (0, "Follow-up 1 saved: Send Sam the list (manager, due 2026-10-08).\n", "")
    code, out, _err = run_cli(capsys, "--db", db, "checkin", "followup", "edit", "1", "--no-due")
    assert (code, out) == (0, "Follow-up 1 saved: Send Sam the list (manager, no due date).\n")
    code, out, _err = run_cli(capsys, "--db", db, "checkin", "followup", "edit", "1", "--due", "2026-10-30")
    assert (code, out) == (0, "Follow-up 1 saved: Send Sam the list (manager, due 2026-10-30).\n")
    refusals = [
        (["--due", "2026-02-30"], "fikadesk: '2026-02-30' is not a real date; use YYYY-MM-DD, "
                                  "e.g. 2026-12-01."),
        (["--due", "2026-09-30"], "fikadesk: The due date 2026-09-30 is before the check-in it came from "
                                  "(2026-10-01)."),
        (["--text", "  "], "fikadesk: The follow-up cannot be empty."),
        ([], "fikadesk: say what to change: --text, --owner, --due or --no-due"),
    ]
    for extra, said in refusals:
        code, _out, err = run_cli(capsys, "--db", db, "checkin", "followup", "edit", "1", *extra)
        assert (code, one_line(err)) == (2, said)
    code, _out, err = run_cli(capsys, "--db", db, "checkin", "followup", "edit", "9", "--owner", "me")
    assert (code, one_line(err)) == (2, "fikadesk: there is no follow-up 9")
    code, out, _err = run_cli(capsys, "--db", db, "checkin", "followup", "delete", "2")
    assert (code, out) == (0, "Follow-up 2 deleted.\n")
    code, _out, err = run_cli(capsys, "--db", db, "checkin", "followup", "delete", "2")
    assert (code, one_line(err)) == (2, "fikadesk: there is no follow-up 2")
    code, out, _err = run_cli(capsys, "--db", db, "plan", "show", "--json")
    assert [(f["id"], f["text"], f["owner"], f["due"]) for f in json.loads(out)["open_followups"]] == [
        (1, "Send Sam the list", "manager", "2026-10-30")]


def test_commands_that_write_create_the_journal_as_add_does(capsys, tmp_path: Path) -> None:
    for argv in (["checkin", "next", "--date", (date.today() + timedelta(days=3)).isoformat()],
                 ["checkin", "point", "Ask about the panel", "--date", date.today().isoformat()],
                 ["preferences", "--pace", "140"],
                 ["ladder", "import", "--bundled", "software-engineer"]):
        db = tmp_path / f"{argv[0]}-{argv[1]}.fikadesk"
        code, _out, err = run_cli(capsys, "--db", str(db), *argv)
        assert (code, err) == (0, ""), argv
        assert db.exists(), argv
    db = tmp_path / "target.fikadesk"
    code, _out, err = run_cli(capsys, "--db", str(db), "target", "set", "--ladder", "1", "--current", "A",
                              "--target", "B")
    assert code == 2 and err.startswith("fikadesk: ") and db.exists()  # made, then the request refused
    db = tmp_path / "show.fikadesk"  # reading creates nothing
    code, _out, err = run_cli(capsys, "--db", str(db), "plan", "show")
    assert code == 1 and one_line(err).startswith("fikadesk: There is no journal at") and not db.exists()
