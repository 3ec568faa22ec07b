from pathlib import Path

import pytest

from fikadesk.domain.leveling.importing.importer import (
    LadderImport,
    LadderImportError,
    natural_key,
    parse_ladder_files,
    parse_ladder_text,
)

DATA = Path(__file__).resolve().parents[3] / "data" / "ladders"
RESOURCES = Path(__file__).resolve().parents[4] / "resources"

Flat = list[tuple[str, str, list[tuple[str, str]]]]


def flat(result: LadderImport) -> Flat:
    return [
        (lv.name, lv.description, [(e.dimension, e.text) for e in lv.expectations])
        for lv in result.ladder.levels
    ]


def test_natural_order() -> None:
    names = ["L10.md", "l2.md", "L1.md", "level-1b.md"]
    assert sorted(names, key=natural_key) == ["L1.md", "l2.md", "L10.md", "level-1b.md"]


def test_folder_with_front_matter_titles_sorted_naturally_readme_skipped() -> None:
    result = parse_ladder_files([DATA / "multi" / "frontmatter"])
    assert (result.name, result.source_format, result.files) == (
        "Frontmatter", "markdown-files", ("L1.md", "L2.md", "L10.md"))
    assert result.skipped == ("README.md: a section index page",)
    assert flat(result) == [
        ("Associate", "Entry level.", [("Scope", "Tasks within one feature"),
                                       ("Autonomy", "Works with a buddy")]),
        ("Engineer", "Owns features.", [("Scope", "Whole features")]),
        ("Fellow", "", [("Scope", "The industry")]),
    ]


def test_files_named_by_their_first_heading_ordered_by_seniority_words() -> None:
    folder = DATA / "multi" / "first_heading"
    paths = [folder / "10-principal.md", folder / "01-junior.md", folder / "02-analyst.md"]
    result = parse_ladder_files(paths, name="Analytics")
    # the names say the order, whatever order the files were given in
    assert result.name == "Analytics"
    assert flat(result) == [
        ("Junior Analyst", "Answers set questions.", [("Scope", "One dashboard"),
                                                       ("Impact", "Reports used weekly")]),
        ("Analyst", "", [("Scope", "One product area")]),
        ("Principal Analyst", "", [("Scope", "The whole company")]),
    ]
    assert result.order_rule == "by the numbers and seniority words in the names"
    assert parse_ladder_files([folder]).level_names == (
        "Junior Analyst", "Analyst", "Principal Analyst")


def test_files_named_by_file_name() -> None:
    result = parse_ladder_files([DATA / "multi" / "file_names"])
    assert flat(result) == [
        ("level 1", "", [("General", "One team"), ("General", "Team metrics")]),
        ("level 2", "", [("Scope", "Several teams"), ("Impact", "Company metrics")]),
    ]


def test_several_files_must_all_be_markdown() -> None:
    with pytest.raises(LadderImportError) as caught:
        parse_ladder_files([DATA / "csv" / "comma.csv", DATA / "json" / "ladder.json"])
    assert str(caught.value) == (
        "comma.csv: several files can only be imported together when each one is a markdown "
        "file for one level")


def test_csv_with_commas_and_quotes() -> None:
    result = parse_ladder_files([DATA / "csv" / "comma.csv"])
    assert (result.name, result.source_format, result.heading_depths) == ("Comma", "csv", ())
    assert flat(result) == [
        ("L1", "", [("Scope", "Small tasks"), ("Autonomy", "Needs guidance, often"),
                    ("Impact", "Ships fixes")]),
        ("L2", "", [("Scope", "Features"), ("Impact", 'Moves a "team" metric')]),
    ]


def test_csv_with_semicolons_bom_crlf_and_blank_cells_carried_down() -> None:
    result = parse_ladder_files([DATA / "csv" / "semicolon_bom.csv"])
    assert flat(result) == [
        ("G1", "", [("Craft", "Writes clean code"), ("Craft", "Tests own work"),
                    ("Delivery", "Meets estimates")]),
        ("G2", "", [("Craft", "Sets code standards")]),
    ]


def test_tab_separated() -> None:
    result = parse_ladder_files([DATA / "csv" / "tab.tsv"])
    assert flat(result) == [
        ("Apprentice", "", [("Safety", "Follows the checklist")]),
        ("Journeyman", "", [("Safety", "Teaches the checklist")]),
    ]


