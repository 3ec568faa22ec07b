"""Shapes real companies publish, in examples written for these tests (issues 14 and 18)."""

from __future__ import annotations

from pathlib import Path

from fikadesk.domain.leveling.importing.importer import LadderImport, parse_ladder_files, parse_ladder_text

SHAPES = Path(__file__).resolve().parents[3] / "data" / "ladders" / "shapes"

Flat = list[tuple[str, list[tuple[str, str]]]]


def flat(result: LadderImport) -> Flat:
    return [(lv.name, [(e.dimension, e.text) for e in lv.expectations])
            for lv in result.ladder.levels]


def load(name: str, **kwargs: object) -> LadderImport:
    return parse_ladder_files([SHAPES / name], **kwargs)  # type: ignore[arg-type]


def test_title_overview_table_pictures_and_a_trailing_list_of_links() -> None:
    result = load("title_picture_links.md")
    assert (result.name, result.level_names) == (
        "Data Engineer", ("DE1 - Data Engineer 1", "DE2 - Data Engineer 2", "DE3 - Data Engineer 3"))
    assert [n for _l, n in result.expectation_counts] == [3, 3, 3]
    assert result.dimensions == ("Pipelines", "Quality", "Reach")
    assert result.rule == "levels are the ## headings under 'Data Engineer'"
    assert result.unread == ("3 table rows and 1 line of prose were not read; 2 list items "
                             "outside the levels were left out")
    assert (result.below_bar, result.alternatives) == (False, ())
    # the same expectation on two levels stays on both
    assert flat(result)[0][1][2] == flat(result)[1][1][2] == ("Reach", "works inside one data domain")


def test_a_folder_of_pages_ordered_by_weight_index_and_faq_skipped() -> None:
    result = load("hugo_levels")
    assert result.level_names == ("Support Associate", "Support Advocate", "Support Specialist",
                                  "Support Lead")
    assert result.order_rule == "by front matter 'weight'"
    assert result.skipped == ("_index.md: a section index page",
                              "faq.md: a list of questions and answers")
    assert result.files == ("advocate.md", "associate.md", "lead.md", "specialist.md")
    assert result.ladder.levels[0].description == "Answers the queue with a buddy nearby."


def test_two_tracks_the_first_is_read_and_the_other_offered() -> None:
    result = load("two_tracks.md")
    assert result.level_names == ("P1 Engineer", "P2 Senior Engineer", "P3 Staff Engineer")
    assert result.rule == "levels are the ### headings of the track 'Individual contributor track'"
    [other] = result.alternatives
    assert (other.choice, other.level_names) == (
        2, ("M1 Engineering Manager", "M2 Senior Engineering Manager"))
    assert other.rule == "levels are the ### headings of the track 'Manager track'"
    picked = load("two_tracks.md", reading=2)
    assert (picked.choice, picked.level_names) == (2, other.level_names)
    assert [a.choice for a in picked.alternatives] == [1]
    assert flat(picked)[0] == ("M1 Engineering Manager", [
        ("People", "holds weekly one-on-ones"), ("Delivery", "keeps the team's plan honest")])


def test_levels_as_h3_under_a_track_h2_without_the_word_track() -> None:
    text = ("# Ladder\n## Engineering\n### E1\n- **Code:** fixes bugs\n### E2\n- **Code:** "
            "designs modules\n## Management\n### M1\n- **People:** runs one-on-ones\n")
    result = parse_ladder_text(text, filename="l.md")
    assert result.level_names == ("E1", "E2")
    assert [a.level_names for a in result.alternatives] == [("M1",)]


def test_markdown_matrix_with_levels_as_columns() -> None:
    result = load("matrix_columns.md")
    assert result.rule == ("levels are the columns Designer I … Lead Designer of 1 table, "
                           "competencies as rows")
    assert flat(result)[0] == ("Designer I", [
        ("Research", "Joins interviews run by others"),
        ("Craft", "Uses the design system as it is"), ("Craft", "Asks for critique")])
    assert [n for _l, n in result.expectation_counts] == [3, 3, 3, 3]  # "-" asks nothing
    assert result.unread == "0 table rows and 2 lines of prose were not read"


def test_csv_matrix_with_levels_as_columns_and_several_items_in_a_cell() -> None:
    result = load("matrix_columns.csv")
    assert result.level_names == ("Level 1", "Level 2", "Level 3", "Level 4")
    assert flat(result)[0] == ("Level 1", [
        ("Testing", "Writes unit tests"), ("Testing", "Runs the suite before pushing"),
        ("Collaboration", "Asks for reviews early"),
        ("Collaboration", "answers reviews the same day")])
    assert result.source_format == "csv"


def test_csv_matrix_with_levels_as_rows() -> None:
    result = load("matrix_rows.csv")
    assert result.rule == "levels are the rows, dimensions as the columns"
    assert flat(result)[2] == ("Senior Analyst", [
        ("Scope", "Several areas"), ("Autonomy", "Frames the questions worth asking"),
        ("Impact", "Changes a group's plan")])


