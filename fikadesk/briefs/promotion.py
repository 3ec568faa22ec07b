"""The promotion case brief: target, the next rung in one's own words, evidence, gaps, plan."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from fikadesk.briefs.markdown import (
    block,
    bullets,
    document,
    heading,
    inline,
    long_date,
    plural,
    short_date,
    table,
)
from fikadesk.briefs.promotion_plan import plan_sections
from fikadesk.domain.journal.entries import Entry
from fikadesk.domain.leveling.ladder import (
    CONSISTENT_MAX_AGE_DAYS,
    CONSISTENT_MIN_ENTRIES,
    CONSISTENT_MIN_MONTHS,
    CONSISTENT_MIN_STARRED,
    Expectation,
    ExpectationEvidence,
    Status,
    expectation_status,
    readiness_percent,
)
from fikadesk.domain.leveling.stored import StoredExpectation, Target
from fikadesk.domain.plan.records import PlanState

STAR = "★"
STATUS_WORDS: dict[Status, str] = {
    "consistent": "Consistent",
    "emerging": "Emerging",
    "none": "No evidence",
}


@dataclass(frozen=True)
class ExpectationLinks:
    """One expectation of the target level and the journal entries linked to it."""

    expectation: StoredExpectation
    entries: tuple[Entry, ...] = ()


@dataclass(frozen=True)
class UnlinkedWin:
    """A win of the period linked to no expectation of the target level, with the expectations
    it most likely evidences (best first; none when nothing fits)."""

    entry: Entry
    suggested: tuple[StoredExpectation, ...] = ()


@dataclass(frozen=True)
class PromotionInput:
    """Everything the promotion case is written from (gathered by the briefs service)."""

    target: Target
    expectations: tuple[ExpectationLinks, ...]
    level_description: str = ""
    plan: PlanState | None = None
    unlinked: tuple[UnlinkedWin, ...] = ()


@dataclass(frozen=True)
class PromotionOptions:
    """Which evidence goes in: the period (both ends included) and whether unstarred counts."""

    since: date
    until: date
    include_unstarred: bool = True

    def __post_init__(self) -> None:
        if self.since > self.until:
            raise ValueError(f"the period starts ({self.since.isoformat()}) after it ends "
                             f"({self.until.isoformat()})")


def default_period(today: date) -> tuple[date, date]:
    """The last 12 months up to ``today``: from the day after the same date a year earlier."""
    try:
        year_ago = today.replace(year=today.year - 1)
    except ValueError:  # 29 February
        year_ago = today.replace(year=today.year - 1, day=28)
    return year_ago + timedelta(days=1), today


def shareable(entries: tuple[Entry, ...], options: PromotionOptions) -> tuple[Entry, ...]:
    """Entries that may count: inside the period, not private, not in the trash."""
    return tuple(
        e for e in entries
        if not e.private and e.deleted_at is None and options.since <= e.day <= options.until
    )


def shown(entries: tuple[Entry, ...], options: PromotionOptions) -> list[Entry]:
    """Entries to print for one expectation: starred first, then newest first, then by id."""
    picked = [e for e in shareable(entries, options) if e.starred or options.include_unstarred]
    return sorted(picked, key=lambda e: (not e.starred, -e.day.toordinal(), e.id))


def evidence_of(links: ExpectationLinks, options: PromotionOptions) -> ExpectationEvidence:
    """Counts for the readiness rules, from the shareable entries of the period only."""
    entries = shareable(links.entries, options)
    ex = links.expectation
    return ExpectationEvidence(
        Expectation(ex.dimension, ex.text),
        evidence_count=len(entries),
        starred_count=sum(1 for e in entries if e.starred),
        latest=max((e.day for e in entries), default=None),
        distinct_months=len({(e.day.year, e.day.month) for e in entries}),
    )


def missing_for_consistent(evidence: ExpectationEvidence, until: date) -> str:
    """Say in words what an expectation still lacks before it counts as shown consistently."""
    needs = []
    more = CONSISTENT_MIN_ENTRIES - evidence.evidence_count
    if more > 0:
        needs.append(f"{plural(more, 'more entry', 'more entries')}")
    if evidence.starred_count < CONSISTENT_MIN_STARRED:
        needs.append("a starred entry" if CONSISTENT_MIN_STARRED == 1
                     else f"{CONSISTENT_MIN_STARRED} starred entries")
    if evidence.distinct_months < CONSISTENT_MIN_MONTHS:
        needs.append(f"entries from {CONSISTENT_MIN_MONTHS} different months")
    if evidence.latest is not None and (until - evidence.latest).days > CONSISTENT_MAX_AGE_DAYS:
        needs.append("a recent entry")
    return ", ".join(needs)


def _dimensions(items: tuple[ExpectationLinks, ...]) -> list[tuple[str, list[ExpectationLinks]]]:
    """Group expectations by dimension (case-insensitive), in ladder order."""
    groups: dict[str, tuple[str, list[ExpectationLinks]]] = {}
    for item in items:
        key = item.expectation.dimension.casefold()
        groups.setdefault(key, (item.expectation.dimension, []))[1].append(item)
    return list(groups.values())


def entry_item(entry: Entry) -> str:
    """One entry as a list item: star, date and title, then its impact on the next line."""
    mark = f"{STAR} " if entry.starred else ""
    first = f"{mark}{short_date(entry.day)} — **{inline(entry.title)}**"
    impact = inline(entry.impact)
    return first + (f"  \nImpact: {impact}" if impact else "")


def _header(data: PromotionInput, options: PromotionOptions, today: date) -> str:
    target = data.target
    aim = f"{inline(target.ladder_name)}: from **{inline(target.current_level)}** to " \
          f"**{inline(target.target_level)}**"
    aim += f", aimed for {long_date(target.target_date)}." if target.target_date else "."
    scope = (f"Prepared on {long_date(today)} from journal entries dated "
             f"{long_date(options.since)} to {long_date(options.until)}")
    scope += "; starred entries only." if not options.include_unstarred else "."
    return document(heading(1, f"Promotion case: {inline(target.target_level)}"), aim, scope)


def _own_words(data: PromotionInput) -> str:
    parts = [heading(2, "The next level, in my words")]
    if data.target.summary.strip():
        parts.append(block(data.target.summary))
    else:
        parts.append("*No summary of the next level has been written yet.*")
    if data.level_description.strip():
        parts.append(f"The ladder describes the {inline(data.target.target_level)} level as:")
        parts.append("\n".join("> " + line if line else ">"
                               for line in block(data.level_description).split("\n")))
    return document(*parts)


def _overview(data: PromotionInput, options: PromotionOptions) -> str:
    evidence = [(links, evidence_of(links, options)) for links in data.expectations]
    statuses = [expectation_status(ev, today=options.until) for _, ev in evidence]
    if not evidence:
        return document(heading(2, "Where the evidence stands"),
                        f"The ladder lists no expectations for the "
                        f"{inline(data.target.target_level)} level.")
    percent = readiness_percent([ev for _, ev in evidence], today=options.until)
    counts = (f"{plural(len(evidence), 'expectation')} at this level: "
              f"{statuses.count('consistent')} consistent, "
              f"{statuses.count('emerging')} emerging, "
              f"{statuses.count('none')} with no evidence in this period. "
              f"Readiness, counted from the entries in this brief: {percent}%.")
    unlinked = _unlinked_wins(data, options)
    if unlinked:
        counts += (f" {plural(len(unlinked), 'win')} of this period "
                   f"{'is' if len(unlinked) == 1 else 'are'} not linked to an expectation yet "
                   "and so not counted here; see “Wins not linked yet” below.")
    rows = [
        [inline(links.expectation.dimension), inline(links.expectation.text),
         STATUS_WORDS[status], str(ev.evidence_count), str(ev.starred_count),
         short_date(ev.latest) if ev.latest else "—"]
        for (links, ev), status in zip(evidence, statuses, strict=True)
    ]
    return document(heading(2, "Where the evidence stands"), counts,
                    table(["Dimension", "Expectation", "Status", "Entries", "Starred", "Latest"],
                          rows))


def _evidence(data: PromotionInput, options: PromotionOptions) -> str:
    if not data.expectations:
        return ""
    parts = [heading(2, "Evidence by expectation"),
             f"{STAR} marks a starred entry: a moment of work at the next level. Starred "
             "entries come first, then the newest."]
    for dimension, items in _dimensions(data.expectations):
        parts.append(heading(3, inline(dimension)))
        for links in items:
            parts.append(heading(4, inline(links.expectation.text)))
            entries = shown(links.entries, options)
            if entries:
                parts.append(bullets(entry_item(e) for e in entries))
            else:
                hidden = len(shareable(links.entries, options))
                parts.append("*Only unstarred entries in this period, left out of this brief.*"
                             if hidden else "*No entries in this period.*")
    return document(*parts)


def _unlinked_wins(data: PromotionInput, options: PromotionOptions) -> list[UnlinkedWin]:
    """The unlinked wins that may appear: shareable, starred unless unstarred ones are included;
    starred first, then newest first."""
    allowed = {e.id for e in shown(tuple(w.entry for w in data.unlinked), options)}
    picked = [w for w in data.unlinked if w.entry.id in allowed]
    return sorted(picked, key=lambda w: (not w.entry.starred, -w.entry.day.toordinal(), w.entry.id))


def _unlinked(data: PromotionInput, options: PromotionOptions) -> str:
    wins = _unlinked_wins(data, options)
    if not wins:
        return ""
    parts = [heading(2, "Wins not linked yet"),
             "These wins are linked to no expectation of this level, so the figures above leave "
             "them out. Each shows the expectations it most likely supports, from its words; "
             "where one is right, link it in the journal (Evidence for)."]
    items = []
    for win in wins:
        item = entry_item(win.entry)
        if win.suggested:
            names = "; ".join(f"{inline(ex.dimension)}: {inline(ex.text.rstrip('.'))}"
                              for ex in win.suggested)
            item += f"  \nMay support: {names}"
        else:
            item += "  \nNo expectation of this level matches its words."
        items.append(item)
    parts.append(bullets(items))
    return document(*parts)


def _gaps(data: PromotionInput, options: PromotionOptions) -> str:
    lines = []
    for links in data.expectations:
        ev = evidence_of(links, options)
        status = expectation_status(ev, today=options.until)
        label = f"**{inline(links.expectation.dimension)}:** {inline(links.expectation.text)}"
        if status == "none":
            lines.append(f"{label}  \nNo evidence in this period yet.")
        elif status == "emerging":
            lines.append(f"{label}  \nEmerging with {plural(ev.evidence_count, 'entry', 'entries')}"
                         f" ({ev.starred_count or 'none'} starred); still needed: "
                         f"{missing_for_consistent(ev, options.until)}.")
    if not data.expectations:
        return ""
    body = bullets(lines) if lines else "Every expectation of this level is shown consistently."
    return document(heading(2, "Gaps still open"), body)


def _chart(chart_image: str) -> str:
    """The evidence chart's picture (a file fikadesk wrote beside the brief), with a caption."""
    if not chart_image:
        return ""
    name = chart_image.replace("\\", "/").replace(")", "%29").replace(" ", "%20")
    return document(heading(3, "At a glance"), f"![Evidence per dimension and month]({name})",
                    "*Linked evidence per dimension, month by month: amber dots are months with "
                    "a starred entry; an empty row is a gap, an empty end of a row has gone "
                    "quiet.*")


def build_promotion(data: PromotionInput, options: PromotionOptions, today: date,
                    chart_image: str = "") -> str:
    """Return the promotion case as CommonMark; the same data, options and date give the same text.

    ``chart_image`` names the evidence chart's picture, shown below the overview (none when
    empty).

    Private entries and entries outside the period never appear; status and readiness are
    counted from the entries that may appear (starred or not), as of the period's last day.
    """
    plan = plan_sections(data.plan, options.since, options.until, today) if data.plan else ""
    return document(
        _header(data, options, today),
        _own_words(data),
        _overview(data, options),
        _chart(chart_image),
        _evidence(data, options),
        _unlinked(data, options),
        _gaps(data, options),
        plan,
    )
