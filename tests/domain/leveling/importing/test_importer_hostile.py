from pathlib import Path

import pytest

from fikadesk.domain.leveling.importing.importer import (
    LadderImportError,
    parse_ladder_bytes,
    parse_ladder_files,
    parse_ladder_text,
)

HOSTILE = Path(__file__).resolve().parents[3] / "data" / "ladders" / "hostile"


@pytest.mark.parametrize(
    ("file", "line", "message"),
    [
        ("empty.md", None, "empty.md: the file is empty"),
        ("whitespace.md", None, "whitespace.md: the file is empty"),
        ("binary.md", 3,
         "binary.md, line 3: this looks like a binary file (it contains NUL bytes), not text"),
        ("invalid_utf8.md", 3,
         "invalid_utf8.md, line 3: this is not UTF-8 text (byte 0xe9 at column 6); save the "
         "file as UTF-8 and try again"),
        ("no_lists.md", None,
         "no_lists.md: no levels found: a level is a heading with list items below it"),
        ("bad.json", 3, "bad.json, line 3: this is not valid JSON (Expecting ',' delimiter)"),
        ("bad.yaml", 5,
         "bad.yaml, line 5: this is not valid YAML (did not find expected ',' or ']')"),
        ("bad_quote.csv", 3, "bad_quote.csv, line 3: this is not valid CSV (',' expected after "
         "'\"')"),
        ("no_level_column.csv", 1,
         "no_level_column.csv, line 1: no column for the level (looked for a header such as "
         "Level, Rung or Grade; found: Name, Dimension, Expectation)"),
        ("shape_error.json", None, "shape_error.json: levels[1]: this level has no name"),
        ("notes.docx", None,
         "notes.docx: .docx files are not supported; use markdown (.md), CSV, JSON or YAML"),
    ],
)
def test_refused_files_name_file_line_and_reason(file: str, line: int | None,
                                                 message: str) -> None:
    with pytest.raises(LadderImportError) as caught:
        parse_ladder_files([HOSTILE / file])
    assert (caught.value.filename, caught.value.line, str(caught.value)) == (file, line, message)


def test_a_table_of_levels_is_a_ladder_now() -> None:
    # once refused as "only a table": a table whose rows are levels is read as the ladder
    result = parse_ladder_files([HOSTILE / "only_table.md"])
    assert [(lv.name, [(e.dimension, e.text) for e in lv.expectations])
            for lv in result.ladder.levels] == [
        ("L1", [("Scope", "a task"), ("Impact", "small")]),
        ("L2", [("Scope", "a feature"), ("Impact", "team")])]
    assert result.rule == "levels are the rows of 1 table (line 3), dimensions as columns"


def test_utf16_with_bom_is_read() -> None:
    result = parse_ladder_files([HOSTILE / "utf16.md"])
    assert [(lv.name, [e.text for e in lv.expectations]) for lv in result.ladder.levels] == [
        ("Niveau 1", ["Café"]), ("Niveau 2", ["Thé"])]


def test_utf8_bom_is_tolerated() -> None:
    assert parse_ladder_bytes(b"\xef\xbb\xbf# A\n- a\n", filename="b.md").level_names == ("A",)


def test_missing_file_and_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(LadderImportError, match=r"^gone\.md: cannot be read \(No such file"):
        parse_ladder_files([tmp_path / "gone.md"])
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(LadderImportError) as caught:
        parse_ladder_files([tmp_path])
    assert str(caught.value) == f"{tmp_path.name}: this folder holds no markdown (.md) files"


def test_too_big_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.md"
    big.write_bytes(b"# A\n- a\n" + b"x" * (5 * 1024 * 1024))
    with pytest.raises(LadderImportError) as caught:
        parse_ladder_files([big])
    assert str(caught.value) == "big.md: the file is 5.0 MB; a ladder file may be at most 5 MB"


def test_list_items_without_headings() -> None:
    with pytest.raises(LadderImportError) as caught:
        parse_ladder_text("- a\n- b\n", filename="flat.md")
    assert str(caught.value) == (
        "flat.md: no levels found: there are list items but no headings to name the levels")


def test_too_many_levels_names_the_line() -> None:
    text = "".join(f"## L{i}\n- thing {i}\n" for i in range(201))
    with pytest.raises(LadderImportError) as caught:
        parse_ladder_text(text, filename="many.md")
    assert (caught.value.line, caught.value.reason) == (401, "more than 200 levels; is this a "
                                                             "ladder?")


