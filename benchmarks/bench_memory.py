"""Peak memory of the fully loaded window against a bare PySide6 QMainWindow, in fresh processes.

Each measurement is a fresh child process (offscreen Qt, scratch HOME and XDG folders, as
bench_scale.py runs its children):

- ``bare``: a QMainWindow resized to 1100x720, shown, until its first paint;
- ``window``: ``build_services(path)`` and ``MainWindow(services)``, shown; then every tab is
  brought to the front in turn and events are processed until each has filled (start-up may
  fill tabs lazily, after the first paint: this measures the window FULLY loaded, not its first
  frame); back on the Journal tab, the list is scrolled through from top to bottom, one search
  keystroke is typed, and its results are scrolled through too.

The peak RSS of each child (``ru_maxrss``) is printed with the difference to the bare window.
The journals are copied into the scratch folder first, since the window writes to its journal.
``--detail`` makes the window child also print where Python memory went (tracemalloc, which
itself costs memory, so its RSS is not the one to quote) and how many modules were imported.

``--target`` first gives each copy a target (the bundled software-engineer ladder, Engineer II to
Senior Engineer) with 2% of its entries linked as evidence, so the Target tab draws its
readiness and chart as it does for a person who uses it.

Run: ``python benchmarks/bench_memory.py JOURNAL [JOURNAL ...] [--runs 3] [--target] [--detail]``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# The child: argv[1] is "bare" or a journal path; argv[2] is "detail" or "plain".
CHILD = r"""
import os, resource, sys, time
detail = sys.argv[2] == "detail"
if detail:
    import tracemalloc
    tracemalloc.start(12)
from PySide6.QtCore import QEvent, QObject, QThreadPool
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])

def settle(least_s=0.4, most_s=20.0):
    # events until the thread pool is idle and nothing came for a while
    start = time.monotonic()
    while True:
        app.processEvents()
        idle = QThreadPool.globalInstance().activeThreadCount() == 0
        spent = time.monotonic() - start
        if (idle and spent >= least_s) or spent >= most_s:
            return
        time.sleep(0.01)

def peak_kib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

if sys.argv[1] == "bare":
    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
                app.processEvents()
                print("peak_kib", peak_kib(), flush=True)
                os._exit(0)
            return False
    watcher = FirstPaint()
    app.installEventFilter(watcher)
    window = QMainWindow()
    window.resize(1100, 720)
    window.show()
    app.exec()
