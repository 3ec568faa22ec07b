"""A realistic sample journal, plan and interview for the brief tests (fixed dates throughout)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from fikadesk.briefs.agenda import AgendaInput
from fikadesk.briefs.interview import InterviewInput, InterviewJob, PreparedAnswer, StarStory
from fikadesk.domain.journal.entries import EntryDraft
from fikadesk.domain.leveling.importing.importer import parse_ladder_files
from fikadesk.domain.plan.checkin_questions import load_checkin_questions
from fikadesk.domain.plan.prep import EntryRef, prepare_checkin
from fikadesk.domain.plan.records import (
    CheckIn,
    ChecklistItem,
    Checkpoint,
    Commitment,
    FollowUp,
    Plan,
    PlanState,
    ProcessNotes,
)
from fikadesk.services.container import Services

TODAY = date(2026, 11, 20)
RESOURCES = Path(__file__).resolve().parents[2] / "resources"
SUMMARY = (
    "Senior means I lead projects for the team, not only features: I shape vague problems "
    "into plans, own the design and get people behind it.\n\n"
    "I also make the engineers around me better, and I catch risks before they turn into "
    "incidents."
)

# (draft, indexes of the Senior Engineer expectations it is evidence for)
ENTRIES: list[tuple[EntryDraft, tuple[int, ...]]] = [
    (EntryDraft(day=date(2026, 9, 18), title="Led the billing migration cut-over",
                body="Planned the rollout in three waves and wrote the runbook.",
                impact="40,000 accounts moved with zero downtime", starred=True,
                tags=("leadership", "billing")), (0, 2, 5)),
    (EntryDraft(day=date(2026, 3, 9), title="Shaped the vague 'make search faster' ask",
                body="Turned a complaint thread into three measurable goals.",
                impact="p95 latency goal agreed by product: 300 ms", starred=True), (1, 2)),
    (EntryDraft(day=date(2026, 6, 2), title="Wrote the design for the search index rebuild",
                impact="Approved by both teams it touches after one review", starred=False),
     (3, 0)),
    (EntryDraft(day=date(2026, 7, 14), title="Said not yet to the reporting rewrite",
                body="Explained that it would delay the billing migration by a quarter.",
                impact="Team kept its Q3 goal; the rewrite is planned for Q1"), (4,)),
    (EntryDraft(day=date(2026, 10, 21), title="Caught a data-loss bug in design review",
                impact="Avoided a week of manual clean-up", starred=True), (6,)),
    (EntryDraft(day=date(2026, 1, 27), title="Added disk alerts before the holiday freeze",
                impact="The one disk incident of the season paged us 6 hours early"), (6,)),
    (EntryDraft(day=date(2026, 4, 30), title="Flagged the expiring payment certificates",
                impact="Renewed three weeks before expiry", starred=False), (6,)),
    (EntryDraft(day=date(2026, 10, 2), title="Mentored Priya through her first on-call week",
                impact="She handled two incidents on her own", starred=True), (7,)),
    (EntryDraft(day=date(2026, 5, 12), title="Paired with Tomás on his first design doc",
                impact="He now writes them without help"), (7,)),
    (EntryDraft(day=date(2026, 8, 25), title="Cut the export feature's scope with design",
                impact="Shipped two weeks early with the parts customers asked for"), (8,)),
    (EntryDraft(day=date(2026, 11, 4), title="Proposed the on-call handbook; team adopted it",
                impact="Pages per week down from 14 to 5", starred=True), (5,)),
    # Private: linked, inside the period, but must never appear in any brief.
    (EntryDraft(day=date(2026, 9, 30), title="Frank notes on the reorg rumours",
                impact="Not for anyone else's eyes", starred=True, private=True), (0, 7)),
    # Outside the default period (older than 12 months).
    (EntryDraft(day=date(2025, 10, 1), title="Ran the 2025 hack week", starred=True,
                impact="Four prototypes"), (7,)),
]
TRASHED = (EntryDraft(day=date(2026, 2, 2), title="Duplicate of the disk alerts entry",
                      starred=True), (6,))


def fill_journal(services: Services) -> dict[str, int]:
    """Import the bundled software-engineer ladder, set a target and add linked entries."""
    ladder = parse_ladder_files([RESOURCES / "ladders" / "software-engineer.md"])
    ladder_id = services.leveling.import_ladder(ladder)
    services.leveling.set_target(ladder_id, "Engineer II", "Senior Engineer",
                                 date(2027, 3, 31), SUMMARY)
    stored = services.leveling.get_ladder(ladder_id)
    senior = stored.find_level("Senior Engineer")
    assert senior is not None
    ids = [e.id for e in senior.expectations]
    made: dict[str, int] = {}
    for draft, links in ENTRIES:
        entry = services.journal.add(draft)
        services.leveling.link_entry(entry.id, [ids[i] for i in links])
        made[draft.title] = entry.id
    draft, links = TRASHED
    trashed = services.journal.add(draft)
    services.leveling.link_entry(trashed.id, [ids[i] for i in links])
    services.journal.delete(trashed.id)
    return made


def sample_plan() -> PlanState:
    """A plan three check-ins in, with a checklist, commitments and an open follow-up."""
    checkins = (
        CheckIn(1, date(2026, 6, 10), ("I want to work toward Senior",),
                notes="Raised the promotion as a growth topic. Sam agreed to make it a "
                      "standing item and asked for a list of projects I led.",
                growth_talk=True, has_prep=True),
        CheckIn(2, date(2026, 9, 2), ("Billing migration plan",),
                notes="Sam said 'not yet': compared to other seniors I have not yet led "
                      "a cross-team design. We turned that into two checklist items.",
                growth_talk=True),
        CheckIn(3, date(2026, 10, 28), ("On-call handbook",),
                notes="Reviewed the billing migration; Sam will bring the case to the "
                      "calibration in February."),
        CheckIn(4, date(2026, 11, 25), ()),
    )
    return PlanState(
        plan=Plan("Senior Engineer", date(2027, 3, 31), "Sam Ortiz",
                  ProcessNotes(who_decides="Engineering director, at the February calibration",
                               who_weighs_in="Two senior peers and the product lead",
                               evidence_wanted="Projects led end to end, with numbers",
                               budget_lock="Mid January")),
        checklist=(
            ChecklistItem(1, "Lead one cross-team design", "Both teams approve it", "in_progress",
                          source_checkin_id=2),
            ChecklistItem(2, "Run the billing migration", "Cut-over without an incident", "done",
                          entry_ids=(1,)),
            ChecklistItem(3, "Mentor a newer engineer", "They take on-call alone", "done"),
            ChecklistItem(4, "Present the search plan to the group", "", "open"),
            ChecklistItem(5, "Own the reporting rewrite", "", "dropped"),
        ),
        commitments=(
            Commitment(1, "Put my case on the February calibration list", "open",
                       date(2027, 1, 15)),
            Commitment(2, "Ask the director what evidence convinced them last time", "done"),
            Commitment(3, "Find me a cross-team design to lead", "open", date(2026, 11, 1)),
        ),
        checkpoints=(
            Checkpoint(1, date(2026, 9, 30), "Billing migration done?", reviewed=True),
            Checkpoint(2, date(2026, 11, 15), "Cross-team design started?"),
            Checkpoint(3, date(2027, 1, 10), "Case ready for calibration"),
        ),
        checkins=checkins,
        followups=(
            FollowUp(1, 1, "Send Sam the list of projects I led", "me", date(2026, 6, 20),
                     done_on=date(2026, 6, 18)),
            FollowUp(2, 2, "Ask the search team lead about the index design", "me",
                     date(2026, 9, 20)),
            FollowUp(3, 3, "Share the calibration timeline", "manager", date(2026, 11, 30)),
        ),
    )


def sample_agenda() -> AgendaInput:
    """The prep view of the sample plan for the check-in on 25 November."""
    state = sample_plan()
    starred = (EntryRef(11, date(2026, 11, 4), "Proposed the on-call handbook; team adopted it"),
               EntryRef(5, date(2026, 10, 21), "Caught a data-loss bug in design review"))
    prep = prepare_checkin(state, starred, TODAY, load_checkin_questions(RESOURCES))
    return AgendaInput(state.plan, prep)


def sample_interview() -> InterviewInput:
    """Interview prep for a staff role, with an aspiration, one answer and two stories."""
    return InterviewInput(
        job=InterviewJob(
            "Senior Backend Engineer", "Northwind Payments", date(2026, 12, 3),
            ("payments", "on-call", "mentoring", "system design", "Kafka"),
            notes="Team of six owning the ledger service. They want someone to lead the "
                  "move to event sourcing."),
        aspiration=PreparedAnswer(
            "Where do you see yourself in five years?",
            "Right now I want to go deep on payment systems and the reliability work around "
            "them. In the next two years I want to lead projects that span teams, like the "
            "billing migration I ran this year. Longer term I see myself as the person who "
            "shapes how a payments platform grows, while helping other engineers get there."),
        answers=(PreparedAnswer(
            "Why this role?",
            "Your ledger move is the kind of project I do best: a risky migration with money "
            "on the line, where planning and on-call discipline matter more than heroics."),),
        stories=(
            StarStory("The billing migration", "40,000 accounts had to move to the new "
                      "billing system without downtime.", "I was asked to plan and lead the "
                      "cut-over.", "I split it into three waves, wrote the runbook and ran a "
                      "dry run with support on call.", "Every account moved with zero "
                      "downtime.", date(2026, 9, 18)),
            StarStory("A data-loss bug caught in review", "A new rollup job was in design "
                      "review.", "", "I noticed it wrote outside a transaction and showed how "
                      "a crash would lose rows.", "We fixed it before release and avoided a "
                      "week of clean-up.", date(2026, 10, 21)),
        ),
        questions_to_ask=("What would success look like in the first six months?",
                          "How does the team share on-call?"),
    )


def fill_plan(services: Services, made: dict[str, int]) -> None:
    """Store the sample plan through the plan service (after ``fill_journal``)."""
    state = sample_plan()
    services.plan.start(state.plan)
    checkin_ids: dict[int, int] = {}
    for checkin in state.checkins:
        followups = [replace(f, id=None, checkin_id=None, done_on=None)
                     for f in state.followups if f.checkin_id == checkin.id]
        checkin_ids[checkin.id or 0] = services.plan.save_checkin(replace(checkin, id=None),
                                                                  followups)
    stored = services.plan.state()
    assert stored is not None
    for followup in stored.followups:
        done = next(f.done_on for f in state.followups if f.text == followup.text)
        if done is not None:
            services.plan.set_followup_done(followup.id or 0, done)
    migration = made["Led the billing migration cut-over"]
    for item in state.checklist:
        source = checkin_ids.get(item.source_checkin_id or 0)
        services.plan.save_item(replace(item, id=None, source_checkin_id=source,
                                        entry_ids=(migration,) if item.entry_ids else ()))
    for commitment in state.commitments:
        services.plan.save_commitment(replace(commitment, id=None))
    for checkpoint in state.checkpoints:
        services.plan.save_checkpoint(replace(checkpoint, id=None))


JOB_DESCRIPTION = """Senior Backend Engineer, Ledger team

