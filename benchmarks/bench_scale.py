"""Speed at scale, side by side with its floor in the same run: window, search, counts, CLI, memory.

Builds 10,000- and 100,000-entry journals (the generator of bench_journal.py), then measures each
row of issue 15's table against its floor, measured in the same run on the same machine:

- the window shown through the real entry point (``fikadesk.app.main``) against a bare PySide6
  QMainWindow, both in fresh processes, until their first paint (and against a QMainWindow with
  a menu, a tab and a label: the first words drawn cost ~60 ms of font set-up on their own);
  the time until every tab is filled; peak RSS of the filled window and of the bare one;
- one search keystroke (count + first page of 200, in one read, as the Journal tab's list does)
  against its own SQL replayed raw, and against the bare FTS5 lookup for the same words;
- the tag list and the journal counts against an indexed lookup;
- ``fikadesk search WORD --json`` as a whole process against jrnl (if installed) on the same
  entries, written as a jrnl text journal;
- ``fikadesk --version`` against ``python -c pass``.

Each process row's commands take turns, run by run. It prints ratios (the figure that matters)
beside the milliseconds, and writes JSON to benchmarks/out/. Run:
``python benchmarks/bench_scale.py [--sizes 10000 100000] [--runs 5] [--only window search]``.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for extra in (ROOT, ROOT / "benchmarks"):
    if str(extra) not in sys.path:
        sys.path.insert(0, str(extra))

import bench_journal  # noqa: E402
from sqlalchemy import event  # noqa: E402

from fikadesk.domain.journal.entries import EntryQuery, fts_query  # noqa: E402
from fikadesk.services.journal.service import JournalService  # noqa: E402
from fikadesk.storage.engine import CACHE_KIB, Database, open_database  # noqa: E402

# A child process that opens the window through the real entry point. It prints the time of the
# first paint and, for fikadesk, of the moment every tab is filled from the journal (the window's
# ``loaded`` signal), then its own peak RSS (VmHWM), and exits; the peak RSS is therefore that of
# the filled window. The clock starts before the interpreter (taken by the parent).
#
# The first paint is stamped when it is done: the main window and every child drawn in it, and
# nothing else (the window's own after-paint work is posted behind the stamp). The stamp used to
# be taken after an app.processEvents() inside the paint event, which ran that after-paint work
# (opening thread, single-instance server, icon) first and charged it to the paint. The paint
# watcher sits on the main window alone (put there as the window is shown), not on the
# application: an application-wide Python event filter is called for every event of every
# widget, which cost a window with a menu, a tab and a label 30-45 ms more before its first paint
# than the same window watched on its own, so it charged each window for how many widgets it has.
#
# The peak RSS is read in the child (/proc/self/status VmHWM): a child's ru_maxrss from wait4
# keeps the parent's high-water mark across fork and exec, so it reported the benchmark's own
# size whenever that was the larger (181 MiB right after the benchmark built 100k entries).
WINDOW_CHILD = r"""
import os, sys, time
from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
def peak_kib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0
def filled():
    app.processEvents()
    print("filled", time.time(), flush=True)
    print("hwm_kib", peak_kib(), flush=True)
    os._exit(0)
class FirstPaint(QObject):
    window = None
    def eventFilter(self, obj, event):
        if self.window is None and event.type() == QEvent.Type.Paint:
            self.window = obj
            # Stamped once this paint (the window and every child in it) is done, before any
            # other work posted meanwhile (priority 1 = Qt's HighEventPriority; the window's own
            # after-paint work waits behind it as a normal one).
            QCoreApplication.postEvent(self, QEvent(QEvent.Type.User), 1)
        return False
    def event(self, event):
        if event.type() != QEvent.Type.User:
            return super().event(event)
        print("paint", time.time(), flush=True)
        if getattr(self.window, "is_loaded", True):
            filled()
        self.window.loaded.connect(filled)
        return True
watcher = FirstPaint()
show = QMainWindow.show
def watched_show(window):
    window.installEventFilter(watcher)
    show(window)
