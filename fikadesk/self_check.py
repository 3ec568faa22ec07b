"""``fikadesk self-check``: prove an installation finds its resources and can open a journal (no Qt)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TextIO

from fikadesk import __version__
from fikadesk.desktop_install import APP_ID, ICON_SIZES
from fikadesk.domain.leveling.importing.importer import parse_ladder_files
from fikadesk.errors import StorageError


class SelfCheckError(StorageError):
    """Something this installation needs at run time is missing or broken."""


def check_resources(resources: Path, out: TextIO) -> None:
    """Check the bundled ladders, guide, icons and desktop files; report each on ``out``."""
    ladders = sorted(p for p in (resources / "ladders").glob("*.md") if p.name.lower() != "readme.md")
    if not ladders:
        raise SelfCheckError(f"no bundled ladders in {resources / 'ladders'}")
    parsed = [parse_ladder_files([path]) for path in ladders]
    print(f"ladders: {len(parsed)} ({', '.join(p.ladder.name for p in parsed)})", file=out)
    guide = sorted((resources / "guide").glob("*.md"))
    if not guide:
        raise SelfCheckError(f"no guide pages in {resources / 'guide'}")
    print(f"guide pages: {len(guide)}", file=out)
    icons = [resources / "icons" / f"fikadesk-{size}.png" for size in ICON_SIZES]
    missing = [p.name for p in icons if not p.is_file()]
    if missing or not (resources / "icons" / "fikadesk.svg").is_file():
        raise SelfCheckError(f"icons missing: {', '.join(missing) or 'fikadesk.svg'}")
    print(f"icons: {len(icons)} sizes and the SVG", file=out)
    for suffix in (".desktop", ".metainfo.xml"):
        if not (resources / "desktop" / f"{APP_ID}{suffix}").is_file():
            raise SelfCheckError(f"desktop file missing: {APP_ID}{suffix}")
    for name in ("questions.json", "situations.json"):
        if not (resources / "interview" / name).is_file():
            raise SelfCheckError(f"question bank missing: interview/{name}")
    print("desktop files and question banks: present", file=out)


def check_journal(out: TextIO) -> None:
    """Create, migrate and reopen a throw-away journal."""
    from fikadesk.services.container import build_services

    with tempfile.TemporaryDirectory(prefix="fikadesk-check-") as folder:
        path = Path(folder) / "check.fikadesk"
        build_services(path).close()
        services = build_services(path, create=False)
        try:
            count = services.journal.count()
        finally:
            services.close()
    print(f"journal: created, migrated and reopened ({count} entries)", file=out)


def run_self_check(resources: Path, out: TextIO) -> int:
    """Run every check; 0 when all pass."""
    print(f"fikadesk {__version__}", file=out)
    print(f"resources: {resources}", file=out)
    check_resources(resources, out)
    check_journal(out)
    return 0
