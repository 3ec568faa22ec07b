"""The wheel carries what the app needs at run time: migrations, resources, the entry point."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_ships_migrations_and_resources(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True,
    )
    [wheel] = tmp_path.glob("fikadesk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "fikadesk/storage/migrations/env.py" in names
    assert "fikadesk/storage/migrations/script.py.mako" in names
    assert "fikadesk/storage/migrations/versions/0001_initial.py" in names
    bundled = {Path(n).name for n in names if n.startswith("fikadesk/resources/ladders/")}
    assert {"software-engineer.md", "product-manager.md", "data-analyst.md"} <= bundled
    assert any(n.startswith("fikadesk/resources/interview/") for n in names)
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "fikadesk = fikadesk.app:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
