"""Each brief, built from the realistic sample journal, matches its reviewed golden file."""

from __future__ import annotations

from fikadesk.briefs.agenda import build_agenda
from fikadesk.briefs.interview import build_interview
from fikadesk.briefs.promotion import PromotionOptions, default_period
from fikadesk.domain.plan.checkin_questions import load_checkin_questions
from fikadesk.services.briefs import gather_agenda, gather_interview
from fikadesk.services.container import Services
from tests.briefs.golden import check_golden
from tests.briefs.sample import (
    RESOURCES,
    TODAY,
    fill_interview,
    fill_journal,
    fill_plan,
    sample_agenda,
    sample_interview,
    sample_plan,
)


def test_promotion_case_with_plan(services: Services) -> None:
    fill_journal(services)
    options = PromotionOptions(*default_period(TODAY))
    check_golden("promotion.md", services.briefs.promotion(options, TODAY, sample_plan()))


def test_promotion_case_starred_only_without_plan(services: Services) -> None:
    fill_journal(services)
    since, until = default_period(TODAY)
    options = PromotionOptions(since, until, include_unstarred=False)
    check_golden("promotion_starred.md", services.briefs.promotion(options, TODAY))


def test_agenda() -> None:
    check_golden("agenda.md", build_agenda(sample_agenda(), TODAY))


def test_interview() -> None:
    check_golden("interview.md", build_interview(sample_interview(), TODAY))


def test_same_data_and_date_give_the_same_text(services: Services) -> None:
    fill_journal(services)
    options = PromotionOptions(*default_period(TODAY))
    first = services.briefs.promotion(options, TODAY, sample_plan())
    assert services.briefs.promotion(options, TODAY, sample_plan()) == first


def test_promotion_case_with_the_stored_plan(services: Services) -> None:
    made = fill_journal(services)
    fill_plan(services, made)
    options = PromotionOptions(*default_period(TODAY))
    check_golden("promotion.md", services.briefs.promotion(options, TODAY, services.plan.state()))


def test_agenda_from_the_stored_plan(services: Services) -> None:
    made = fill_journal(services)
    fill_plan(services, made)
    agenda = gather_agenda(services.plan, TODAY, load_checkin_questions(RESOURCES))
    check_golden("agenda_journal.md", build_agenda(agenda, TODAY))


def test_interview_from_the_stored_job_and_answers(services: Services) -> None:
    made = fill_journal(services)
    job_id = fill_interview(services, made)
    data = gather_interview(services.interview, job_id, 140)
    check_golden("interview_journal.md", build_interview(data, TODAY))