Northwind Payments moves money for 2,000 small businesses. The ledger team of six owns the
service every payment passes through.

What you will do:
- Lead the move of the ledger service to event sourcing on Kafka
- Design payment systems that stay correct under failure
- Share on-call for the ledger service and improve its runbooks
- Mentor engineers on the team through design reviews

Requirements:
- Experience running payment systems or other systems where money is on the line
- System design experience with event-driven services and Kafka
- Mentoring other engineers
"""

RESEARCH = """Series C last spring; the ledger team doubled this year.
- Engineering blog: they write design docs for every change to the ledger.
- What would success look like in the first six months?
- How does the team share on-call?
Glassdoor says promotions are decided twice a year."""


def fill_interview(services: Services, made: dict[str, int]) -> int:
    """Store a target job with answers and stories (after ``fill_journal``); return the job id."""
    from fikadesk.domain.interview.records import Answer, Job

    job = services.interview.save_job(Job(None, "Senior Backend Engineer", "Northwind Payments",
                                          JOB_DESCRIPTION, RESEARCH, date(2026, 12, 3)))
    other = services.interview.save_job(Job(None, "Staff Engineer", "Elsewhere Ltd"))
    assert job.id is not None and other.id is not None
    save = services.interview.save_answer
    # A general aspiration answer, then this job's own one: the job's own is the brief's.
    save(Answer(None, "aspirations-career", "What are your career aspirations?", "aspiration",
                None, "I want to grow into a technical lead for payment systems."))
    save(Answer(None, "aspirations-five-years", "Where do you see yourself in five years?",
                "aspiration", job.id,
                "Right now I want to go deep on payment systems and the reliability work around "
                "them. In the next two years I want to lead projects that span teams, like the "
                "billing migration I ran this year. Longer term I see myself as the person who "
                "shapes how a payments platform grows, while helping other engineers get there.",
                "impact", ("Go deep on payment systems", "Lead projects across teams",
                           "Shape how a payments platform grows")))
    # A motivation answer written for any job, and the same question rewritten for this job.
    save(Answer(None, "motivation-hope-to-get", "What are you hoping to get out of this role?",
                "motivation", None, "A bigger team."))
    save(Answer(None, "motivation-hope-to-get", "What are you hoping to get out of this role?",
                "motivation", job.id,
                "Your ledger move is the kind of project I do best: a risky migration with money "
                "on the line, where planning and on-call discipline matter more than heroics."))
    save(Answer(None, "motivation-why-company", "Why do you want to work here?", "motivation",
                other.id, "Answer for the other job: never in this brief."))
    save(Answer(None, "aspirations-next-step", "What would you like your next career step to be?",
                "aspiration", job.id, ""))  # empty: left out
    parts = ("40,000 accounts had to move to the new billing system without downtime.",
             "I was asked to plan and lead the cut-over.",
             "I split it into three waves, wrote the runbook and ran a dry run with support "
             "on call.", "Every account moved with zero downtime.")
    save(Answer(None, "story-leadership",
                "Describe a time you led a project or a group without formal authority.",
                "story", None, " ".join(parts), "", parts,
                (made["Led the billing migration cut-over"],)))
    save(Answer(None, "story-initiative", "Tell me about something you improved without being asked.",
                "story", job.id,
                "In a design review I noticed a new rollup job wrote outside a transaction. I "
                "showed how a crash would lose rows, and we fixed it before release.", "", (),
                (made["Caught a data-loss bug in design review"],)))
    return job.id
