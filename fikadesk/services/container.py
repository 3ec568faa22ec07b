"""Builds the services of one open journal (used by the composition root and the CLI)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from fikadesk.paths import resources_dir
from fikadesk.services.backups import BackupService, settings_backup_folder
from fikadesk.storage.engine import Database, open_database
from fikadesk.storage.journal_lock import JournalClaim, claim_for_opening, claim_journal

if TYPE_CHECKING:
    from fikadesk.services.briefs import BriefService
    from fikadesk.services.interview.service import InterviewService
    from fikadesk.services.interview.speech_takes import SpeechTakes
    from fikadesk.services.journal.service import JournalService
    from fikadesk.services.leveling.chart import EvidenceCharts
    from fikadesk.services.leveling.service import LevelingService
    from fikadesk.services.leveling.suggest import LinkSuggestions
    from fikadesk.services.plan.service import PlanService
    from fikadesk.services.preferences import PreferencesService
    from fikadesk.services.transfer.service import TransferService


class Services:
    """Every service of one open journal, sharing one database.

    Each service is built, and its module imported, the first time it is asked for: a command
    such as ``search`` loads the journal service alone, the window all of them as its tabs fill.
    """

    def __init__(self, db: Database, now: Callable[[], datetime],
                 claim: JournalClaim | None = None) -> None:
        self.db = db
        self.now = now
        self.claim = claim
        self.backups = BackupService(db, now)

    def today(self) -> date:
        """Today, by the services' clock."""
        return self.now().date()

    @cached_property
    def journal(self) -> JournalService:
        from fikadesk.services.journal.service import JournalService

        return JournalService(self.db, self.now)

    @cached_property
    def leveling(self) -> LevelingService:
        from fikadesk.services.leveling.service import LevelingService

        return LevelingService(self.db, self.now)

    @cached_property
    def briefs(self) -> BriefService:
        from fikadesk.services.briefs import BriefService

        return BriefService(self.db)

    @cached_property
    def preferences(self) -> PreferencesService:
        from fikadesk.services.preferences import PreferencesService

        return PreferencesService(self.db)

    @cached_property
    def plan(self) -> PlanService:
        from fikadesk.services.plan.service import PlanService

        return PlanService(self.db, self.now)

    @cached_property
    def interview(self) -> InterviewService:
        from fikadesk.services.interview.service import InterviewService

        service = InterviewService(self.db, self.now, resources_dir() / "interview" / "questions.json")
        service.on_takes_removed = lambda: self.speech.prune()  # drop the recordings of gone takes
        return service

    @cached_property
    def speech(self) -> SpeechTakes:
        from fikadesk.services.interview.speech_takes import SpeechTakes

        return SpeechTakes(self.db, self.interview)

    @cached_property
    def transfer(self) -> TransferService:
        from fikadesk.services.transfer.service import TransferService

        return TransferService(self.db, self.now)

    @cached_property
    def suggestions(self) -> LinkSuggestions:
        from fikadesk.services.leveling.suggest import LinkSuggestions

        return LinkSuggestions(self.db)

    @cached_property
    def charts(self) -> EvidenceCharts:
        from fikadesk.services.leveling.chart import EvidenceCharts

        return EvidenceCharts(self.db)

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
    return Services(db, now, claim)
