"""An installed wheel and the PyInstaller app start and find their resources.

The PyInstaller build takes about a minute, so it is marked ``build``: a plain ``pytest`` leaves it
out and ``pytest -m build`` runs it, as .ci/run does (which sets FIKADESK_REQUIRE_PYINSTALLER=1, so
a missing PyInstaller fails there instead of skipping).
"""

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REQUIRE = os.environ.get("FIKADESK_REQUIRE_PYINSTALLER") == "1"


def _run(program: list[str], cwd: Path, extra_env: dict[str, str]) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(QT_QPA_PLATFORM="offscreen", **extra_env)
    done = subprocess.run([*program, "self-check", "--gui"], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout


def test_installed_wheel_starts_and_finds_its_resources(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(tmp_path / "wheel"), str(ROOT)], check=True, capture_output=True)
    [wheel] = (tmp_path / "wheel").glob("fikadesk-*.whl")
    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target),
                    str(wheel)], check=True, capture_output=True)
    # Run outside the checkout, so only the installed copy can be imported.
    out = _run([sys.executable, "-m", "fikadesk"], tmp_path, {"PYTHONPATH": str(target)})
    assert f"resources: {target / 'fikadesk' / 'resources'}\n" in out
    assert "ladders: 4 (Data Analyst, Product Designer, Product Manager, Software Engineer)\n" in out
    assert re.search(r"^window: shown with tabs (\w+, )*Journal\b", out, re.M), out


@pytest.mark.build
@pytest.mark.skipif(importlib.util.find_spec("PyInstaller") is None and not REQUIRE,
                    reason="PyInstaller is not installed (CI installs it and runs this)")
@pytest.mark.timeout(900)
def test_pyinstaller_app_starts_and_finds_its_resources(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--no-check",
                    "--dist", str(tmp_path / "dist"), "--work", str(tmp_path / "work")],
                   check=True, capture_output=True, cwd=ROOT, timeout=900)
    app = tmp_path / "dist" / "fikadesk"
    program = app / ("fikadesk.exe" if sys.platform == "win32" else "fikadesk")
    version = subprocess.run([str(program), "--version"], capture_output=True, text=True, timeout=60)
    assert version.stdout == "fikadesk 0.1.0\n"
    out = _run([str(program)], tmp_path, {})
    assert "ladders: 4 (Data Analyst, Product Designer, Product Manager, Software Engineer)\n" in out
    assert "guide pages: 4\n" in out
    assert "journal: created, migrated and reopened (0 entries)\n" in out
    assert re.search(r"^window: shown with tabs (\w+, )*Journal\b", out, re.M), out
