"""The demo journal's plan and interview preparation, so every tab has something to look at."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta

from fikadesk.domain.interview.records import Answer, Job, Take
from fikadesk.domain.plan.records import (
    CheckIn,
    ChecklistItem,
    Checkpoint,
    Commitment,
    FollowUp,
    Plan,
    ProcessNotes,
)
from fikadesk.services.container import Services

DEMO_DESCRIPTION = """Staff Engineer, Payments Platform

Responsibilities
- Lead the technical direction of the payments platform across three teams
- Design and review the architecture of billing and invoicing services
- Mentor senior engineers and raise the bar on incident response
- Own reliability targets and on-call health for payments

Requirements
- Deep experience with distributed systems, queues and PostgreSQL
- Python or Go in production
- A record of leading cross-team projects to launch
"""
DEMO_RESEARCH = """Growing the payments group from 3 to 5 teams next year.
Engineering blog: they moved invoicing to an event queue in 2025.
- How do staff engineers split their time between teams?
- Who decides on the architecture of shared services?"""
DEMO_ASPIRATION = (
    "Right now I want to get deep into your payments platform: the invoicing queue, its failure "
    "modes and the people who run it. In two or three years I'd like to own the technical direction "
    "of a platform area like billing, leading the design across teams and growing the senior "
    "engineers around me. Longer term I'm working toward being the engineer an organisation trusts "
    "with its riskiest systems, which is why a staff role on payments is the step I want.")


def add_demo_plan(services: Services, today: date, expectations: Mapping[str, int],
                  entries: Mapping[str, int]) -> None:
    """A plan in progress, started from the 1:1 where the promotion was raised: some items done, a
    manager commitment, checkpoints, two 1:1s with follow-ups (one overdue) and the next one planned
    with a talking point, toward the demo's Staff Engineer target."""
    plan = services.plan
    # the thread comes first: the promotion was raised in a regular 1:1, and the plan started from it
    raised = plan.save_checkin(CheckIn(None, today - timedelta(days=28), ("Promotion timeline",
                                                                        "Design note"),
                                       "Raised the staff promotion early, months before review season.",
                                       "Sam: scope is there; show it across teams, not inside one.",
                                       growth_talk=True),
                               [FollowUp(None, None, "Send Sam my evidence list", "me",
                                         today - timedelta(days=14))])
    plan.start(Plan("Staff Engineer", today + timedelta(days=180), "Sam",
                    ProcessNotes("The promotion committee, on Sam's case", "The director of platform",
                                 "Cross-team design work with measured results",
                                 "Budgets lock at the end of February")), from_checkin=raised)
    review = plan.save_checkpoint(Checkpoint(None, today + timedelta(days=40), "Mid-cycle review with Sam"))
    plan.save_checkpoint(Checkpoint(None, today - timedelta(days=5), "Check the design-review goal"))
    decisions = tuple(expectations[d] for d in ("Decisions",) if d in expectations)
    design_note = entries["Wrote the design note for moving invoices to the new queue"]
    plan.save_item(ChecklistItem(None, "Lead a design across two teams",
                                 "Both teams sign off the design note", "done", decisions, (design_note,)))
    plan.save_item(ChecklistItem(None, "Mentor a senior engineer through an on-call rotation",
                                 "They handle a major incident on their own", "in_progress",
                                 checkpoint_id=review))
    plan.save_item(ChecklistItem(None, "Set a standard other teams adopt",
                                 "A second team uses it without being asked", "open", checkpoint_id=review))
    plan.save_commitment(Commitment(None, "Put me forward to lead the invoicing redesign", "done",
                                    today - timedelta(days=20)))
    plan.save_commitment(Commitment(None, "Ask the director what evidence the committee wants", "open",
                                    today + timedelta(days=10)))
    plan.save_checkin(CheckIn(None, today - timedelta(days=7), ("Mentoring plan",),
                              "Agreed that Amal shadows me on call next rotation."),
                      [FollowUp(None, None, "Find out who else sits on the panel", "manager",
                                today + timedelta(days=7))])
    plan.add_talking_point("How the mentoring is going for Amal", today + timedelta(days=7))


def add_demo_interview(services: Services, now: datetime, entries: Mapping[str, int]) -> None:
    """A target job with its description and research, an aspiration answer rehearsed once, and
    a STAR story built on a journal entry."""
    interview = services.interview
    job = interview.save_job(Job(None, "Staff Engineer", "Northwind Payments", DEMO_DESCRIPTION,
                                 DEMO_RESEARCH, now.date() + timedelta(days=12)))
    parts = ("get deep into your payments platform", "own the technical direction of a platform area",
             "be the engineer an organisation trusts with its riskiest systems", "")
    aspiration = interview.save_answer(Answer(None, "aspirations-career", "What are your career aspirations?",
                                              "aspiration", job.id, DEMO_ASPIRATION, "leadership", parts))
    interview.record_take(Take(None, int(aspiration.id or 0), now - timedelta(days=3), 58, 3,
                               "Open with the queue, it is what they build"))
    story_question = next(q for q in interview.questions() if q.kind == "story")
    cutover = entries["Led the billing migration cut-over"]
    story = ("Billing ran on a ten-year-old system that could not take the new invoice volume.",
             "I was asked to move every account to the new platform without downtime.",
             "I planned the cut-over in three waves, wrote the runbook and ran a rehearsal with support.",
             "Zero downtime, 2.1 million invoices moved, and the runbook is now the team's template.")
    interview.save_answer(Answer(None, story_question.id, story_question.text, "story", None, " ".join(story),
                                 parts=story, entry_ids=(cutover,)))
