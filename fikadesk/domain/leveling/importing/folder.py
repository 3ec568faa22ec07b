"""Ladders written as several pages: one markdown page per level, or one page per competency.

Which pages are read: a folder means its markdown pages; when it holds none (or only an
index, FAQ and the like) but has sub-folders, their pages are read (recursively, three folders
deep), as companies that write one page per competency file them in sub-folders; when it holds
level pages *and* sub-folders, the sub-folders are left out and named ("Roles/: a sub-folder
beside the level pages").

Pages that are not levels are skipped and named, never silently: section index pages
(``index.md``, ``_index.md``, ``README.md``) unless their title reads as a level, FAQs,
glossaries, change logs and the like (`names.page_kind`), and pages that list
nothing.

A level page's name is its front matter ``title``, else a leading heading (the name quoted in
it, for 'What does "Staff Engineer" mean?'), else the file name with its words spaced out.

Order, as the author set it: front matter ``weight``, ``order``, ``nav_order``,
``sidebar_position`` or a numeric ``level`` when every level page has one; else the numbers
and seniority words of the names when they give a strict order; else the order given (files
named on the command line) or the natural order of the file names (a folder).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from fikadesk.domain.leveling.importing.import_error import LadderImportError
from fikadesk.domain.leveling.importing.levels import LevelBody, read_level
from fikadesk.domain.leveling.importing.limits import MAX_FILES
from fikadesk.domain.leveling.importing.markdown import MarkdownDocument, front_matter_text
from fikadesk.domain.leveling.importing.names import (
    humanize_stem,
    name_class,
    page_kind,
    quoted_name,
)
from fikadesk.domain.leveling.importing.raw_level import RawLevel
from fikadesk.domain.leveling.importing.readings import Reading, order_by_names

MARKDOWN = (".md", ".markdown")
ORDER_KEYS = ("weight", "order", "nav_order", "sidebar_position", "level")
MAX_DEPTH = 3


def _natural(name: str) -> tuple[tuple[int, int | str], ...]:
    from fikadesk.domain.leveling.importing.importer import natural_key
    return natural_key(name)


def _pages_in(folder: Path) -> list[Path]:
    return sorted((p for p in folder.iterdir() if p.is_file() and p.suffix.lower() in MARKDOWN),
                  key=lambda p: _natural(p.name))


def expand(paths: Sequence[Path]) -> tuple[list[Path], Path | None, list[str]]:
    """Files to read (folders expanded as the module docstring says), the folder given, notes."""
    files: list[Path] = []
    folder: Path | None = None
    notes: list[str] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        folder = path
        pages = _pages_in(path)
        subfolders = sorted((p for p in path.iterdir() if p.is_dir()
                             and not p.name.startswith(".")), key=lambda p: _natural(p.name))
        if pages and all(page_kind(p.stem, None) for p in pages) and _walk(path, 1):
            files.extend(pages)  # only an index or FAQ beside sub-folders: read those
            files.extend(f for f in _walk(path, 1) if f.parent != path)
        elif pages:
            for sub in subfolders:
                if _has_pages(sub, 1):
                    notes.append(f"{sub.name}/: skipped: a sub-folder beside the level pages")
            files.extend(pages)
        else:
            found = _walk(path, 1)
            if not found:
                raise LadderImportError(path.name, "this folder holds no markdown (.md) files")
            files.extend(found)
        if len(files) > MAX_FILES:
            raise LadderImportError(path.name, f"more than {MAX_FILES} files for one ladder")
    if len(files) > MAX_FILES:
        raise LadderImportError(files[0].name, f"more than {MAX_FILES} files for one ladder")
    return files, folder, notes


def _has_pages(folder: Path, depth: int) -> bool:
    return bool(_walk(folder, depth))


def _walk(folder: Path, depth: int) -> list[Path]:
    """Markdown pages of sub-folders, depth first in natural order, at most MAX_DEPTH deep."""
    if depth > MAX_DEPTH:
        return []
    found: list[Path] = []
    try:
        entries = sorted(folder.iterdir(), key=lambda p: _natural(p.name))
    except OSError:
        return []
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            found.extend(_walk(entry, depth + 1))
        elif entry.suffix.lower() in MARKDOWN:
            found.append(entry)
        if len(found) > MAX_FILES:
            break
    return found


def _front_number(doc: MarkdownDocument) -> tuple[str, float] | None:
    for key in ORDER_KEYS:
        value = doc.front_matter.get(key)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return key, float(value)
    return None


@dataclass
class Page:
    """One markdown page of a multi-page ladder."""

    label: str  # the file name shown to the person (relative path for sub-folders)
    stem: str
    doc: MarkdownDocument


def page_level(page: Page) -> LevelBody:
    """One level from a page that holds exactly one level (see the module docstring)."""
    blocks = page.doc.blocks
    headings = [i for i, b in enumerate(blocks) if b.kind == "heading"]
    titled = front_matter_text(page.doc, "title", "name")
    first_item = next((i for i, b in enumerate(blocks) if b.kind == "item"), None)
    title_index: int | None = None
    if headings and (first_item is None or headings[0] < first_item):
        first = blocks[headings[0]]
        alone = all(blocks[h].depth > first.depth for h in headings[1:])
        if alone and (len(headings) > 1 or titled is None):
            title_index = headings[0]
    if titled:
        name = titled
    elif title_index is not None:
        heading = blocks[title_index].text
        name = quoted_name(heading) or heading
    else:
        name = humanize_stem(page.stem)
    line = blocks[title_index].line if title_index is not None else 1
    body = read_level(blocks, 0, len(blocks), RawLevel(name, page.label, line),
                      title_index=title_index)
    if title_index is not None:
        body.used.add(title_index)
    if not body.level.description:
        body.level.description = front_matter_text(page.doc, "description", "summary") or ""
    return body


def pages_reading(pages: Sequence[Page], explicit: bool, notes: list[str]
                  ) -> tuple[list[tuple[Reading, list[str]]], list[Page], dict[str, set[int]]]:
    """Each page a level: skip what is not a level (saying why) and order as the author did.

    Pages whose front matter names a ``track`` and shares its level number with a page of
    another track are alternatives: one reading per track, the pages of a level number held by
    one page only belonging to every track (the levels before the ladder splits).
    """
    skipped = list(notes)
    kept: list[tuple[Page, LevelBody]] = []
    used: dict[str, set[int]] = {}
    for page in pages:
        body = page_level(page)
        why = page_kind(page.stem, front_matter_text(page.doc, "title", "name"))
        if why and name_class(body.level.name) != "strong":
            skipped.append(f"{page.label}: {why}")
            continue
        if not body.level.expectations:
            skipped.append(f"{page.label}: {body.empty_reason}")
            continue
        kept.append((page, body))
        used[page.label] = body.used
    groups: dict[str | None, list[tuple[Page, LevelBody]]] = {None: kept}
    tracks = _tracks(kept)
    if tracks:
        groups = dict(tracks.items())
    readings = [(_ordered_reading(group, explicit, skipped, track),
                 [page.label for page, _b in group]) for track, group in groups.items()]
    return readings, [page for page, _b in kept], used


def _tracks(kept: list[tuple[Page, LevelBody]]) -> dict[str, list[tuple[Page, LevelBody]]]:
    """Pages per front matter track, when pages of different tracks share a level number."""
    numbers = [_front_number(page.doc) for page, _b in kept]
    names = [front_matter_text(page.doc, "track") for page, _b in kept]
    if any(n is None for n in numbers) or len({t for t in names if t}) < 2:
        return {}
    holders: dict[float, set[str]] = {}
    for number, track in zip(numbers, names, strict=True):
        if number is not None:
            holders.setdefault(number[1], set()).add((track or "").casefold())
    shared = {n for n, tracks in holders.items() if len(tracks) > 1}
    if not shared:
        return {}
    groups: dict[str, list[tuple[Page, LevelBody]]] = {}
    for number, track in zip(numbers, names, strict=True):
        if number is not None and number[1] in shared and track:
            groups.setdefault(track, [])
    for track in groups:
        groups[track] = [(page, body) for (page, body), number, name in zip(
            kept, numbers, names, strict=True)
            if number is not None and (number[1] not in shared or name == track)]
    return groups


def _ordered_reading(kept: list[tuple[Page, LevelBody]], explicit: bool, skipped: list[str],
                     track: str | None) -> Reading:
    levels = [body.level for _p, body in kept]
    numbers = [_front_number(page.doc) for page, _b in kept]
    if kept and all(n is not None for n in numbers):
        keys = [n[1] for n in numbers if n is not None]
        key_name = next(n[0] for n in numbers if n is not None)
        levels = [lv for _k, lv in sorted(zip(keys, levels, strict=True), key=lambda p: p[0])]
        order_rule = f"by front matter '{key_name}'"
    else:
        levels, order_rule = order_by_names(levels)
        if order_rule == "in the order written":
            order_rule = "in the order given" if explicit else "in the order of the file names"
    count = len(levels)
    rule = f"each page is one level ({count} page{'s' if count != 1 else ''})"
    if track:
        rule += f", track '{track}' (front matter 'track')"
    return Reading("files", None, levels, rule, list(skipped), set(), None,
                   order_rule=order_rule, track=track, is_track=track is not None)


def competency_pages_reading(pages: Sequence[Page]) -> tuple[Reading, dict[str, set[int]]] | None:
    """Pages that each describe one competency level by level, regrouped by level."""
    from fikadesk.domain.leveling.importing.competency import competency_levels_of_page
    found: list[tuple[Page, dict[str, RawLevel], set[int]]] = []
    for page in pages:
        competency = (front_matter_text(page.doc, "title", "name")
                      or next((b.text for b in page.doc.blocks if b.kind == "heading"), None)
                      or humanize_stem(page.stem))
        levels, used = competency_levels_of_page(page.doc, page.label, competency)
        if len(levels) >= 2:
            found.append((page, levels, used))
    counts: dict[str, int] = {}
    for _p, levels, _u in found:
        for key in levels:
            counts[key] = counts.get(key, 0) + 1
    if len(found) < 2 or sum(1 for n in counts.values() if n >= 2) < 2:
        return None
    merged: dict[str, RawLevel] = {}
    for _p, levels, _u in found:
        for key, level in levels.items():
            target = merged.setdefault(key, RawLevel(level.name, level.filename, level.line))
            target.expectations.extend(level.expectations)
    ordered, order_rule = order_by_names(list(merged.values()))
    names = ", ".join(f"'{p.label}'" for p, _l, _u in found[:3])
    more = ", ..." if len(found) > 3 else ""
    used_pages = {p.label for p, _l, _u in found}
    skipped = [f"{page.label}: {page_kind(page.stem, None) or 'no level headings'}"
               for page in pages if page.label not in used_pages]
    reading = Reading("competencies", None, ordered,
                      f"levels are the level headings inside each competency page ({names}{more}),"
                      " regrouped by level", skipped, set(), None, order_rule=order_rule)
    return reading, {p.label: used for p, _l, used in found}
