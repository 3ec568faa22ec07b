"""Cold start: wall time from launching Python to the main window shown, over fresh processes."""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import os, sys, time
from pathlib import Path
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtWidgets import QApplication
from fikadesk.services.container import build_services
from fikadesk.ui.shell.main_window import MainWindow
app = QApplication([])
services = build_services(Path(sys.argv[1]))
window = MainWindow(services)
window.show()
window.start()
app.processEvents()
print(time.time())
services.close()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="journal to open (default: a new empty one each run)")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    times = []
    for run in range(args.runs + 1):
        with tempfile.TemporaryDirectory() as tmp:
            db = args.db or str(Path(tmp) / "journal.fikadesk")
            started = time.time()
            out = subprocess.run([sys.executable, "-c", CHILD, db], env=env, check=True,
                                 capture_output=True, text=True).stdout
            shown = float(out.strip().splitlines()[-1])
            if run:  # the first run warms the disk cache
                times.append(shown - started)
    result = {
        "runs": len(times),
        "median_s": round(statistics.median(times), 3),
        "max_s": round(max(times), 3),
        "journal": args.db or "new empty journal (created, migrated)",
    }
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
