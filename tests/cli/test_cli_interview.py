"""The coach command: findings as text or JSON with exact character offsets."""

from __future__ import annotations

import json
from pathlib import Path

from fikadesk.domain.interview.coach import coach
from fikadesk.domain.preferences import LengthTarget, Preferences
from fikadesk.services.container import build_services
from tests.cli.helpers import one_line, run_cli

WEAK = "I just want to grow and make a lot of money as soon as possible."


def test_json_gives_code_offsets_and_message(capsys, tmp_path: Path) -> None:
    db = str(tmp_path / "none.fikadesk")
    code, out, err = run_cli(capsys, "--db", db, "coach", "--text", WEAK, "--json")
    assert (code, err) == (0, "")
    found = json.loads(out)
    expected = coach(WEAK, kind="aspiration")
    assert found == [{"code": f.code, "start": f.start, "end": f.end, "message": f.message} for f in expected]
    money = next(f for f in found if f["code"] == "money_status")
    assert WEAK[money["start"]:money["end"]] == "make a lot of money"
    assert not (tmp_path / "none.fikadesk").exists()  # coaching never creates a journal


def test_text_output_quotes_the_words(capsys, tmp_path: Path) -> None:
    answer = tmp_path / "answer.txt"
    answer.write_text(WEAK, encoding="utf-8")
    code, out, _err = run_cli(capsys, "--db", str(tmp_path / "none.fikadesk"), "coach", str(answer))
    assert code == 0
    assert 'money_status [24-43] "make a lot of money": Pay, title or prestige' in out


def test_the_journals_pace_and_targets_are_used(capsys, journal_path: Path) -> None:
    story = " ".join(["We shipped the billing export to 40 customers in March."] * 12)  # about 120 words
    services = build_services(journal_path)
    try:
        services.preferences.save(Preferences(words_per_minute=100, story=LengthTarget(20, 60)))
    finally:
        services.close()
    code, out, _err = run_cli(capsys, "--db", str(journal_path), "coach", "--kind", "story", "--text", story,
                              "--json")
    assert code == 0
    assert "too_long" in {f["code"] for f in json.loads(out)}  # 120 words at 100 wpm is 72 s > 60 s
    assert "too_long" not in {f.code for f in coach(story, kind="story")}  # not at 140 wpm and 45-150 s


def test_a_job_description_brings_its_key_terms(capsys, tmp_path: Path) -> None:
    description = tmp_path / "job.txt"
    description.write_text("We need a data engineer to build streaming pipelines in Kafka and Spark, "
                           "own data quality and mentor analysts.", encoding="utf-8")
    answer = "In five years I want to open my own bakery and work for myself."
    code, out, _err = run_cli(capsys, "--db", str(tmp_path / "n.fikadesk"), "coach", "--text", answer,
                              "--description", str(description), "--json")
    assert code == 0
    assert "unrelated_to_role" in {f["code"] for f in json.loads(out)}


def test_the_description_terms_count_in_other_word_forms(capsys, tmp_path: Path) -> None:
    description = tmp_path / "job.txt"
    description.write_text("Responsibilities\n- Lead cross-team initiatives across our ledger systems\n"
                           "- Own incident response for the ledger systems\n", encoding="utf-8")
    answer = ("Right now I want to keep our ledger services correct under load. In a few years I'd "
              "lead cross-team projects. Eventually I'd become a staff engineer.")
    code, out, _err = run_cli(capsys, "--db", str(tmp_path / "n.fikadesk"), "coach", "--text", answer,
                              "--description", str(description), "--json")
    assert code == 0
    assert "unrelated_to_role" not in {f["code"] for f in json.loads(out)}


def test_bad_input_is_one_line(capsys, tmp_path: Path) -> None:
    db = str(tmp_path / "n.fikadesk")
    code, _out, err = run_cli(capsys, "--db", db, "coach")
    assert code == 2
    assert one_line(err) == "fikadesk: give the answer either as a FILE or with --text, not both"
    code, _out, err = run_cli(capsys, "--db", db, "coach", "--text", "   ")
    assert code == 2 and one_line(err) == "fikadesk: the answer is empty"
    code, _out, err = run_cli(capsys, "--db", db, "coach", str(tmp_path / "missing.txt"))
    assert code == 2
    assert one_line(err) == (f"fikadesk: {tmp_path / 'missing.txt'}: the answer cannot be read "
                             "(No such file or directory)")