def test_too_many_expectations_names_the_line() -> None:
    text = "# L1\n" + "".join(f"- item {i}\n" for i in range(20_001))
    with pytest.raises(LadderImportError) as caught:
        parse_ladder_text(text, filename="long.md")
    assert (caught.value.line, caught.value.reason) == (
        20_002, "more than 20,000 list items; a ladder is far smaller")
    rows = "Level,Expectation\n" + "".join(f"L1,item {i}\n" for i in range(20_001))
    with pytest.raises(LadderImportError) as caught:
        parse_ladder_text(rows, filename="long.csv")
    assert (caught.value.line, caught.value.reason) == (20_002, "more than 20,000 expectations")


def test_csv_field_over_the_limit() -> None:
    text = "Level,Expectation\nL1," + "x" * 200_000 + "\n"
    with pytest.raises(LadderImportError) as caught:
        parse_ladder_text(text, filename="wide.csv")
    assert str(caught.value) == (
        "wide.csv, line 2: this is not valid CSV (field larger than field limit (131072))")


def test_deeply_nested_json_and_yaml_are_refused_not_crashed() -> None:
    with pytest.raises(LadderImportError) as caught:
        parse_ladder_text("[" * 200_000, filename="deep.json")
    assert str(caught.value) == "deep.json: the JSON is nested too deeply"
    with pytest.raises(LadderImportError) as caught:
        parse_ladder_text("a: " + "[" * 100_000, filename="deep.yaml")
    assert str(caught.value) == "deep.yaml, line 1: the YAML is nested too deeply"
    blocks = "".join(" " * i + "k:\n" for i in range(100))
    with pytest.raises(LadderImportError) as caught:
        parse_ladder_text(blocks, filename="deep.yml")
    assert str(caught.value) == "deep.yml, line 65: the YAML is nested too deeply"


def test_yaml_aliases_cannot_multiply_the_work() -> None:
    text = (
        "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        "levels:\n  - name: L1\n    expectations: *b\n"
    )
    with pytest.raises(LadderImportError) as caught:
        parse_ladder_text(text, filename="alias.yaml")
    assert str(caught.value) == (
        "alias.yaml: levels[0].expectations[0]: an expectation should be text")


def test_deeply_nested_list_items_and_dimension_labels() -> None:
    nested = "# L1\n" + "".join(" " * (2 * i) + f"- item {i}\n" for i in range(3000))
    result = parse_ladder_text(nested, filename="n.md")
    assert result.expectation_counts == (("L1", 3000),)
    labels = "# L1\n" + "".join(" " * (2 * i) + f"- **D{i}**\n" for i in range(3000))
    result = parse_ladder_text(labels + " " * 6000 + "- leaf\n", filename="n.md")
    assert [(e.dimension, e.text) for e in result.ladder.levels[0].expectations] == [
        ("D2999", "leaf")]


def _outcome(text: str) -> LadderImportError | tuple[int, ...]:
    """The expectation count of each level read, or the refusal. Speed is measured in
    benchmarks/ladders_hostile.py; here a super-linear pattern shows as the test's timeout."""
    try:
        return tuple(len(lv.expectations) for lv in parse_ladder_text(text).ladder.levels)
    except LadderImportError as exc:
        return exc


@pytest.mark.parametrize(
    "line",
    ["[" * 4_000_000, "*a_" * 1_300_000, "![x](" * 800_000, "**a:** " * 550_000,
     "<!--" * 1_000_000, "`" * 4_000_000, "<a " * 1_300_000],
    ids=["brackets", "emphasis", "images", "labels", "comments", "backticks", "tags"],
)
@pytest.mark.timeout(60)
def test_a_multi_megabyte_line_takes_linear_time(line: str) -> None:
    outcome = _outcome("# L1\n- " + line + "\n# L2\n- b\n")
    assert isinstance(outcome, tuple) and outcome[-1] == 1


@pytest.mark.timeout(60)
def test_thousands_of_headings_take_linear_time() -> None:
    text = "".join(f"{'#' * (i % 6 + 1)} H{i}\nprose {i}\n" for i in range(40_000))
    outcome = _outcome(text)
    assert isinstance(outcome, LadderImportError)
    assert outcome.reason == "no levels found: a level is a heading with list items below it"


def test_too_many_blocks() -> None:
    with pytest.raises(LadderImportError) as caught:
        parse_ladder_text("para\n\n" * 100_001, filename="p.md")
    assert (caught.value.line, caught.value.reason) == (
        200_001, "more than 100,000 headings, list items and paragraphs; a ladder is far "
        "smaller")


def test_deep_or_broken_front_matter_is_skipped_as_noise() -> None:
    deep = "---\ntitle: [" + "[" * 50_000 + "\n---\n# A\n- a\n# B\n- b\n"
    result = parse_ladder_text(deep, filename="fm.md")
    assert (result.name, result.level_names) == ("Fm", ("A", "B"))
    broken = "---\ntitle: [unclosed\n---\n# A\n- a\n"
    assert parse_ladder_text(broken, filename="fm.md").level_names == ("A",)
