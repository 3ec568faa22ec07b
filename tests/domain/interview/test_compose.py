"""Composing an aspiration from Now / Next / Future as a person writes it (issue 20, item 3)."""

import pytest

from fikadesk.domain.interview.answers import compose_aspiration
from fikadesk.domain.interview.compose import compose_part

# (part, what the person typed, the sentence it becomes)
TABLE = [
    # the two from issue 20
    ("future", "Be a CTO somewhere", "Longer term, I hope to be a CTO somewhere."),
    ("future", "Longer term I see myself running a platform group",
     "Longer term I see myself running a platform group."),
    # the person's own lead-in is kept, never doubled
    ("future", "Longer term, a CTO role somewhere", "Longer term, I'm working toward a CTO role somewhere."),
    ("future", "long-term: head of data", "Long-term, I'm working toward head of data."),
    ("future", "Eventually I'd like to run engineering at a start-up.",
     "Eventually I'd like to run engineering at a start-up."),
    ("future", "Someday I'll start my own company", "Someday I'll start my own company."),
    ("now", "right now, own the billing service", "Right now, I want to own the billing service."),
    ("now", "Right now I want to get good at Kotlin", "Right now I want to get good at Kotlin."),
    ("now", "At the moment I lead release planning", "At the moment I lead release planning."),
    ("next", "In two or three years I'd like to own a service end to end",
     "In two or three years I'd like to own a service end to end."),
    ("next", "Over the next few years, grow into a staff role",
     "Over the next few years, I'd like to grow into a staff role."),
    ("next", "In a few years a team lead role", "In a few years, I'd like to grow into a team lead role."),
    ("next", "Next, a tech lead role", "Next, I'd like to grow into a tech lead role."),
    # a sentence of the person's own is kept as written
    ("next", "I want to lead a team", "I want to lead a team."),
    ("future", "my goal is to run payments", "My goal is to run payments."),
    ("now", "What I want first is to learn your stack", "What I want first is to learn your stack."),
    # fragments: verbs, "to" + verb, a modal the lead already says, -ing, nouns
    ("future", "Become the person people ask about payments!",
     "Longer term, I hope to become the person people ask about payments."),
    ("next", "To lead the analytics team", "Over the next few years, I'd like to lead the analytics team."),
    ("next", "Want to move into engineering management",
     "Over the next few years, I'd like to move into engineering management."),
    ("next", "I'd like to move into management", "I'd like to move into management."),
    ("now", "Learning your data stack", "In this role, I want to focus on learning your data stack."),
    ("now", "Managing the on-call rota and mentoring two juniors",
     "In this role, I want to focus on managing the on-call rota and mentoring two juniors."),
    ("future", "Leading a team of teams", "Longer term, I see myself leading a team of teams."),
    ("future", "A CTO role", "Longer term, I'm working toward a CTO role."),
    ("now", "The Kotlin migration", "In this role, I want to focus on the Kotlin migration."),
    # proper nouns, acronyms, tools and titles keep their capitals
    ("now", "Python and SQL", "In this role, I want to focus on Python and SQL."),
    ("now", "SQL performance tuning", "In this role, I want to focus on SQL performance tuning."),
    ("future", "iOS platform expertise", "Longer term, I'm working toward iOS platform expertise."),
    ("future", "Staff Engineer at a company like yours",
     "Longer term, I'm working toward Staff Engineer at a company like yours."),
    ("now", "Kubernetes and the platform team",
     "In this role, I want to focus on Kubernetes and the platform team."),
    # spacing and punctuation
    ("now", "  own   the reporting .  ", "In this role, I want to own the reporting."),
    ("future", "", ""),
    ("future", "my own consultancy, one day", "Longer term, I'm working toward my own consultancy, one day."),
    ("now", "Go deep on Rust", "In this role, I want to go deep on Rust."),
    ("now", " ... ", ""),
    ("next", "Longer term,", ""),
]


@pytest.mark.parametrize(("part", "typed", "expected"), TABLE)
def test_each_part_reads_as_a_person_writes(part: str, typed: str, expected: str) -> None:
    assert compose_part(part, typed) == expected


def test_compose_part_rejects_unknown_part() -> None:
    with pytest.raises(ValueError, match="part"):
        compose_part("later", "x")


def test_the_issue_20_answer_composes_without_garbling() -> None:
    text = compose_aspiration(
        "Learning your payments stack",
        "Over the next few years, I'd like to lead the ledger team",
        "Longer term I see myself as a CTO somewhere",
    )
    assert text == (
        "In this role, I want to focus on learning your payments stack. Over the next few years, "
        "I'd like to lead the ledger team. Longer term I see myself as a CTO somewhere."
    )
    assert compose_aspiration("", "", "Be a CTO somewhere") == "Longer term, I hope to be a CTO somewhere."


def test_a_lead_in_of_the_persons_own_replaces_the_role_lead() -> None:
    assert compose_aspiration("Right now, learning Kotlin", "a team lead role", "", company="Acme") == (
        "Right now, I want to focus on learning Kotlin. Over the next few years, I'd like to grow "
        "into a team lead role."
    )

