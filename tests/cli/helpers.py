"""Running the CLI in-process and checking its one-line errors, shared by the CLI tests."""

import pytest

from fikadesk.cli import main


def one_line(err: str) -> str:
    assert err.endswith("\n") and err.count("\n") == 1, repr(err)
    assert err.startswith("fikadesk: ")
    return err.strip()


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:  # argparse: --help, --version and usage errors
        code = int(stop.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
