"""Layering rules, checked by reading every module's imports with ``ast``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "fikadesk"
MODULES = sorted(PACKAGE.rglob("*.py"))
QT_ALLOWED = (PACKAGE / "ui", PACKAGE / "app.py")
DB_LIBRARIES = {"sqlmodel", "sqlalchemy", "alembic"}


def _rel(path: Path) -> str:
    return str(path.relative_to(PACKAGE.parent))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def _roots(path: Path) -> set[str]:
    return {name.split(".")[0] for name in _imports(path)}


def _inside(path: Path, *places: Path) -> bool:
    return any(path == place or place in path.parents for place in places)


def test_modules_found() -> None:
    assert PACKAGE / "cli" / "__init__.py" in MODULES
    assert PACKAGE / "domain" / "journal" / "entries.py" in MODULES


@pytest.mark.parametrize("path", MODULES, ids=_rel)
def test_module_starts_with_docstring(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"{_rel(path)} has no module docstring"


def test_qt_only_in_ui_and_app() -> None:
    offenders = [_rel(p) for p in MODULES if not _inside(p, *QT_ALLOWED) and "PySide6" in _roots(p)]
    assert offenders == []


def test_no_database_libraries_in_domain_or_briefs() -> None:
    pure = (PACKAGE / "domain", PACKAGE / "briefs")
    offenders = [_rel(p) for p in MODULES if _inside(p, *pure) and _roots(p) & DB_LIBRARIES]
    assert offenders == []


def test_domain_and_briefs_do_not_reach_outwards() -> None:
    pure = (PACKAGE / "domain", PACKAGE / "briefs")
    outer = ("fikadesk.storage", "fikadesk.services", "fikadesk.ui", "fikadesk.app", "fikadesk.cli")
    offenders = [
        (_rel(p), name) for p in MODULES if _inside(p, *pure)
        for name in _imports(p) if name.startswith(outer)
    ]
    assert offenders == []


def test_storage_does_not_import_services_or_ui() -> None:
    outer = ("fikadesk.services", "fikadesk.ui", "fikadesk.app", "fikadesk.cli", "fikadesk.briefs")
    offenders = [
        (_rel(p), name) for p in MODULES if _inside(p, PACKAGE / "storage")
        for name in _imports(p) if name.startswith(outer)
    ]
    assert offenders == []


def test_domain_never_asks_for_the_date() -> None:
    offenders = []
    for path in MODULES:
        if not _inside(path, PACKAGE / "domain", PACKAGE / "briefs"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Attribute) and node.attr in {"today", "now", "utcnow"}
                    and isinstance(node.value, ast.Name) and node.value.id in {"date", "datetime"}):
                offenders.append(f"{_rel(path)}:{node.lineno}")
    assert offenders == []


def test_checker_sees_imports(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text('"""Doc."""\nimport PySide6.QtCore\nfrom sqlmodel import Session\nfrom . import x\n')
    assert _roots(sample) == {"PySide6", "sqlmodel"}
