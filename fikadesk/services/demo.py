"""A demo journal with realistic sample data, to look around without touching one's own journal."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

from fikadesk.domain.journal.entries import EntryDraft, EntryQuery
from fikadesk.domain.leveling.importing.importer import parse_ladder_files
from fikadesk.services.container import build_services
from fikadesk.services.demo_extras import add_demo_interview, add_demo_plan

DEMO_FILENAME = "demo.fikadesk"

# (days ago, title, impact, tags, starred, dimension of the target level it supports or "")
_SAMPLES: tuple[tuple[int, str, str, tuple[str, ...], bool, str], ...] = (
    (3, "Ran the incident review for the checkout outage",
     "Three follow-up fixes agreed and owned; no repeat in the month since", ("incident", "leadership"),
     True, "Collaboration"),
    (9, "Paired with Amal on her first on-call week",
     "She resolved two pages alone by Friday", ("mentoring",), True, "Collaboration"),
    (15, "Cut the nightly build from 40 to 12 minutes",
     "The team gets test results before stand-up instead of after lunch", ("ci", "speed"), True,
     "Impact"),
    (22, "Wrote the design note for moving invoices to the new queue",
     "Two teams signed off in one review instead of three meetings", ("design", "billing"), True,
     "Decisions"),
    (30, "Spotted the certificate expiry a week early",
     "Renewed before any customer saw a warning", ("ops",), False, "Scope"),
    (38, "Answered 14 support tickets during the migration freeze",
     "Support queue back under a day", ("support",), False, ""),
    (45, "Proposed dropping the legacy export job",
     "Saves 3 hours of on-call toil a month once removed", ("toil",), True, "Decisions"),
    (53, "Led the billing migration cut-over", "Zero downtime, 2.1 million invoices moved",
     ("billing", "leadership"), True, "Scope"),
    (61, "Gave the team a talk on reading flame graphs", "Two people used it the next week",
     ("teaching",), False, "Collaboration"),
    (70, "Fixed the flaky payment tests", "Red builds down from 1 in 5 to 1 in 50", ("ci",), False,
     "Impact"),
    (84, "Interviewed four backend candidates", "Wrote the new take-home rubric", ("hiring",), False, ""),
    (97, "Negotiated the API deadline with the partner team",
     "Moved two weeks without losing the launch date", ("planning",), True, "Autonomy"),
    (110, "Onboarded to the billing codebase", "First change shipped on day four", ("billing",), False, ""),
    (131, "Wrote the runbook for queue backlogs", "Used twice since, by other engineers", ("ops",), False,
     "Impact"),
    (150, "Took over the search service when its owner left",
     "Kept it running and closed the three oldest bugs", ("ownership",), True, "Autonomy"),
)


def demo_journal_path(data_folder: Path) -> Path:
    """Where the demo journal lives: beside, never instead of, the person's journal."""
    return data_folder / DEMO_FILENAME


def build_demo_journal(path: Path, resources: Path, today: date) -> Path:
    """Create the demo journal at ``path`` (replacing an older demo) and return its path.

    Sample entries, a ladder with a target and evidence links, a plan in progress and interview
    preparation all go through the services (entries in one Core transaction).
    """
    for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)
    moment = datetime.combine(today, datetime.min.time()).replace(hour=9)
    services = build_services(path, clock=lambda: moment)
    try:
        ladder = parse_ladder_files([resources / "ladders" / "software-engineer.md"])
        ladder_id = services.leveling.import_ladder(ladder)
        services.leveling.set_target(ladder_id, "Senior Engineer", "Staff Engineer",
                                     today + timedelta(days=180),
                                     "Lead cross-team work on billing and reliability")
        drafts = [EntryDraft(day=today - timedelta(days=ago), title=title, impact=impact, tags=tags,
                             starred=starred)
                  for ago, title, impact, tags, starred, _dim in _SAMPLES]
        services.journal.add_many(drafts)
        stored = services.leveling.get_ladder(ladder_id)
        staff = next(level for level in stored.levels if level.name == "Staff Engineer")
        by_dimension: dict[str, int] = {}
        for expectation in staff.expectations:
            by_dimension.setdefault(expectation.dimension, expectation.id)
        entries = {e.title: e.id for e in services.journal.page(EntryQuery(), 0, len(_SAMPLES))}
        for _ago, title, _impact, _tags, _starred, dimension in _SAMPLES:
            if dimension and dimension in by_dimension:
                services.leveling.link_entry(entries[title], [by_dimension[dimension]])
        add_demo_plan(services, today, by_dimension, entries)
        add_demo_interview(services, moment, entries)
        services.preferences.mark_first_run_done()
    finally:
        services.close()
    return path

