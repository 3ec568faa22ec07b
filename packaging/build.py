"""Build the one-folder fikadesk app with PyInstaller and check that it starts.

    python packaging/build.py [--dist DIR] [--work DIR] [--no-check]

The app lands in DIR/fikadesk (default: dist/fikadesk). The check runs the built app's
``self-check --gui`` offscreen: it must find its ladders, guide and icons and open a journal.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def build(dist: Path, work: Path) -> Path:
    """Run PyInstaller on packaging/fikadesk.spec; return the built app's folder."""
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(HERE / "fikadesk.spec")],
                   check=True, cwd=ROOT)
    return dist / "fikadesk"


def executable(folder: Path) -> Path:
    """The program inside a built one-folder app."""
    return folder / ("fikadesk.exe" if sys.platform == "win32" else "fikadesk")


def check(folder: Path) -> str:
    """Run the built app's version and self-check offscreen; return their output."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    program = str(executable(folder))
    version = subprocess.run([program, "--version"], check=True, capture_output=True, text=True, env=env)
    checked = subprocess.run([program, "self-check", "--gui"], check=True, capture_output=True, text=True,
                             env=env)
    return version.stdout + checked.stdout


def main() -> int:
    """Build, then check unless told not to."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--no-check", action="store_true")
    args = parser.parse_args()
    started = time.monotonic()
    folder = build(args.dist, args.work)
    print(f"built {folder} in {time.monotonic() - started:.0f} s")
    if not args.no_check:
        print(check(folder), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
