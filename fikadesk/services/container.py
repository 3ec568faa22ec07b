"""Builds the services of one open journal (used by the composition root and the CLI)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from fikadesk.paths import resources_dir
from fikadesk.services.backups import BackupService, settings_backup_folder
from fikadesk.services.briefs import BriefService
from fikadesk.services.interview import InterviewService
from fikadesk.services.journal import JournalService
from fikadesk.services.leveling import LevelingService
from fikadesk.services.leveling_chart import EvidenceCharts
from fikadesk.services.leveling_suggest import LinkSuggestions
from fikadesk.services.plan import PlanService
from fikadesk.services.preferences import PreferencesService
from fikadesk.services.speech_takes import SpeechTakes
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
    speech: SpeechTakes
    backups: BackupService
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
    backup_dir: Path | None = None,
    whole_check: bool = True,
) -> Services:
    """Open the journal at ``path`` and build its services around it.

    Backups go to ``backup_dir``, else to the folder chosen in the window's preferences;
    ``whole_check`` is passed to ``open_database``. The file is claimed first (see
    ``storage.journal_lock``): a second name for a journal open elsewhere, or a path the journal
    was moved away from, is refused before SQLite touches it.
    """
    claim = claim_for_opening(path)
    try:
        db = open_database(path, create=create, backup_dir=backup_dir or settings_backup_folder(),
                           whole_check=whole_check)
        claim = claim or claim_journal(path)  # a journal made just now
    except BaseException:
        if claim is not None:
            claim.release()
        raise
    now = clock or (lambda: datetime.now().replace(microsecond=0))
    interview = InterviewService(db, now, resources_dir() / "interview" / "questions.json")
    speech = SpeechTakes(db, interview)
    interview.on_takes_removed = speech.prune
    return Services(
        db=db,
        journal=JournalService(db, now),
        leveling=LevelingService(db, now),
        briefs=BriefService(db, now),
        preferences=PreferencesService(db),
        plan=PlanService(db, now),
        interview=interview,
        transfer=TransferService(db, now),
        suggestions=LinkSuggestions(db),
        charts=EvidenceCharts(db),
        speech=speech,
        backups=BackupService(db, now),
        today=lambda: now().date(),
        now=now,
        claim=claim,
    )
