"""Kill loop: writers killed with SIGKILL at random points, hundreds of times, on one journal.

Each trial starts a writer process (adding entries, or every fifth trial making backups), kills
it after a random number of acknowledgements plus a random delay, and then checks that every
save acknowledged in any trial so far is in the journal, that the file passes integrity_check
and that every file named as a backup verifies. Prints the counts; exit code 1 on any loss.

    python benchmarks/fault_kill_loop.py --trials 200
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fikadesk.storage.backup import list_backups, verify_backup  # noqa: E402
from fikadesk.storage.engine import open_database  # noqa: E402
from fikadesk.storage.errors import BackupError  # noqa: E402
from tests.storage.fault_tools import kill_after, start_writer, titles  # noqa: E402
from tests.storage.helpers import raw_query  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    counts = {"trials": 0, "killed mid-run": 0, "acknowledged adds": 0, "acknowledged backups": 0,
              "lost adds": 0, "integrity failures": 0, "bad backups": 0}
    begin = time.perf_counter()
    with tempfile.TemporaryDirectory() as folder:
        journal = Path(folder) / "journal.fikadesk"
        open_database(journal).close()
        acknowledged: set[str] = set()
        for trial in range(args.trials):
            backing_up = trial % 5 == 4
            proc = (start_writer("backup", str(journal), "40") if backing_up
                    else start_writer("add", str(journal), "300", f"t{trial}"))
            acks = kill_after(proc, rng.randint(0, 4 if backing_up else 30), rng.uniform(0, 50))
            counts["trials"] += 1
            counts["killed mid-run"] += proc.returncode == -9
            if backing_up:
                counts["acknowledged backups"] += len(acks)
                for info in list_backups(journal):
                    try:
                        verify_backup(info.path)
                    except BackupError:
                        counts["bad backups"] += 1
            else:
                counts["acknowledged adds"] += len(acks)
                acknowledged |= set(acks)
            if raw_query(journal, "PRAGMA integrity_check") != [("ok",)]:
                counts["integrity failures"] += 1
            counts["lost adds"] = len(acknowledged - titles(journal))
            if (trial + 1) % 25 == 0:
                print(f"  {trial + 1} trials, {counts['lost adds']} lost so far", flush=True)
    seconds = time.perf_counter() - begin
    for name, value in counts.items():
        print(f"{name:>22}: {value}")
    print(f"{'seconds':>22}: {seconds:.0f}")
    failed = counts["lost adds"] or counts["integrity failures"] or counts["bad backups"]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
