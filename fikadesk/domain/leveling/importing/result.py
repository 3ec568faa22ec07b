"""The result of a ladder import: the chosen reading frozen into a Ladder, with its alternatives.

`compose` turns scored readings (best first) into a `LadderImport`: the reading the person
chose (the best one unless they picked another), plus the alternatives a person should see —
readings whose score is close to the best one's, and every track of a file that has several.
Levels are frozen here: limits checked, blank names refused, and only *exact* duplicates within
one level merged (same dimension and same words), with a warning that says so; an expectation
that several levels repeat stays on each of them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from fikadesk.domain.leveling.importing.assess import Assessment
from fikadesk.domain.leveling.importing.import_error import LadderImportError
from fikadesk.domain.leveling.importing.limits import MAX_EXPECTATIONS, MAX_LEVELS
from fikadesk.domain.leveling.importing.raw_level import RawLevel
from fikadesk.domain.leveling.importing.readings import Reading
from fikadesk.domain.leveling.ladder import Expectation, Ladder, Level

#: A reading within this much of the best one's score is offered as an alternative.
CLOSE = 0.15
#: Most readings offered, the chosen one included.
MAX_READINGS = 5


@dataclass(frozen=True, slots=True)
class LadderImport:
    """An imported ladder and what an import preview shows about it.

    `rule` says how the levels were found and `order_rule` what set their order; `skipped`
    names what was left out on purpose and why; `unread` says how much of the file was not
    read. `below_bar` marks a reading that does not look enough like a ladder to be saved
    without the person's consent (`concerns` say why); `accepted` records that consent.
    `alternatives` are the other readings offered, each numbered by `choice` (1 is the best).
    """

    ladder: Ladder
    source_format: str  # "markdown", "markdown-files", "csv", "json" or "yaml"
    files: tuple[str, ...]
    heading_depths: tuple[int, ...] = ()
    level_depth: int | None = None
    warnings: tuple[str, ...] = ()
    rule: str = ""
    order_rule: str = ""
    skipped: tuple[str, ...] = ()
    unread: str = ""
    confidence: float = 1.0
    below_bar: bool = False
    concerns: tuple[str, ...] = ()
    alternatives: tuple[LadderImport, ...] = ()
    choice: int = 1
    accepted: bool = False

    @property
    def name(self) -> str:
        """The ladder's name."""
        return self.ladder.name

    @property
    def level_names(self) -> tuple[str, ...]:
        """Level names, lowest first."""
        return self.ladder.level_names

    @property
    def dimensions(self) -> tuple[str, ...]:
        """Dimensions in order of first appearance."""
        return self.ladder.dimensions

    @property
    def expectation_counts(self) -> tuple[tuple[str, int], ...]:
        """(level name, number of expectations) for each level."""
        return tuple((lv.name, len(lv.expectations)) for lv in self.ladder.levels)

    @property
    def total(self) -> int:
        """Number of expectations, all levels together."""
        return sum(len(lv.expectations) for lv in self.ladder.levels)

    def summary(self) -> str:
        """One line: "7 levels (D1 … D7), 35 expectations: levels are the ## headings ..."."""
        names = self.level_names
        shown = f"{names[0]} … {names[-1]}" if len(names) > 2 else ", ".join(names)
        count = len(names)
        return (f"{count} level{'s' if count != 1 else ''} ({shown}), {self.total} "
                f"expectation{'s' if self.total != 1 else ''}: {self.rule}")

    def refusal(self) -> str:
        """Why this reading is not saved, naming what it found and what it left out."""
        return (f"the best reading found {self.summary()}; but {' and '.join(self.concerns)}; "
                f"{self.unread}. Nothing was saved; open it in the window to look at the "
                "preview and accept it there if it is right")


def _unique_name(name: str, taken: set[str]) -> str:
    """Name, or "name (2)", "name (3)"... so that no two levels share a name."""
    candidate, number = name, 2
    while candidate.casefold() in taken:
        candidate, number = f"{name} ({number})", number + 1
    taken.add(candidate.casefold())
    return candidate


