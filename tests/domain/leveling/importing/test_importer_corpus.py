"""More of the ladder corpus: a company handbook, YAML and JSON variants, hostile files."""

from __future__ import annotations

from pathlib import Path

import pytest

from fikadesk.domain.leveling.importing.importer import (
    LadderImport,
    LadderImportError,
    parse_ladder_files,
    parse_ladder_text,
)

DATA = Path(__file__).resolve().parents[3] / "data" / "ladders"

Flat = list[tuple[str, str, list[tuple[str, str]]]]


def flat(result: LadderImport) -> Flat:
    return [(lv.name, lv.description, [(e.dimension, e.text) for e in lv.expectations])
            for lv in result.ladder.levels]


def test_company_handbook_with_overview_table_details_and_reading_list() -> None:
    result = parse_ladder_files([DATA / "markdown" / "company_handbook.md"])
    assert (result.name, result.level_depth, result.heading_depths) == (
        "Platform Engineering Career Framework", 2, (1, 2, 3))
    assert result.dimensions == ("Technical skill", "Delivery", "Collaboration", "Influence")
    assert flat(result) == [
        ("P1 — Engineer", "Builds features with support from the team.", [
            ("Technical skill", "Writes tested, readable code for well-scoped tasks."),
            ("Technical skill", "Debugs issues in their own code with light guidance."),
            ("Delivery", "Estimates their own tasks to within a few days. Raises risks early "
                         "instead of at the deadline."),
            ("Collaboration", "Asks for reviews and responds to feedback the same day.")]),
        ("P2 — Senior Engineer", "Owns projects end to end and makes the team better.", [
            ("Technical skill", "Designs systems spanning two or three services."),
            ("Technical skill", "Spots performance problems before they reach production."),
            ("Delivery", "Breaks a quarter-long project into milestones others can pick up."),
            ("Delivery", "Ships on the date agreed, or renegotiates it early."),
            ("Collaboration", "Mentors one or two engineers"),
            ("Collaboration", "Writes design docs that other teams can review without a "
                              "meeting.")]),
        ("P3 — Staff Engineer", "Shapes the technical direction of a group of teams.", [
            ("Technical skill", "Sets architecture standards adopted across the platform "
                                "group."),
            ("Influence", "Aligns three or more teams on a shared technical plan."),
            ("Influence", "Grows senior engineers into technical leads.")]),
    ]
    assert result.warnings == ()
    assert result.skipped == ("'Levels at a glance': only a table",
                              "'Related reading': no list items")
    assert result.rule == "levels are the ## headings under 'Platform Engineering Career Framework'"
    assert result.unread == "3 table rows and 4 lines of prose were not read"
    assert not result.below_bar


def test_handbook_levels_at_depth_three_are_the_dimensions() -> None:
    result = parse_ladder_files([DATA / "markdown" / "company_handbook.md"], level_depth=3)
    assert result.level_names == ("Technical skill", "Delivery", "Collaboration",
                                  "Technical skill (2)", "Delivery (2)", "Collaboration (2)",
                                  "Technical skill (3)", "Influence")
    assert [n for _name, n in result.expectation_counts] == [2, 1, 1, 2, 2, 2, 1, 2]


def test_deeply_nested_headings_and_items() -> None:
    result = parse_ladder_files([DATA / "hostile" / "deeply_nested.md"])
    assert (result.name, result.level_depth) == ("Deep", 2)
    assert flat(result) == [
        ("Level A", "", [("Small changes", text) for text in (
            "Reviews small changes the same day.", "Leaves one clear suggestion per comment.",
            "Approves when the change is safe.", "Follows up on the fix.", "Thanks the author.",
            "Links the style guide.", "Checks the tests.", "Runs the code locally.")]),
        ("Level B", "", [("Roadmap", "Plans the team's quarter.")]),
    ]


@pytest.mark.parametrize(("file", "message"), [
    ("html_only.md", "html_only.md: no levels found: a level is a heading with list items "
                     "below it"),
    ("front_matter_only.md", "front_matter_only.md: no levels found: a level is a heading "
                             "with list items below it"),
    ("header_only.csv", "header_only.csv: no levels found: no level has any expectations"),
])
def test_files_without_any_ladder_are_refused(file: str, message: str) -> None:
    with pytest.raises(LadderImportError) as caught:
        parse_ladder_files([DATA / "hostile" / file])
    assert str(caught.value) == message


def test_yaml_with_title_level_keys_and_competencies() -> None:
    result = parse_ladder_files([DATA / "yaml" / "rows_by_dimension.yml"])
    assert (result.name, result.source_format) == ("Support", "yaml")
    assert flat(result) == [
        ("Support Specialist", "Solves customer problems from the queue.", [
            ("Customers", "Answers tickets within the agreed time"),
            ("Customers", "Writes replies customers understand"),
            ("Knowledge", "Updates the help centre when an answer is missing")]),
        ("Senior Support Specialist", "", [
            ("Customers", "Handles escalated and angry customers calmly"),
            ("Team", "Trains new specialists on the queue")]),
    ]


def test_json_with_a_dimension_mapping_and_plain_strings() -> None:
    result = parse_ladder_files([DATA / "json" / "nested_dimensions.json"])
    assert (result.name, result.source_format) == ("Design", "json")
    assert flat(result) == [
        ("Designer", "Designs features.", [
            ("Craft", "Designs clear flows"), ("Craft", "Uses the design system"),
            ("Research", "Runs usability tests with support")]),
        ("Senior Designer", "", [
            ("Craft", "Designs across a product area"),
            ("General", "Presents design decisions to leadership")]),
    ]


@pytest.mark.timeout(60)
def test_a_huge_ladder_just_under_the_limits_is_read_whole_and_fast() -> None:
    filler = "and keeps the notes others rely on " * 8
    text = "# Huge\n\n" + "".join(
        f"## Level {level}\n\n" + "".join(
            f"- **Dimension {item % 7}:** Expectation {level}.{item} {filler}\n"
            for item in range(100))
        for level in range(150))
    assert 4_000_000 < len(text.encode()) < 5 * 1024 * 1024
    result = parse_ladder_text(text, filename="huge.md")  # too slow shows as the timeout
    assert len(result.level_names) == 150
    assert result.expectation_counts[149] == ("Level 149", 100)
    assert result.dimensions == tuple(f"Dimension {n}" for n in range(7))
    last = result.ladder.levels[-1].expectations[-1]
    assert (last.dimension, last.text) == ("Dimension 1", f"Expectation 149.99 {filler.strip()}")