def test_html_table_in_markdown_with_list_cells() -> None:
    result = load("html_table.md")
    assert flat(result) == [
        ("Marketer", [("Campaigns", "Runs campaigns someone else planned"),
                      ("Campaigns", "Reports the numbers each week"),
                      ("Writing", "Writes copy that needs light edits")]),
        ("Senior Marketer", [("Campaigns", "Plans a channel's campaigns for a quarter"),
                             ("Writing", "Edits the copy of others"),
                             ("Writing", "Keeps the voice guide")]),
        ("Principal Marketer", [("Campaigns", "Sets the campaign calendar of the year")]),
    ]


def test_numeric_skills_tables_with_a_scale_and_advice_sections() -> None:
    result = load("skills_proficiency.md")
    assert result.level_names == ("Junior", "Mid", "Senior")
    assert flat(result)[0] == ("Junior", [
        ("Building", "Accessibility: level 1 (Aware)"), ("Building", "Testing: level 1 (Aware)"),
        ("Working together", "Code review: level 1 (Aware)"),
        ("Working together", "Design handoff: level 1 (Aware)")])  # 0 asks nothing
    assert result.unread == ("0 table rows and 0 lines of prose were not read; 5 list items "
                             "outside the levels were left out")


def test_competency_first_file_regrouped_by_level() -> None:
    result = load("competency_first.md")
    assert result.rule == ("levels are the ### headings inside each ## competency "
                           "('Communication', 'Ownership'), regrouped by level")
    assert flat(result)[1] == ("Mid", [
        ("Communication", "Writes short design notes that others can review."),
        ("Communication", "Explains trade-offs to product partners."),
        ("Ownership", "Owns a feature until it is in use.")])
    assert result.level_names == ("Junior", "Mid", "Senior")


def test_competency_first_folder_read_recursively() -> None:
    result = load("competency_folder")
    assert result.level_names == ("Junior", "Mid", "Senior")
    assert flat(result)[2] == ("Senior", [
        ("Testing", "Decides where the group tests what."),
        ("Mentoring", "Mentors two engineers towards the next level.")])
    assert result.skipped == ("README.md: a section index page",)


def test_levels_written_as_labelled_paragraphs_placeholders_left_out() -> None:
    result = load("labelled_paragraphs.md")
    assert flat(result) == [
        ("Researcher I (R1)", [("Methods", "Runs interviews from a guide someone else wrote."),
                               ("Sharing", "Writes up findings the same week.")]),
        ("Researcher II (R2)", [
            ("Methods", "Writes the interview guide and picks the participants."),
            ("Sharing", "Presents findings to the squad and answers questions.")]),
    ]
    assert result.ladder.levels[0].description == "Learns the methods of the team."


def test_advice_that_is_not_a_ladder_is_below_the_bar() -> None:
    result = load("advice_only.md")
    assert result.below_bar
    assert result.concerns == ("its level names do not read as levels",)
    assert result.refusal().startswith(
        "the best reading found 3 levels (Before the meeting … After the meeting), 5 "
        "expectations: levels are the ## headings under 'Preparing for your review'; but its "
        "level names do not read as levels; 0 table rows and 0 lines of prose were not read.")


def test_a_scale_list_and_a_colon_introduction_are_not_expectations() -> None:
    text = ("## Junior\n\nGrading scale for each section uses the following:\n\n- Basic\n- Good\n\n"
            "### Craft\n- Writes tests\n\n### Extra role\nThe following applies to leads:\n\n"
            "## Senior\n\n### Craft\n- Designs modules\n")
    result = parse_ladder_text(text, filename="s.md")
    assert flat(result) == [("Junior", [("Craft", "Writes tests")]),
                            ("Senior", [("Craft", "Designs modules")])]


def test_prose_under_a_dimension_of_a_listing_level_is_one_expectation_per_paragraph() -> None:
    text = ("# L\n## L1\n### Scope\nOne task at a time.\n### Craft\n- Writes tests\n"
            "## L2\n### Scope\nA feature.\n### Craft\n- Designs modules\n")
    result = parse_ladder_text(text, filename="p.md")
    assert flat(result)[0] == ("L1", [("Scope", "One task at a time."), ("Craft", "Writes tests")])


def test_roadmaps_and_project_readmes_are_below_the_bar() -> None:
    roadmap = ("# Roadmap\n## Q1\n- Ship the search\n- Hire two\n## Q2\n- Launch mobile\n"
               "- Cut costs\n## Q3\n- Expand to a new market\n")
    readme = ("# Tool\n## Installation\n- Download it\n- Unpack it\n## Usage\n- Run it\n"
              "## Licence\n- MIT\n")
    tutorial = "# Guide\n## Step 1\n- Open the app\n## Step 2\n- Pick a file\n"
    for text in (roadmap, readme, tutorial):
        result = parse_ladder_text(text, filename="r.md")
        assert result.below_bar, result.level_names
        assert result.concerns == ("its level names do not read as levels",)


def test_pages_with_a_front_matter_track_are_one_reading_per_track() -> None:
    result = load("track_pages")
    assert result.level_names == ("Associate", "Engineer", "Staff Engineer")
    assert result.rule == ("each page is one level (3 pages), track 'individual' (front matter "
                           "'track')")
    assert result.order_rule == "by front matter 'level'"
    assert result.skipped == ("glossary.md: a glossary",)
    [other] = result.alternatives
    assert other.level_names == ("Associate", "Engineer", "Engineering Manager")