QMainWindow.show = watched_show
if sys.argv[1] in ("bare", "text"):
    window = QMainWindow()
    window.resize(1100, 720)
    if sys.argv[1] == "text":  # the least a window with words costs: a menu, a tab, a label
        from PySide6.QtWidgets import QLabel, QTabWidget
        window.menuBar().addMenu("&File")
        tabs = QTabWidget()
        tabs.addTab(QLabel("Opening your journal…"), "&Journal")
        window.setCentralWidget(tabs)
    window.show()
    app.exec()
else:
    from fikadesk.app import main
    main(["--db", sys.argv[1]])
"""


# A child process that opens the window through the real entry point, waits until every tab is
# filled, then searches as a person does (the words typed, the search applied) and measures for
# each search the longest time the window could not answer input: the search itself, or the
# longest turn of the event loop in the 400 ms after it (the list lays itself out meanwhile).
# It prints ``key <label> <ms>`` per search.
KEYS_CHILD = r"""
import os, sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
WORDS = [("rare word", sys.argv[2]), ("common word", "design"), ("2-letter prefix", "re"),
         ("3-letter prefix", "rev")] * int(sys.argv[3])
def searches(window):
    queue = iter(WORDS)
    def one():
        edit = window.journal_tab.filters.search_edit
        item = next(queue, None)
        if item is None:
            os._exit(0)
        label, text = item
        edit.setText("")  # back to the whole journal first, as after clearing the box
        edit.returnPressed.emit()
        app.processEvents()
        started = time.perf_counter()
        edit.setText(text)
        edit.returnPressed.emit()
        ticks = [time.perf_counter()]
        blocks = [ticks[0] - started]
        ticker = QTimer(window, interval=0)
        ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))
        ticker.start()
        def done():
            ticker.stop()
            blocks.extend(b - a for a, b in zip(ticks, ticks[1:]))
            print("key", label.replace(" ", "_"), max(blocks) * 1000, flush=True)
            QTimer.singleShot(0, one)
        QTimer.singleShot(400, done)
    window.loaded.connect(lambda: QTimer.singleShot(200, one))
show = QMainWindow.show
def watched_show(window):
    searches(window)
    show(window)
QMainWindow.show = watched_show
from fikadesk.app import main
main(["--db", sys.argv[1]])
"""


def _child_env(scratch: Path) -> dict[str, str]:
    """A clean environment: offscreen Qt, scratch config/data folders, this checkout first.

    Bytecode is allowed: an installed fikadesk has its modules compiled (pip does it), as
    PySide6 in the floor's site-packages has; a process that compiled fikadesk's sources on
    every start (PYTHONDONTWRITEBYTECODE with no .pyc) would time the compiler, not the app.
    """
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), HOME=str(scratch / "home"),
               XDG_CONFIG_HOME=str(scratch / "config"), XDG_DATA_HOME=str(scratch / "data"))
    env.pop("FIKADESK_DB", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _timed_process(argv: list[str], env: dict[str, str]) -> tuple[dict[str, float], int]:
    """Run a process; return seconds from start to each ``name time`` line it printed (and to
    its ``end``), and its peak RSS in KiB: the ``hwm_kib`` it printed, else wait4's ru_maxrss
    (which may be the parent's, see WINDOW_CHILD)."""
    started = time.time()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    ended = time.time()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"{argv[:3]} exited with {proc.returncode}")
    stamps = {"end": ended - started}
    peak = int(usage.ru_maxrss)
    for line in out.splitlines():
        name, _, stamp = line.partition(" ")
        try:
            if name == "hwm_kib":
                peak = int(stamp)
            else:
                stamps[name] = float(stamp) - started
        except ValueError:
            continue
    return stamps, peak


def _window_keystrokes(path: Path, env: dict[str, str], repeat: int) -> dict[str, float]:
    """The median longest block of the window per search class (KEYS_CHILD), in milliseconds."""
    out = subprocess.run([sys.executable, "-c", KEYS_CHILD, str(path), bench_journal.RARE_TERM,
                          str(repeat)], env=env, capture_output=True, text=True, check=True).stdout
    seen: dict[str, list[float]] = {}
    for line in out.splitlines():
        kind, _, rest = line.partition(" ")
        if kind == "key":
            label, _, ms = rest.partition(" ")
            seen.setdefault(label.replace("_", " "), []).append(float(ms))
    return {label: statistics.median(times[1:] or times) for label, times in seen.items()}


