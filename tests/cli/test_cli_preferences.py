import json

from tests.cli.helpers import one_line, run_cli


def test_show_defaults_then_change_and_read_back(capsys, journal_path):
    db = str(journal_path)
    code, out, err = run_cli(capsys, "--db", db, "preferences")
    assert (code, err) == (0, "")
    assert out == ("speaking pace: 140 words a minute\naspiration answer: 15-90 s\n"
                   "story answer: 45-150 s\nreminder: weekly\n")
    code, out, _ = run_cli(capsys, "--db", db, "preferences", "--pace", "125", "--story", "60-120",
                           "--reminder", "monthly", "--json")
    assert code == 0
    assert json.loads(out) == {"words_per_minute": 125, "aspiration_seconds": [15, 90],
                               "story_seconds": [60, 120], "reminder": "monthly"}
    code, out, _ = run_cli(capsys, "--db", db, "preferences")
    assert out.splitlines()[0] == "speaking pace: 125 words a minute"


def test_bad_values_are_one_line_and_change_nothing(capsys, journal_path):
    db = str(journal_path)
    code, _out, err = run_cli(capsys, "--db", db, "preferences", "--aspiration", "90-15")
    assert code == 2
    assert one_line(err) == ("fikadesk: aspiration length: the shortest (90 s) must be below "
                             "the longest (15 s)")
    code, _out, err = run_cli(capsys, "--db", db, "preferences", "--story", "long")
    assert one_line(err) == "fikadesk: --story must look like 15-90 (seconds), not 'long'"
    code, out, _ = run_cli(capsys, "--db", db, "preferences", "--json")
    assert json.loads(out)["aspiration_seconds"] == [15, 90]


def test_preferences_never_create_a_journal(capsys, tmp_path):
    missing = tmp_path / "none.fikadesk"
    code, _out, err = run_cli(capsys, "--db", str(missing), "preferences")
    assert code == 1
    assert one_line(err) == f"fikadesk: There is no journal at {missing}."
    assert not missing.exists()