def test_csv_tab_sniffed_in_a_csv_file_and_odd_headers() -> None:
    text = "Career Level\tFocus area\tWhat we expect (behaviours)\nA\tX\tdo x\n"
    assert flat(parse_ladder_text(text, filename="t.csv")) == [("A", "", [("X", "do x")])]
    result = parse_ladder_files([DATA / "csv" / "odd_headers.csv"])
    assert flat(result) == [
        ("Junior", "", [("General", "Learns fast")]),
        ("Senior", "", [("General", "Leads projects across teams")]),
    ]


def test_json_ladder() -> None:
    result = parse_ladder_files([DATA / "json" / "ladder.json"])
    assert (result.name, result.source_format) == ("Marketing", "json")
    assert flat(result) == [
        ("Marketer", "Runs campaigns.", [("Scope", "One channel"),
                                         ("Impact", "Hits campaign targets"),
                                         ("General", "Learns the brand voice")]),
        ("Senior Marketer", "", [("Scope", "Several channels"), ("Scope", "A product launch"),
                                 ("Impact", "Grows the pipeline")]),
    ]


def test_json_bare_list_with_other_keys() -> None:
    result = parse_ladder_files([DATA / "json" / "bare_list.json"])
    assert (result.name, flat(result)) == ("Bare list", [
        ("S1", "", [("Care", "Answers tickets")]),
        ("S2", "", [("Care", "Handles escalations")]),
    ])


def test_json_level_without_expectations_is_left_out_with_a_warning() -> None:
    text = '{"levels": [{"name": "A", "expectations": ["a"]}, {"name": "B"}]}'
    result = parse_ladder_text(text, filename="x.json")
    assert result.level_names == ("A",)
    assert result.warnings == ("x.json: level 'B' has no expectations, so it was left out",)


def test_yaml_ladder() -> None:
    result = parse_ladder_files([DATA / "yaml" / "ladder.yaml"])
    assert (result.name, result.source_format) == ("Sales", "yaml")
    assert flat(result) == [
        ("Account Executive", "Closes deals.", [("Scope", "Mid-market accounts"),
                                                ("Impact", "Meets quota"),
                                                ("Impact", "Builds own pipeline")]),
        ("Senior Account Executive", "", [("Scope", "Enterprise accounts"),
                                          ("General", "Mentors new hires")]),
    ]


BUNDLED = {
    "software-engineer.md": (
        "Software Engineer",
        ("Engineer I", "Engineer II", "Senior Engineer", "Staff Engineer", "Principal Engineer"),
        ("Scope", "Autonomy", "Decisions", "Impact", "Collaboration", "Craft", "Leadership"),
    ),
    "product-manager.md": (
        "Product Manager",
        ("Associate Product Manager", "Product Manager", "Senior Product Manager",
         "Group Product Manager", "Director of Product"),
        ("Scope", "Autonomy", "Decisions", "Impact", "Collaboration", "Leadership"),
    ),
    "data-analyst.md": (
        "Data Analyst",
        ("Junior Data Analyst", "Data Analyst", "Senior Data Analyst", "Lead Data Analyst",
         "Principal Data Analyst"),
        ("Scope", "Autonomy", "Decisions", "Impact", "Collaboration", "Leadership"),
    ),
    "product-designer.md": (
        "Product Designer",
        ("Designer I", "Designer II", "Senior Designer", "Lead Designer", "Design Director"),
        ("Scope", "Autonomy", "Decisions", "Impact", "Collaboration", "Leadership"),
    ),
}


@pytest.mark.parametrize("file", sorted(BUNDLED))
def test_bundled_ladders_load_through_the_importer(file: str) -> None:
    name, levels, dimensions = BUNDLED[file]
    result = parse_ladder_files([RESOURCES / "ladders" / file])
    assert (result.name, result.level_names, result.dimensions) == (name, levels, dimensions)
    assert result.warnings == ()
    for level in result.ladder.levels:
        # every level covers the five core dimensions
        assert {"Scope", "Autonomy", "Decisions", "Impact"} <= set(level.dimensions)
        assert {"Collaboration", "Leadership"} & set(level.dimensions)
        assert level.description


def test_bundled_folder_holds_exactly_the_known_ladders() -> None:
    found = sorted(p.name for p in (RESOURCES / "ladders").glob("*.md") if p.name != "README.md")
    assert found == sorted(BUNDLED)