def freeze(name: str, raw_levels: Sequence[RawLevel], filename: str,
           warnings: list[str]) -> Ladder:
    """Check the limits, merge exact duplicates within a level (saying so), build the Ladder."""
    levels = [raw for raw in raw_levels if raw.expectations]
    if not levels:
        raise LadderImportError(filename, "no levels found: no level has any expectations")
    if len(levels) > MAX_LEVELS:
        extra = levels[MAX_LEVELS]
        raise LadderImportError(
            extra.filename, f"more than {MAX_LEVELS} levels; is this a ladder?", extra.line)
    total = 0
    taken: set[str] = set()
    frozen: list[Level] = []
    for raw in levels:
        seen: set[tuple[str, str]] = set()
        merged = 0
        expectations: list[Expectation] = []
        for raw_dimension, raw_text, line in raw.expectations:
            dimension, text = " ".join(raw_dimension.split()), " ".join(raw_text.split())
            key = (dimension.casefold(), text)
            if key in seen:
                merged += 1
                continue
            seen.add(key)
            total += 1
            if total > MAX_EXPECTATIONS:
                raise LadderImportError(
                    raw.filename, f"more than {MAX_EXPECTATIONS:,} expectations", line)
            expectations.append(Expectation(dimension, text))
        base = " ".join(raw.name.split())
        unique = _unique_name(base, taken)
        if merged:
            warnings.append(f"{raw.filename}: level {base!r} states {merged} expectation"
                            f"{'s' if merged != 1 else ''} twice word for word; "
                            f"{'they were' if merged != 1 else 'it was'} kept once")
        if unique != base:
            where = f", line {raw.line}" if raw.line is not None else ""
            warnings.append(f"{raw.filename}{where}: a second level called {base!r} "
                            f"was renamed {unique!r}")
        frozen.append(Level(unique, raw.description, tuple(expectations)))
    return Ladder(name, tuple(frozen))


@dataclass(frozen=True, slots=True)
class Source:
    """Where a reading came from, for the result."""

    source_format: str
    files: tuple[str, ...]
    filename: str
    fallback_name: str
    name: str | None = None
    heading_depths: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()


def _build(reading: Reading, assessment: Assessment, source: Source,
           choice: int) -> LadderImport:
    warnings = list(source.warnings) + list(reading.warnings)
    ladder_name = (source.name or "").strip() or reading.title or source.fallback_name
    ladder = freeze(ladder_name, reading.levels, source.filename, warnings)
    return LadderImport(
        ladder, source.source_format, source.files, source.heading_depths, reading.depth,
        tuple(warnings), reading.rule, reading.order_rule, tuple(reading.skipped),
        assessment.unread.sentence(), assessment.confidence, assessment.below_bar,
        assessment.concerns, (), choice)


def offered(candidates: Sequence[tuple[Reading, Assessment]]
            ) -> list[tuple[Reading, Assessment]]:
    """The readings a person should see: the best, the close ones and every track (best first)."""
    ranked = sorted(candidates, key=lambda pair: -pair[1].rank)
    keys: set[tuple[tuple[str, int], ...]] = set()
    unique = []
    for reading, assessment in ranked:
        if reading.key in keys or not any(lv.expectations for lv in reading.levels):
            continue
        keys.add(reading.key)
        unique.append((reading, assessment))
    if not unique:
        return []
    best = unique[0][1].rank
    kept = [unique[0]] + [(r, a) for r, a in unique[1:]
                          if a.rank >= best - CLOSE or (r.is_track and unique[0][0].is_track)]
    return kept[:MAX_READINGS]


def compose(candidates: Sequence[tuple[Reading, Assessment]], source: Source,
            choice: int | None = None) -> LadderImport:
    """The chosen reading (1 = best) as a LadderImport, the other offered readings attached."""
    shown = offered(candidates)
    if not shown:
        raise LadderImportError(source.filename, "no levels found: no level has any expectations")
    wanted = choice or 1
    if not 1 <= wanted <= len(shown):
        raise LadderImportError(
            source.filename, f"there is no reading {wanted}; this file has "
            f"{len(shown)} reading{'s' if len(shown) != 1 else ''} (1 to {len(shown)})")
    chosen = _build(*shown[wanted - 1], source, wanted)
    others = []
    for number, (reading, assessment) in enumerate(shown, 1):
        if number == wanted:
            continue
        try:
            others.append(_build(reading, assessment, source, number))
        except LadderImportError:
            continue
    return _replace_alternatives(chosen, tuple(others))


def _replace_alternatives(result: LadderImport, others: tuple[LadderImport, ...]) -> LadderImport:
    from dataclasses import replace
    return replace(result, alternatives=others)
