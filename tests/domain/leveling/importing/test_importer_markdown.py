from pathlib import Path

import pytest

from fikadesk.domain.leveling.importing.importer import (
    LadderImport,
    LadderImportError,
    parse_ladder_files,
    parse_ladder_text,
)

CORPUS = Path(__file__).resolve().parents[3] / "data" / "ladders" / "markdown"

Flat = list[tuple[str, str, list[tuple[str, str]]]]


def flat(result: LadderImport) -> Flat:
    return [
        (lv.name, lv.description, [(e.dimension, e.text) for e in lv.expectations])
        for lv in result.ladder.levels
    ]


def load(file: str, *, name: str | None = None, level_depth: int | None = None) -> LadderImport:
    return parse_ladder_files([CORPUS / file], name=name, level_depth=level_depth)


def test_h1_levels_without_title_use_the_file_name() -> None:
    result = load("h1_levels.md")
    assert (result.name, result.level_depth, result.heading_depths) == ("H1 levels", 1, (1,))
    assert flat(result) == [
        ("Junior", "Starts out with close support.", [
            ("General", "Fixes small bugs"),
            ("General", "Asks for help early"),
            ("General", "Writes tests for own changes"),
        ]),
        ("Mid", "", [("General", "Owns a feature end to end"),
                     ("General", "Reviews code for the team")]),
    ]


def test_h2_levels_under_a_title_with_bold_labels() -> None:
    result = load("h2_title_bold_labels.md")
    assert (result.name, result.level_depth, result.heading_depths) == (
        "Acme Engineering Ladder", 2, (1, 2))
    assert result.source_format == "markdown"
    assert flat(result) == [
        ("E1", "Learning the ropes. Still learning.", [
            ("Scope", "Small, well-defined tasks"),
            ("Autonomy", "Needs regular guidance"),
            ("Impact", "Ships working changes"),
        ]),
        ("E2", "", [
            ("Scope", "Features spanning a few components"),
            ("Autonomy", "Works independently on features"),
            ("General", "Always writes tests, even for small fixes"),
        ]),
    ]
    assert result.dimensions == ("Scope", "Autonomy", "Impact", "General")
    assert result.expectation_counts == (("E1", 3), ("E2", 3))


def test_h3_levels_below_two_single_headings() -> None:
    result = load("h3_levels.md")
    assert (result.name, result.level_depth, result.heading_depths) == (
        "Company handbook", 3, (1, 2, 3))
    assert flat(result) == [
        ("IC1", "", [("Scope", "one component")]),
        ("IC2", "", [("Scope", "several components"), ("Decisions", "picks libraries")]),
        ("IC3", "", [("Scope", "a whole system")]),
    ]


def test_level_depth_override_and_unknown_depth() -> None:
    result = load("h3_levels.md", level_depth=2)
    assert flat(result) == [
        ("Engineering ladder", "Read this first.", [
            ("Scope", "one component"),
            ("Scope", "several components"),
            ("Decisions", "picks libraries"),
            ("Scope", "a whole system"),
        ]),
    ]
    assert result.level_depth == 2
    with pytest.raises(LadderImportError) as caught:
        load("h3_levels.md", level_depth=4)
    assert str(caught.value) == (
        "h3_levels.md: there are no headings of depth 4 (depths found: 1, 2, 3)")


def test_closed_headings() -> None:
    result = load("closed_headings.md")
    assert result.name == "Support Ladder"
    assert flat(result) == [
        ("Support Associate", "", [
            ("Customers", "Answers common tickets from the knowledge base")]),
        ("Support Specialist", "", [
            ("Customers", "Handles escalated tickets"),
            ("C# tooling", "Writes C# scripts for bulk fixes"),
        ]),
    ]


def test_setext_headings() -> None:
    result = load("setext.md")
    assert (result.name, result.heading_depths) == ("Design Ladder", (1, 2))
    assert flat(result) == [
        ("Designer", "", [("Craft", "Designs screens within the system")]),
        ("Senior Designer", "", [("Craft", "Designs whole flows"),
                                 ("Leadership", "Runs design critiques")]),
    ]


def test_plain_label_prefixes_and_sentences_with_colons() -> None:
    result = load("label_prefix.md")
    assert flat(result) == [
        ("Analyst", "", [
            ("Scope", "Questions about one team"),
            ("General", "Works with: product and engineering"),
            ("General", "The main thing to remember here: always check the data"),
            ("General", "Focus Area Of Work Today: five words make a sentence"),
            ("General", "Note the time 10:30 in the log"),
            ("General", "See https://example.com/ladder for details"),
        ]),
        ("Senior Analyst", "", [("Scope", "Questions across teams"),
                                ("Data Quality", "Fixes problems at the source")]),
    ]


