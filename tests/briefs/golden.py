"""Golden-file comparison with a readable unified diff; FIKADESK_REGEN_GOLDEN=1 rewrites them."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).resolve().parent / "golden"
REGENERATE = "FIKADESK_REGEN_GOLDEN"


def check_golden(name: str, actual: str) -> None:
    """Compare ``actual`` with golden/NAME; fail with a unified diff when they differ."""
    path = GOLDEN / name
    if os.environ.get(REGENERATE) == "1":
        path.write_text(actual, encoding="utf-8", newline="\n")
        return
    if not path.exists():
        pytest.fail(f"{path} is missing; run the tests once with {REGENERATE}=1 to write it")
    expected = path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            fromfile=f"golden/{name}", tofile="generated"))
        pytest.fail(f"{name} differs from its golden file (set {REGENERATE}=1 to accept the "
                    f"new text after reading the diff):\n{diff}", pytrace=False)
