"""The briefs the Briefs window can offer: each names its options and how it is written."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from fikadesk.briefs.agenda import AgendaInput, build_agenda
from fikadesk.briefs.interview import InterviewInput, build_interview
from fikadesk.briefs.promotion import PromotionOptions
from fikadesk.domain.leveling.chart import EvidenceChart
from fikadesk.domain.plan.records import PlanState
from fikadesk.services.container import Services


@dataclass(frozen=True)
class BriefChoice:
    """The options picked in the window, handed to a brief's builder."""

    since: date
    until: date
    include_unstarred: bool
    job_id: int | None = None


@dataclass(frozen=True)
class BriefSource:
    """One brief the window offers: its name, what it is, which options it uses, its builder."""

    key: str
    label: str
    about: str
    build: Callable[[BriefChoice], str]
    uses_period: bool = False
    uses_starred: bool = False
    uses_job: bool = False
    #: The evidence chart a saved or printed brief shows (None: this brief has none).
    chart: Callable[[BriefChoice], EvidenceChart | None] | None = None
    #: The builder again, naming the chart's picture in the text.
    build_with_chart: Callable[[BriefChoice, str], str] | None = None


def promotion_source(services: Services, plan: Callable[[], PlanState | None] | None = None,
                     *, with_plan: bool = False) -> BriefSource:
    """The promotion case, gathered from the journal and the target; ``plan`` (when given)
    returns the plan state to add its sections, or ``with_plan`` reads the plan's part in the
    brief's own read transaction (one read for the whole case)."""
    def build(choice: BriefChoice, chart_image: str = "") -> str:
        options = PromotionOptions(choice.since, choice.until, choice.include_unstarred)
        return services.briefs.promotion(options, services.today(), plan() if plan else None,
                                         chart_image, with_plan=with_plan and plan is None)

    def chart(choice: BriefChoice) -> EvidenceChart | None:
        found = services.charts.target_chart(choice.since, choice.until,
                                             starred_only=not choice.include_unstarred)
        return None if found is None or found.empty else found

    return BriefSource(
        "promotion", "Promotion case",
        "Your target level, the next rung in your own words, and the evidence for each of its "
        "expectations, starred first, with the gaps still open. Private entries never appear.",
        build, uses_period=True, uses_starred=True, chart=chart, build_with_chart=build)


def agenda_source(gather: Callable[[], AgendaInput], today: Callable[[], date]) -> BriefSource:
    """The next 1:1 agenda; ``gather`` returns the plan and its prep view (the Plan area)."""
    return BriefSource(
        "agenda", "Next 1:1 agenda",
        "What to bring to your next check-in on one page: follow-ups to close, checkpoints, "
        "items in progress, new starred evidence and questions worth asking.",
        lambda _choice: build_agenda(gather(), today()))


def interview_source(gather: Callable[[int | None], InterviewInput], today: Callable[[], date]
                     ) -> BriefSource:
    """Interview prep for one job; ``gather`` returns the chosen job's answers and stories."""
    return BriefSource(
        "interview", "Interview prep",
        "The job and its key terms, where you are heading, your prepared answers and STAR "
        "stories with their speaking times, and the questions you want to ask (the lines of "
        "your research notes that end in a question mark).",
        lambda choice: build_interview(gather(choice.job_id), today()), uses_job=True)
