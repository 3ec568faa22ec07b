"""No dead code: vulture finds nothing that the package, its tests or the benchmarks leave unused."""

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.skipif(importlib.util.find_spec("vulture") is None,
                    reason="vulture is not installed (the test extra installs it)")
def test_vulture_finds_no_dead_code() -> None:
    # Paths, confidence and whitelist come from pyproject.toml's [tool.vulture], as in .ci/run.
    done = subprocess.run([sys.executable, "-m", "vulture"], capture_output=True, text=True, cwd=ROOT,
                          timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout == ""
