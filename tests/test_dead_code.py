"""No dead code: vulture finds nothing that the package, its tests or the benchmarks leave unused."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(importlib.util.find_spec("vulture") is None,
                    reason="vulture is not installed (the test extra installs it)")
@pytest.mark.xfail(strict=False, reason="issue 19: eight findings remain (PartName, TIMER_PHASES, "
                   "stamp_of, delete_checkpoint, AudioSource, page_top, get_answer, POINT_ROLE); remove "
                   "them, then drop this mark")
def test_vulture_finds_no_dead_code():
    # Paths, confidence and whitelist come from pyproject.toml's [tool.vulture], as in .ci/run.
    done = subprocess.run([sys.executable, "-m", "vulture"], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""
