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
from fikadesk.services.speech_takes import SpeechTakes
from fikadesk.services.transfer import TransferService
from fikadesk.storage.engine import Database, open_database


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
    today: Callable[[], date]
    now: Callable[[], datetime]

    def close(self) -> None:
        """Close the journal."""
        self.db.close()


def build_services(
    path: Path,
    *,
    create: bool = True,
    clock: Callable[[], datetime] | None = None,
) -> Services:
    """Open the journal at ``path`` and build its services around it."""
    db = open_database(path, create=create)
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
        today=lambda: now().date(),
        now=now,
    )
