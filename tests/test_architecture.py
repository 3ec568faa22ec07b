"""Layering rules, checked by reading every module's imports with ``ast``."""

from __future__ import annotations

import ast
import importlib
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "fikadesk"
MODULES = sorted(PACKAGE.rglob("*.py"))
QT_ALLOWED = (PACKAGE / "ui", PACKAGE / "app.py")
DB_LIBRARIES = {"sqlmodel", "sqlalchemy", "alembic"}
# Alembic runs these itself (env.py needs its context; the version files' names start with a digit).
MIGRATION_SCRIPTS = PACKAGE / "storage" / "migrations"
# Import circles known today and who removes them; the test fails when one appears or goes, so this
# list only shrinks. The last one (the window and its helpers) went with the WindowHost protocol.
KNOWN_CYCLES: list[list[str]] = []


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


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imported_modules(path: Path) -> set[str]:
    """Every module named by an import anywhere in ``path``, ``from a import b`` as ``a`` and ``a.b``."""
    found = set(_imports(path))
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def _layer_reaches(layer: str, other: str) -> list[tuple[str, str]]:
    return [(_rel(p), name) for p in MODULES if _inside(p, PACKAGE / layer)
            for name in _imported_modules(p) if name == other or name.startswith(other + ".")]


def test_ui_does_not_import_storage() -> None:
    """The window reaches the journal through services; errors come from fikadesk.errors."""
    assert _layer_reaches("ui", "fikadesk.storage") == []


def test_cli_does_not_import_ui() -> None:
    """Drawing a PDF or chart is handed to the command line by the composition root (app.py)."""
    assert _layer_reaches("cli", "fikadesk.ui") == []


def test_the_error_root_is_stdlib_only() -> None:
    assert _imports(PACKAGE / "errors.py") == {"__future__"}


def _top_level_imports(body: list[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    """The imports a module runs when it is loaded, ``if TYPE_CHECKING:`` ones included (a
    back-arrow for types only is still a back-arrow); none inside a function or class."""
    for node in body:
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
        elif isinstance(node, ast.If):
            yield from _top_level_imports(node.body + node.orelse)
        elif isinstance(node, ast.Try):
            handlers = [stmt for handler in node.handlers for stmt in handler.body]
            yield from _top_level_imports(node.body + handlers + node.orelse + node.finalbody)
        elif isinstance(node, ast.With):
            yield from _top_level_imports(node.body)


def import_graph() -> dict[str, set[str]]:
    """Module name -> the fikadesk modules it imports at module level."""
    names = {_module_name(p): p for p in MODULES}
    graph: dict[str, set[str]] = {}
    for name, path in names.items():
        targets: set[str] = set()
        for node in _top_level_imports(ast.parse(path.read_text(encoding="utf-8")).body):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names if alias.name in names)
            elif node.module and node.level == 0:
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    if full in names:
                        targets.add(full)
                    elif node.module in names:
                        targets.add(node.module)
        graph[name] = targets - {name}
    return graph


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The import circles: each strongly connected group of two or more modules, sorted."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's algorithm; the graph is a few hundred modules deep at most
        order[node] = low[node] = len(order)
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt not in order:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], order[nxt])
        if low[node] == order[node]:
            group = [stack.pop()]
            while group[-1] != node:
                group.append(stack.pop())
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in order:
            visit(node)
    return sorted(found)


def test_cycle_finder_sees_a_circle_and_a_tree() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b", "c"}, "b": {"c"}, "c": set()}) == []


def test_import_graph_sees_type_checking_and_from_imports() -> None:
    graph = import_graph()
    # under TYPE_CHECKING
    assert "fikadesk.ui.shell.desktop_features" in graph["fikadesk.ui.shell.main_window"]
    assert "fikadesk.errors" in graph["fikadesk.storage.errors"]
    assert "fikadesk.cli" not in graph["fikadesk.app"]  # imported inside main(), not on load


def test_no_import_cycles_but_the_known_ones() -> None:
    assert cycles(import_graph()) == KNOWN_CYCLES


def _defined_exceptions() -> Iterator[type[BaseException]]:
    for path in MODULES:
        if _inside(path, MIGRATION_SCRIPTS) and path.name != "__init__.py":
            continue
        module = importlib.import_module(_module_name(path))
        for value in vars(module).values():
            if (isinstance(value, type) and issubclass(value, BaseException)
                    and value.__module__ == module.__name__):
                yield value


def test_every_error_class_has_the_one_root() -> None:
    """Each error is an InputError (exit 2) or a StorageError (exit 1) under FikadeskError."""
    from fikadesk.errors import FikadeskError, InputError, StorageError

    found = list(_defined_exceptions())
    assert {"JournalError", "LevelingError", "CliError", "SourceError"} <= {c.__name__ for c in found}
    strays = [f"{c.__module__}.{c.__qualname__}" for c in found
              if c not in (FikadeskError, InputError, StorageError)
              and not (issubclass(c, InputError) or issubclass(c, StorageError))]
    assert strays == []
    both = [c.__qualname__ for c in found if issubclass(c, InputError) and issubclass(c, StorageError)]
    assert both == []


def test_migration_scripts_define_no_classes() -> None:
    """They are left out of the walk above, so they may hold no error class of their own."""
    scripts = [p for p in MODULES if _inside(p, MIGRATION_SCRIPTS) and p.name != "__init__.py"]
    assert scripts
    assert [_rel(p) for p in scripts
            if any(isinstance(n, ast.ClassDef) for n in ast.walk(ast.parse(p.read_text("utf-8"))))] == []
