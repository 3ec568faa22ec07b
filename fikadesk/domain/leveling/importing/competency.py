"""Competency-first ladders: each competency describes every level; regroup them by level.

Some companies write a page (or a section) per competency, and inside it a heading per level:
"## Communication" then "### Junior level", "### Mid level", "### Senior level". A person
reads that as a ladder whose levels are the repeated level headings and whose dimensions are
the competencies. This module finds that shape (level-named headings of one depth repeated
inside at least two competencies, at least two of the names shared) and regroups it; prose
under a level heading gives one expectation per paragraph, since such pages are written in
prose. "Junior level" names the level "Junior".
"""

from __future__ import annotations

from fikadesk.domain.leveling.importing.levels import read_level
from fikadesk.domain.leveling.importing.markdown import MarkdownDocument
from fikadesk.domain.leveling.importing.names import name_class, seniority_rank
from fikadesk.domain.leveling.importing.raw_level import RawLevel
from fikadesk.domain.leveling.importing.readings import (
    Outline,
    Reading,
    first_title,
    front_title,
    hashes,
    order_by_names,
)

#: Competency-first regrouping is looked for in files with at most this many headings (a
#: ladder written competency by competency has far fewer).
MAX_COMPETENCY_HEADINGS = 2000


def _norm_level(name: str) -> str:
    """ "Junior level" -> "Junior"; "Level 2" stays."""
    tokens = name.split()
    if len(tokens) > 1 and tokens[-1].casefold() in ("level", "levels"):
        rest = " ".join(tokens[:-1])
        if seniority_rank(rest) is not None:
            return rest
    return name.strip()


def competency_readings(doc: MarkdownDocument, filename: str) -> list[Reading]:
    """Levels found inside each competency, regrouped by level (see the module docstring)."""
    blocks = doc.blocks
    outline = Outline(blocks)
    depths = outline.depths()
    readings: list[Reading] = []
    if len(outline.headings) > MAX_COMPETENCY_HEADINGS:
        return readings
    strong = {h for h in outline.headings if name_class(blocks[h].text) == "strong"}
    if len(strong) < 4:
        return readings
    for outer in depths:
        for inner in (d for d in depths if d > outer):
            under: dict[int, list[int]] = {}
            for h in sorted(strong):
                if blocks[h].depth != inner:
                    continue
                ancestor = outline.parent[h]
                while ancestor is not None and blocks[ancestor].depth > outer:
                    ancestor = outline.parent[ancestor]
                if ancestor is not None and blocks[ancestor].depth == outer:
                    under.setdefault(ancestor, []).append(h)
            found = [(c, kids) for c, kids in under.items() if len(kids) >= 2]
            reading = _regroup(doc, outline, found, outer, inner, filename)
            if reading is not None:
                readings.append(reading)
    return readings


def _regroup(doc: MarkdownDocument, outline: Outline, found: list[tuple[int, list[int]]],
             outer: int, inner: int, filename: str) -> Reading | None:
    blocks = outline.blocks
    seen: dict[str, int] = {}
    for _c, kids in found:
        for key in {_norm_level(blocks[h].text).casefold() for h in kids}:
            seen[key] = seen.get(key, 0) + 1
    if len(found) < 2 or sum(1 for n in seen.values() if n >= 2) < 2:
        return None
    levels: dict[str, RawLevel] = {}
    used: set[int] = set()
    for c, kids in found:
        competency = blocks[c].text
        used.add(c)
        for h in kids:
            name = _norm_level(blocks[h].text)
            level = levels.setdefault(name.casefold(), RawLevel(name, filename, blocks[h].line))
            body = read_level(blocks, h + 1, outline.end[h], RawLevel(name, filename, None),
                              allow_prose=True)
            level.expectations.extend((competency, text, line)
                                      for _d, text, line in body.level.expectations)
            used.add(h)
            used.update(body.used)
    ordered, order_rule = order_by_names(list(levels.values()))
    names = ", ".join(f"'{blocks[c].text}'" for c, _k in found[:3])
    more = ", ..." if len(found) > 3 else ""
    return Reading("competencies", front_title(doc) or first_title(blocks), ordered,
                   f"levels are the {hashes(inner)} headings inside each {hashes(outer)} "
                   f"competency ({names}{more}), regrouped by level", [], used, inner,
                   order_rule=order_rule)


def competency_levels_of_page(doc: MarkdownDocument, filename: str, competency: str
                              ) -> tuple[dict[str, RawLevel], set[int]]:
    """The levels one competency page describes: its level-named headings of one depth."""
    blocks = doc.blocks
    outline = Outline(blocks)
    for depth in outline.depths():
        heads = [h for h in outline.headings
                 if blocks[h].depth == depth and name_class(blocks[h].text) == "strong"]
        if len(heads) < 2:
            continue
        levels: dict[str, RawLevel] = {}
        used: set[int] = set()
        for h in heads:
            name = _norm_level(blocks[h].text)
            body = read_level(blocks, h + 1, outline.end[h], RawLevel(name, filename, None),
                              allow_prose=True)
            level = levels.setdefault(name.casefold(), RawLevel(name, filename, blocks[h].line))
            level.expectations.extend((competency, text, line)
                                      for _d, text, line in body.level.expectations)
            used.add(h)
            used.update(body.used)
        return {k: v for k, v in levels.items() if v.expectations}, used
    return {}, set()