def _interleaved(commands: dict[str, list[str]], env: dict[str, str], runs: int,
                 envs: dict[str, dict[str, str]] | None = None) -> dict[str, dict[str, float]]:
    """Each command's median milliseconds to the first paint (``ms``), to the filled window
    (``filled_ms``) or to the end, and its largest peak RSS, over ``runs`` runs after one warm-up.

    The commands take turns, run by run, so that a slower minute of the machine falls on the
    measured command and its floor alike, and their ratio stays a ratio of the same moment.
    """
    envs = envs or {}
    for name, argv in commands.items():
        _timed_process(argv, envs.get(name, env))
    seen: dict[str, dict[str, list[float]]] = {name: {} for name in commands}
    rss: dict[str, list[int]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, argv in commands.items():
            stamps, peak = _timed_process(argv, envs.get(name, env))
            for stamp, seconds in stamps.items():
                seen[name].setdefault(stamp, []).append(seconds)
            rss[name].append(peak)
    result = {}
    for name, times in seen.items():
        first = times.get("paint", times["end"])
        result[name] = {"ms": statistics.median(first) * 1000,
                        "filled_ms": statistics.median(times.get("filled", times["end"])) * 1000,
                        "rss_mib": max(rss[name]) / 1024}
    return result


def _p95(fn: Callable[[], object], repeat: int) -> float:
    """p95 in milliseconds of ``fn`` over ``repeat`` runs after one warm-up (bench_journal's timer)."""
    return bench_journal._measure(fn, repeat)["p95_ms"]


def _write_jrnl(journal: Path, entries: int, config_home: Path) -> None:
    """The same entries as a jrnl text journal, with a jrnl config pointing at it."""
    with journal.open("w", encoding="utf-8") as out:
        for draft in sorted(bench_journal._drafts(entries), key=lambda d: d.day):
            tags = " ".join(f"@{tag}" for tag in draft.tags)
            star = " *" if draft.starred else ""
            out.write(f"[{draft.day.isoformat()} 09:00:00 AM] {draft.title}.{star}\n"
                      f"{draft.body} {draft.impact} {tags}\n\n")
    conf = config_home / "jrnl"
    conf.mkdir(parents=True, exist_ok=True)
    (conf / "jrnl.yaml").write_text(
        "colors: {body: none, date: none, tags: none, title: none}\n"
        "default_hour: 9\ndefault_minute: 0\neditor: ''\nencrypt: false\nhighlight: false\n"
        "indent_character: '|'\n"
        f"journals:\n  default:\n    journal: {journal}\n"
        "linewrap: 79\ntagsymbols: '#@'\ntemplate: false\ntimeformat: '%Y-%m-%d %I:%M:%S %p'\n"
        "version: v4.6\n", encoding="utf-8")


def _own_sql(db: Database, fn: Callable[[], object]) -> list[str]:
    """The statements that ``fn`` has SQLite run (as SQLite traced them, values in place), in order;
    every statement, whether it went through SQLAlchemy or straight to the sqlite3 driver."""
    sent: list[str] = []

    def trace(dbapi_connection: sqlite3.Connection, *_rest: object) -> None:
        dbapi_connection.set_trace_callback(sent.append)

    event.listen(db.engine, "checkout", trace)
    try:
        fn()
    finally:
        event.remove(db.engine, "checkout", trace)
        db.engine.dispose()  # no connection keeps the tracer
    return sent


def _search_rows(path: Path, repeat: int) -> dict[str, dict[str, float]]:
    """One keystroke (count + first page of 200) per query class, against two floors: its own
    SQL (the very statements SQLite ran for it, but BEGIN and COMMIT, replayed on a raw sqlite3
    connection with the same cache size, fetching every row) and the bare FTS5 lookup (count +
    the first 200 rowids, no columns, no tags, no excerpts)."""
    db = open_database(path)
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    raw.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    rows: dict[str, dict[str, float]] = {}
    try:
        service = JournalService(db)
        for label, text in (("rare word", bench_journal.RARE_TERM), ("common word", "design"),
                            ("2-letter prefix", "re"), ("3-letter prefix", "rev")):
            query = EntryQuery(text=text)

            def keystroke(q: EntryQuery = query) -> object:  # as the Journal tab's list does
                return service.first_page(q, 200)

            sent = [s for s in _own_sql(db, keystroke) if not s.startswith(("BEGIN", "COMMIT"))]
            ours = _p95(keystroke, repeat)

            def own(statements: list[str] = sent) -> object:
                return [raw.execute(s).fetchall() for s in statements]

            match = fts_query(text)

            def fts(m: str = match) -> object:
                raw.execute("SELECT count(*) FROM entry_fts WHERE entry_fts MATCH ?", (m,)).fetchone()
                return raw.execute("SELECT rowid FROM entry_fts WHERE entry_fts MATCH ? LIMIT 200",
                                   (m,)).fetchall()

            rows[f"search keystroke, {label} (p95)"] = {"ms": ours, "floor_ms": _p95(own, repeat),
                                                        "fts_ms": _p95(fts, repeat)}
        indexed = _p95(lambda: raw.execute("SELECT day FROM entry WHERE id = 1").fetchone(), repeat)
        rows["tag list (p95)"] = {"ms": _p95(service.tags, repeat), "floor_ms": indexed}
        rows["journal counts (p95)"] = {"ms": _p95(service.stats, repeat), "floor_ms": indexed}
    finally:
        raw.close()
        db.close()
    return rows


Row = Callable[[str, float, str, float, str], None]


def _window_rows(row: Row, window_child: list[str], path: Path, size: int, env: dict[str, str],
                 runs: int) -> None:
    """The window's first paint, filled time and peak RSS, taking turns with its two floors."""
    shown = _interleaved({"bare": window_child + ["bare"], "text": window_child + ["text"],
                          "window": window_child + [str(path)]}, env, runs)
    bare, text, window = shown["bare"], shown["text"], shown["window"]
    goal = "<= 1.3x" if size <= 10_000 else "<= 1.5x"
    row(f"window shown, {size:,} entries", window["ms"], "bare QMainWindow", bare["ms"], goal)
    row(f"window shown, {size:,} entries", window["ms"], "QMainWindow + menu, tab, label",
        text["ms"], "(the floor of a window with words)")
    row(f"window filled (every tab), {size:,}", window["filled_ms"], "bare QMainWindow",
        bare["ms"], "(no goal: the time a person waits for data)")
    row(f"peak RSS MiB, filled window, {size:,}", window["rss_mib"], "bare QMainWindow MiB",
        bare["rss_mib"], "<= bare + 60 MiB")


def _keystroke_rows(row: Row, path: Path, size: int, repeat: int, env: dict[str, str]) -> None:
    """Search keystrokes against their own SQL and the bare FTS5 lookup, then in the window
    against the service's keystroke; tags and counts."""
    measured_rows = _search_rows(path, repeat)
    in_window = _window_keystrokes(path, env, max(3, repeat // 8))
    for what, measured in measured_rows.items():
        label = what.removeprefix("search keystroke, ").removesuffix(" (p95)")
        if label in in_window:
            row(f"window keystroke, {label} (median), {size:,}", in_window[label],
                "the service's keystroke (p95)", measured["ms"], "<= 30 ms")
        if "fts_ms" in measured:
            row(f"{what}, {size:,}", measured["ms"], "its own SQL, raw sqlite3",
                measured["floor_ms"], "<= 3x its SQL")
            row(f"{what}, {size:,}", measured["ms"], "bare FTS5 count + 200 rowids",
                measured["fts_ms"], "<= 30 ms")
        else:
            row(f"{what}, {size:,}", measured["ms"], "one indexed row, raw sqlite3",
                measured["floor_ms"], "<= 10 ms")


def _cli_rows(row: Row, python: list[str], path: Path, size: int, env: dict[str, str], runs: int,
              jrnl: str | None, scratch: Path) -> None:
    """``fikadesk search WORD --json`` taking turns with jrnl on the same entries."""
    search = python + ["-m", "fikadesk", "--db", str(path), "search", bench_journal.RARE_TERM, "--json"]
    if not jrnl:
        cli = _interleaved({"ours": search, "nothing": python + ["-c", "pass"]}, env, runs)
        row(f"fikadesk search WORD --json, {size:,}", cli["ours"]["ms"], "python -c pass",
            cli["nothing"]["ms"], "(jrnl not installed: no peer)")
        return
    jenv = dict(env, XDG_CONFIG_HOME=str(scratch / f"jrnl-config-{size}"))
    jfile = scratch / f"jrnl-{size}.txt"
    if not jfile.exists():
        _write_jrnl(jfile, size, Path(jenv["XDG_CONFIG_HOME"]))
    cli = _interleaved({"ours": search, "jrnl": [jrnl, "-contains", bench_journal.RARE_TERM,
                                                 "--format", "json"]}, env, runs, envs={"jrnl": jenv})
    row(f"fikadesk search WORD --json, {size:,}", cli["ours"]["ms"], "jrnl -contains WORD",
        cli["jrnl"]["ms"], "faster than jrnl" if size <= 10_000 else ">= 5x faster than jrnl")


PARTS = ["version", "window", "search", "cli"]


def main(argv: list[str] | None = None) -> int:
    """Build the journals, measure every row against its floor, print the table, write JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=5, help="process runs per row (default 5)")
    parser.add_argument("--repeat", type=int, default=40, help="in-process repeats (default 40)")
    parser.add_argument("--keep", type=Path, help="build the journals here and keep them")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "out")
    parser.add_argument("--only", nargs="+", choices=PARTS, default=PARTS,
                        help="measure only these rows (default: all)")
    args = parser.parse_args(argv)
    compileall.compile_dir(str(ROOT / "fikadesk"), quiet=1)  # as an installed copy has them
    jrnl = shutil.which("jrnl") or (str(Path(sys.executable).with_name("jrnl"))
                                    if Path(sys.executable).with_name("jrnl").exists() else None)
    table: list[dict[str, object]] = []

    def row(what: str, ms: float, floor_name: str, floor_ms: float, goal: str) -> None:
        table.append({"what": what, "ms": round(ms, 1), "floor": floor_name,
                      "floor_ms": round(floor_ms, 1), "ratio": round(ms / floor_ms, 2), "goal": goal})

    with tempfile.TemporaryDirectory(prefix="fikadesk-scale-") as tmp:
        scratch = args.keep or Path(tmp)
        scratch.mkdir(parents=True, exist_ok=True)
        env = _child_env(scratch)
        python = [sys.executable]
        window_child = python + ["-c", WINDOW_CHILD]
        if "version" in args.only:
            quick = _interleaved({"version": python + ["-m", "fikadesk", "--version"],
                                  "nothing": python + ["-c", "pass"]}, env, args.runs)
            row("fikadesk --version (process)", quick["version"]["ms"], "python -c pass",
                quick["nothing"]["ms"], "<= 2x")
        for size in args.sizes:
            path = scratch / f"journal-{size}.fikadesk"
            if not path.exists():
                print(f"building {size:,} entries ...", flush=True)
                bench_journal.build(path, size)
            if "window" in args.only:
                _window_rows(row, window_child, path, size, env, args.runs)
            if "search" in args.only:
                _keystroke_rows(row, path, size, args.repeat, env)
            if "cli" in args.only:
                _cli_rows(row, python, path, size, env, args.runs, jrnl, scratch)

    print(f"\n{'what':<52}{'ms':>9}  {'floor':<26}{'floor ms':>9}{'ratio':>8}  goal")
    for item in table:
        print(f"{item['what']:<52}{item['ms']:>9}  {item['floor']:<26}{item['floor_ms']:>9}"
              f"{item['ratio']:>7}x  {item['goal']}")
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / f"bench_scale-{datetime.now():%Y%m%d-%H%M%S}.json"
    target.write_text(json.dumps({"when": datetime.now().isoformat(timespec="seconds"),
                                  "sqlite": sqlite3.sqlite_version, "rows": table}, indent=2) + "\n")
    print(f"\nwrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
