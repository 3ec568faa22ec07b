"""What the Interview tab uses of an open journal's services: five services and the clock.

The window hands it the services container, which has these and more; the tab and its answer
pane are typed against this narrower shape, so they cannot reach for anything else (and a test
can hand them a smaller object). Each service is still built on first use.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from fikadesk.services.interview.service import InterviewService
    from fikadesk.services.interview.speech_takes import SpeechTakes
    from fikadesk.services.journal.service import JournalService
    from fikadesk.services.leveling.service import LevelingService
    from fikadesk.services.preferences import PreferencesService


class InterviewServices(Protocol):
    """The interview answers, the target's expectations, journal entries to cite, the speaking
    preferences and recordings, and today's date."""

    @property
    def interview(self) -> InterviewService: ...

    @property
    def leveling(self) -> LevelingService: ...

    @property
    def journal(self) -> JournalService: ...

    @property
    def preferences(self) -> PreferencesService: ...

    @property
    def speech(self) -> SpeechTakes: ...

    @property
    def now(self) -> Callable[[], datetime]: ...

    def today(self) -> date: ...