else:
    from pathlib import Path
    from PySide6.QtTest import QTest
    from fikadesk.ui.shell.main_window import MainWindow  # the ui package first, as app.py does
    from fikadesk.services.container import build_services
    services = build_services(Path(sys.argv[1]))
    window = MainWindow(services)
    window.resize(1100, 720)
    window.show()
    settle()
    if hasattr(window, "start"):
        window.start()
    settle()
    tabs = window.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        settle()
    tabs.setCurrentWidget(window.journal_tab)
    settle()
    journal = window.journal_tab
    waited = time.monotonic()
    while journal.model.rowCount() == 0 and time.monotonic() - waited < 60:
        settle(least_s=0.1)  # a window that fills its tabs after the first paint: wait for the rows
    if journal.model.rowCount() == 0:
        print("error: the journal list is empty after loading", flush=True)
        os._exit(2)
    def scroll_through(stops=60):
        # drag the scroll bar through the whole list, painting at each stop, as a person might
        bar = journal.list_view.verticalScrollBar()
        for stop in range(stops + 1):
            bar.setValue(bar.maximum() * stop // stops)
            journal.list_view.viewport().repaint()
            app.processEvents()
        bar.setValue(0)
        settle(least_s=0.1)
    scroll_through()
    QTest.keyClicks(journal.filters.search_edit, "re")  # a common prefix: the widest page
    settle(least_s=0.6)
    scroll_through()
    print("rows", journal.model.rowCount(), flush=True)
    print("modules", len(sys.modules), flush=True)
    if detail:
        snap = tracemalloc.take_snapshot()
        current, peak = tracemalloc.get_traced_memory()
        print(f"tracemalloc current {current / 2**20:.1f} MiB, peak {peak / 2**20:.1f} MiB")
        packages = {}
        for stat in snap.statistics("filename"):
            name = stat.traceback[0].filename
            key = name.split("site-packages/")[-1].split("/")[0] if "site-packages" in name \
                else ("fikadesk/" + name.split("fikadesk/")[-1]) if "fikadesk/" in name else name
            packages[key] = packages.get(key, 0) + stat.size
        for key, size in sorted(packages.items(), key=lambda kv: -kv[1])[:15]:
            print(f"  {size / 2**20:7.2f} MiB  {key}")
        for stat in snap.statistics("traceback")[:8]:
            print(f"  {stat.size / 2**20:7.2f} MiB in {stat.count} blocks:")
            for line in stat.traceback.format()[-6:]:
                print("      " + line)
        tops = {}
        for name in sys.modules:
            top = name.split(".")[0]
            tops[top] = tops.get(top, 0) + 1
        print("  modules by package:", sorted(tops.items(), key=lambda kv: -kv[1])[:10])
    print("peak_kib", peak_kib(), flush=True)
    os._exit(0)
"""


def give_target(path: Path) -> int:
    """Set a target on the journal at ``path`` and link 2% of its entries to it; return the links."""
    sys.path.insert(0, str(ROOT))
    from fikadesk.domain.leveling.importing.importer import parse_ladder_files
    from fikadesk.services.container import build_services

    services = build_services(path, whole_check=False)
    try:
        leveling = services.leveling
        ladder_id = leveling.import_ladder(parse_ladder_files([ROOT / "resources" / "ladders" /
                                                               "software-engineer.md"]))
        leveling.set_target(ladder_id, "Engineer II", "Senior Engineer")
        senior = leveling.get_ladder(ladder_id).find_level("Senior Engineer")
        assert senior is not None
        expectations = [x.id for x in senior.expectations]
        with services.db.write() as conn:  # one transaction: a link for every 50th entry
            for n, x in enumerate(expectations):
                conn.exec_driver_sql(
                    "INSERT INTO entry_expectation (entry_id, expectation_id) SELECT id, ? FROM entry "
                    "WHERE id % 50 = 0 AND (id / 50) % ? = ?", (x, len(expectations), n))
            return int(conn.exec_driver_sql("SELECT count(*) FROM entry_expectation").one()[0])
    finally:
        services.close()


def child_env(scratch: Path) -> dict[str, str]:
    """A clean environment: offscreen Qt, scratch config/data folders, this checkout first."""
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), HOME=str(scratch / "home"),
               XDG_CONFIG_HOME=str(scratch / "config"), XDG_DATA_HOME=str(scratch / "data"))
    env.pop("FIKADESK_DB", None)
    return env


def run_child(target: str, env: dict[str, str], *, detail: bool = False) -> tuple[int, str]:
    """Run one child; return its peak RSS in KiB (from the kernel, via wait4) and its output."""
    with tempfile.TemporaryFile(mode="w+") as err:
        proc = subprocess.Popen([sys.executable, "-c", CHILD, target, "detail" if detail else "plain"],
                                env=env, stdout=subprocess.PIPE, stderr=err, text=True)
        assert proc.stdout is not None
        out = proc.stdout.read()
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise RuntimeError(f"child on {target} exited with {proc.returncode}:\n{out}\n"
                               f"{err.read()[-3000:]}")
    return int(usage.ru_maxrss), out


def median_peak(target: str, env: dict[str, str], runs: int) -> tuple[float, str]:
    """Median peak RSS in MiB over ``runs`` fresh children, and the last child's output."""
    peaks, out = [], ""
    for _ in range(runs):
        peak, out = run_child(target, env)
        peaks.append(peak / 1024)
    return statistics.median(peaks), out


def main(argv: list[str] | None = None) -> int:
    """Measure the bare window and the loaded window on each journal; print MiB and differences."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("journals", type=Path, nargs="+", help="journal files (copied first)")
    parser.add_argument("--runs", type=int, default=3, help="children per measurement (median)")
    parser.add_argument("--detail", action="store_true", help="also print tracemalloc and modules")
    parser.add_argument("--target", action="store_true", help="set a target, link 2%% of entries")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="fikadesk-memory-") as tmp:
        scratch = Path(tmp)
        env = child_env(scratch)
        bare, _ = median_peak("bare", env, args.runs)
        print(f"{'bare QMainWindow':<44}{bare:8.1f} MiB", flush=True)
        for journal in args.journals:
            copy = scratch / journal.name
            shutil.copyfile(journal, copy)
            if args.target:
                print(f"  {journal.name}: target set, {give_target(copy):,} evidence links", flush=True)
            window, out = median_peak(str(copy), env, args.runs)
            rows = next((line.split()[1] for line in out.splitlines() if line.startswith("rows")), "?")
            mods = next((line.split()[1] for line in out.splitlines() if line.startswith("modules")), "?")
            print(f"{'window, ' + journal.name:<44}{window:8.1f} MiB   bare + {window - bare:.1f} MiB"
                  f"   (goal <= bare + 60; {rows} rows after search, {mods} modules)", flush=True)
            if args.detail:
                _peak, out = run_child(str(copy), env, detail=True)
                print(out)
            copy.unlink()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
