"""Builds the services of one open journal (used by the composition root and the CLI)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from fikadesk.paths import resources_dir
from fikadesk.services.briefs import BriefService
from fikadesk.services.interview import InterviewService
from fikadesk.services.journal import JournalService
from fikadesk.services.leveling import LevelingService
from fikadesk.services.leveling_chart import EvidenceCharts
from fikadesk.services.leveling_suggest import LinkSuggestions
from fikadesk.services.plan import PlanService
from fikadesk.services.preferences import PreferencesService
from fikadesk.services.transfer import TransferService
from fikadesk.storage.engine import Database, open_database
from fikadesk.storage.journal_lock import JournalClaim, claim_for_opening, claim_journal


@dataclass
class Services:
    """Every service of one open journal, sharing one database."""

    db: Database
    journal: JournalService
    leveling: LevelingService
    briefs: BriefService
    preferences: PreferencesService
    plan: PlanService
    interview: InterviewService
    transfer: TransferService
    suggestions: LinkSuggestions
    charts: EvidenceCharts
    today: Callable[[], date]
    now: Callable[[], datetime]
    claim: JournalClaim | None = None

    def close(self) -> None:
        """Close the journal, then give back this process's claim on the file."""
        self.db.close()
        if self.claim is not None:
            self.claim.release()


def build_services(
    path: Path,
    *,
    create: bool = True,
    clock: Callable[[], datetime] | None = None,
) -> Services:
    """Open the journal at ``path`` and build its services around it.

    The file is claimed first (see ``storage.journal_lock``): a second name for a journal open
    elsewhere, or a path the journal was moved away from, is refused before SQLite touches it.
    """
    claim = claim_for_opening(path)
    try:
        db = open_database(path, create=create)
        claim = claim or claim_journal(path)  # a journal made just now
    except BaseException:
        if claim is not None:
            claim.release()
        raise
    now = clock or (lambda: datetime.now().replace(microsecond=0))
    return Services(
        db=db,
        journal=JournalService(db, now),
        leveling=LevelingService(db, now),
        briefs=BriefService(db, now),
        preferences=PreferencesService(db),
        plan=PlanService(db, now),
        interview=InterviewService(db, now, resources_dir() / "interview" / "questions.json"),
        transfer=TransferService(db, now),
        suggestions=LinkSuggestions(db),
        charts=EvidenceCharts(db),
        today=lambda: now().date(),
        now=now,
        claim=claim,
    )