def test_nested_dimension_headings_use_the_nearest() -> None:
    result = load("nested_dimensions.md")
    assert result.heading_depths == (1, 2, 3, 4)
    assert flat(result) == [
        ("P1", "", [
            ("Testing", "Writes unit tests"),
            ("Operations", "Follows the runbook"),
            ("Impact", "Delivers tasks"),
            ("Collaboration", "Pairs with teammates"),
        ]),
        ("P2", "", [
            ("Ownership", "Owns a service"),
            ("Ownership", "Runs its on-call"),
            ("Decisions", "Chooses the design within a service"),
            ("Decisions", "Writes it down in a design note"),
            ("General", "Mentors one engineer"),
        ]),
    ]


def test_noise_of_every_kind_is_ignored() -> None:
    result = load("noise.md")
    assert (result.name, result.heading_depths, result.warnings) == ("Noisy Ladder", (2,), ())
    assert flat(result) == [
        ("L1", "The first rung. See the overview for context.", [
            ("General", "Fixes bugs in one service"),
            ("General", "Uses git and the new CI"),
            ("General", "Follows SLO guidance and escapes *stars*"),
        ]),
        ("L2", "", [
            ("General", "Leads small projects"),
            ("General", "Keeps the runbook at https://example.com/runbook"),
        ]),
    ]


def test_continuation_lines_are_joined() -> None:
    result = load("continuation.md")
    assert flat(result) == [
        ("One", "Prose after the list is description? No: it is prose under the level.", [
            ("General", "Ships features that customers use every day"),
            ("General",
             "Writes design notes that are lazily continued and a second paragraph inside "
             "the item"),
            ("General", "Short item"),
        ]),
        ("Two", "", [("General", "First numbered"),
                     ("General", "Second numbered with continuation")]),
    ]


def test_name_override_wins() -> None:
    assert load("noise.md", name="  Mine ").name == "Mine"


def test_headings_without_items_are_not_levels_and_say_so() -> None:
    text = "# Ladder\n\n## Overview\n\nProse.\n\n## A\n- a\n\n## B\n- b\n\n- stray\n"
    result = parse_ladder_text("- before\n" + text, filename="l.md")
    assert result.level_names == ("A", "B")
    assert result.skipped == ("'Overview': no list items",)
    assert result.unread == ("0 table rows and 1 line of prose was not read; 1 list item "
                             "outside the levels was left out")
    assert flat(result)[1] == ("B", "", [("General", "b"), ("General", "stray")])


def test_duplicate_level_names_are_renamed_and_only_exact_duplicates_merged() -> None:
    text = "# Senior\n- a\n- a\n- A.\n# senior\n- b\n"
    result = parse_ladder_text(text, filename="dup.md")
    assert flat(result) == [("Senior", "", [("General", "a"), ("General", "A.")]),
                            ("senior (2)", "", [("General", "b")])]
    assert result.warnings == (
        "dup.md: level 'Senior' states 1 expectation twice word for word; it was kept once",
        "dup.md, line 5: a second level called 'senior' was renamed 'senior (2)'")


def test_an_expectation_repeated_on_several_levels_stays_on_each() -> None:
    text = ("# Ladder\n## L1\n- **Craft:** Writes tests\n- **Team:** Helps\n"
            "## L2\n- **Craft:** Writes tests\n- **Team:** Leads\n")
    result = parse_ladder_text(text, filename="rep.md")
    assert flat(result) == [
        ("L1", "", [("Craft", "Writes tests"), ("Team", "Helps")]),
        ("L2", "", [("Craft", "Writes tests"), ("Team", "Leads")]),
    ]
    assert result.warnings == ()


def test_bold_label_line_right_under_an_item_starts_a_dimension() -> None:
    text = "## L1\n- a\n**Impact**\n- b\n## L2\n- c\n"
    assert flat(parse_ladder_text(text))[0] == ("L1", "", [("General", "a"), ("Impact", "b")])


def test_single_title_with_one_level_skips_the_title() -> None:
    result = parse_ladder_text("# Ladder\n## Only level\n- a\n")
    assert (result.name, result.level_names, result.level_depth) == (
        "Ladder", ("Only level",), 2)


def test_generic_labels_name_no_dimension() -> None:
    text = ("## L1\nExpectations:\n- a\n- **Responsibilities**\n  - b\n"
            "**Scope**\n- c\n## L2\n- d\n")
    assert flat(parse_ladder_text(text))[0] == (
        "L1", "", [("General", "a"), ("General", "b"), ("Scope", "c")])
