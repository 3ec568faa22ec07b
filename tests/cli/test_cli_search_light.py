"""``search`` without the data layer prints exactly what the full path prints, and loads no
SQLAlchemy, SQLModel, pydantic or Alembic."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from fikadesk import cli
from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.services.container import Services
from tests.cli.helpers import run_cli
from tests.storage.helpers import downgrade_one, random_writes, raw_query

ROOT = Path(__file__).resolve().parents[2]
FIRST = date(2026, 1, 1)
TAGS = ("design", "ops", "mentoring", "équipe", "docs")
WORDS = ("review", "release", "design", "rewrite", "mentor", "budget", "starred", "trashed", "café",
         "t1", "naïve", "keys")
SEARCHES = (
    [], ["re"], ["rev"], ["design"], ["release review"], ["caf"], ["café"], ["zzz"], ["a"], ["!!!"],
    ["trashed"], ["starred"], ["t1"], ["keys"], ["\ue000starred"], ["\ue000trashed"],
    ["2026"], ["2025"], ["2026-02"], ["2026-02-15"], ["re 2026-02"], ["2026-13"], ["2026 2025"],
    ["--tag", "design"], ["--tag", "#Design"], ["--tag", "Équipe"], ["--tag", "nosuchtag"],
    ["re", "--tag", "nosuchtag"], ["re", "--tag", "design", "--tag", "ops"], ["--starred"],
    ["re", "--starred"], ["--starred", "--tag", "docs"], ["--since", "2026-02-01"],
    ["--until", "2026-02-01"], ["re", "--since", "2026-02-01", "--until", "2026-03-15"],
    ["2026-03", "--since", "2026-03-10"], ["--limit", "3"], ["re", "--limit", "2"],
)


def _draft(rng: random.Random, n: int) -> EntryDraft:
    return EntryDraft(
        day=FIRST + timedelta(days=rng.randrange(120)), title=f"Win {n} {rng.choice(WORDS)}",
        body=" ".join(rng.sample(WORDS, rng.randrange(4))),
        impact=rng.choice(("", "Saved 2 days", "Team unblocked ✓")),
        tags=tuple(rng.sample(TAGS, rng.randrange(3))), starred=rng.random() < 0.3,
        revisit_on=FIRST + timedelta(days=rng.randrange(200)) if rng.random() < 0.3 else None,
        links=tuple(f"https://example.com/{n}/{k}" for k in range(rng.randrange(3))),
        private=rng.random() < 0.3)


def _full_path_not_taken(*_args: object) -> object:
    raise AssertionError("the light path should have answered")


def _both(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, journal: Path,
          argv: list[str]) -> tuple[int, str, str]:
    """``search argv`` through the light path and through the full path: the same, or fail."""
    with monkeypatch.context() as patch:
        patch.setattr(cli, "_open_journal", _full_path_not_taken)
        light = run_cli(capsys, "--db", str(journal), "search", *argv)
    with monkeypatch.context() as patch:
        patch.setattr(cli, "search_lightly", lambda *_args: None)
        full = run_cli(capsys, "--db", str(journal), "search", *argv)
    assert light == full, argv
    return light


def _check_all(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, journal: Path,
               live: list[int]) -> set[int]:
    """Every search shape, as text and as JSON; returns the ids listed."""
    listed: set[int] = set()
    for argv in SEARCHES:
        code, out, err = _both(capsys, monkeypatch, journal, argv)
        assert (code, err) == (0, ""), argv
        code, out, err = _both(capsys, monkeypatch, journal, [*argv, "--json"])
        assert (code, err) == (0, ""), argv
        ids = {int(e["id"]) for e in json.loads(out)}
        assert ids <= set(live), argv  # never an entry from the trash
        listed |= ids
    return listed


def test_light_search_prints_what_the_full_path_prints(
        services: Services, journal_path: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    rng = random.Random(21)
    live: list[int] = []
    listed: set[int] = set()
    for step, _move in random_writes(services.journal, journal_path, rng, 45, _draft, live):
        if step in (12, 44):  # with the journal held open by these services, as by a window
            listed |= _check_all(capsys, monkeypatch, journal_path, live)
    for victim in live[-3:]:  # the end state has entries in the trash, too
        services.journal.delete(victim)
        live.remove(victim)
    services.close()  # and with nobody else holding it
    listed |= _check_all(capsys, monkeypatch, journal_path, live)
    private = {int(r[0]) for r in raw_query(journal_path, "SELECT id FROM entry WHERE private = 1")}
    trashed = raw_query(journal_path, "SELECT id FROM entry WHERE deleted_at IS NOT NULL")
    assert listed & private and trashed  # private entries are listed as the service lists them


def test_light_search_on_a_fresh_journal(journal_path: Path, capsys: pytest.CaptureFixture[str],
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    assert _both(capsys, monkeypatch, journal_path, []) == (0, "No matching entries.\n", "")
    assert _both(capsys, monkeypatch, journal_path, ["--json"]) == (0, "[]\n", "")


def test_search_of_an_older_journal_migrates_it_as_before(
        journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from fikadesk.storage.schema import HEAD

    assert run_cli(capsys, "--db", str(journal_path), "add", "Kept win", "--date", "2026-04-01")[0] == 0
    downgrade_one(journal_path)
    code, out, err = run_cli(capsys, "--db", str(journal_path), "search", "kept")
    assert (code, out, err) == (0, "     1  2026-04-01   Kept win\n", "")
    assert raw_query(journal_path, "SELECT version_num FROM alembic_version") == [(HEAD,)]


def test_search_of_a_newer_journal_is_refused_as_before(
        journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = sqlite3.connect(journal_path)
    raw.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    raw.commit()
    raw.close()
    code, out, err = run_cli(capsys, "--db", str(journal_path), "search")
    assert (code, out) == (1, "")
    assert err.startswith(f"fikadesk: {journal_path} was written by a newer version of fikadesk "
                          "(schema 0099_from_the_future).")


def test_search_loads_no_data_layer(journal_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(capsys, "--db", str(journal_path), "add", "A win", "--tag", "cli")[0] == 0
    code = ("import sys\n"
            "from fikadesk.app import main\n"
            f"code = main(['--db', {str(journal_path)!r}, 'search', 'win', '--json'])\n"
            "loaded = sorted(m for m in sys.modules\n"
            "                if m.split('.')[0] in ('sqlalchemy', 'sqlmodel', 'pydantic', 'alembic'))\n"
            "print(code, loaded, file=sys.stderr)\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=60, check=True)
    assert done.stderr.strip().splitlines()[-1] == "0 []", done.stderr
    assert [(e["id"], e["tags"]) for e in json.loads(done.stdout)] == [(1, ["cli"])]
