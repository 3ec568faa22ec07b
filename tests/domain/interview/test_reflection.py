"""Tests for the reflection worksheet and aspiration-kind suggestions."""

from fikadesk.domain.interview.reflection import KindSuggestion, Worksheet, suggest_kinds


def test_suggest_kinds_ranks_and_explains_from_answers() -> None:
    sheet = Worksheet(
        strengths="explaining complex systems, debugging",
        tasks_enjoyed="mentoring new hires and leading design reviews",
        tasks_dreaded="budget spreadsheets",
        manage_people="yes",
        work_style="team",
        success_measure="customers adopt what we ship",
        fulfilment=frozenset({"helping_people", "continual_learning"}),
    )
    assert suggest_kinds(sheet) == (
        KindSuggestion(
            "leadership",
            12,
            "Leadership fits wanting to manage people, the tasks you enjoy (mentoring new hires "
            "and leading design reviews) and being fulfilled by helping people.",
        ),
        KindSuggestion(
            "expertise",
            4,
            "Expertise fits your strengths (explaining complex systems, debugging) and being "
            "fulfilled by continual learning.",
        ),
        KindSuggestion(
            "impact",
            4,
            "Impact fits how you measure success (customers adopt what we ship), being "
            "fulfilled by helping people and preferring team work.",
        ),
    )


def test_no_to_managing_and_autonomy_favour_other_kinds() -> None:
    sheet = Worksheet(
        tasks_enjoyed="prototyping new product ideas",
        tasks_dreaded="managing people",
        manage_people="no",
        work_style="autonomy",
        fulfilment=frozenset({"innovation"}),
    )
    result = suggest_kinds(sheet, top=5)
    assert [(s.kind, s.score) for s in result] == [
        ("entrepreneurial", 9),
        ("impact", 2),
        ("expertise", 1),
        ("work_life", 1),
    ]
    assert result[-1].why == "Work-life design fits preferring autonomy."


def test_empty_worksheet_suggests_nothing() -> None:
    assert suggest_kinds(Worksheet()) == ()
