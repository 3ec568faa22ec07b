"""Hostile tables and HTML end in a reading or one clear refusal (timings: benchmarks/ladders_hostile.py)."""

from __future__ import annotations

import pytest

from fikadesk.domain.leveling.importing.importer import LadderImportError, parse_ladder_text
from fikadesk.domain.leveling.importing.tables import MAX_COLUMNS, html_table_rows, pipe_cells


@pytest.mark.parametrize(("text", "outcome"), [
    ("# L1\n- a\n" + "|" * 200_000 + "\n", ("L1",)),
    ("<table><tr>" + "<td>" * 50_000, "no levels found: a level is a heading with list items "
                                      "below it"),
    ("<table>\n<tr><td><a" + "a" * 200_000, "no levels found: a level is a heading with list "
                                            "items below it"),
    ("| S | Junior | Senior |\n|---|---|---|\n| x | " + " " * 200_000 + "y | z |\n",
     ("Junior", "Senior")),
    ("| S | Junior | Senior |\n|---|---|---|\n| x | " + "; " * 100_000 + " | z |\n", ("Senior",)),
    ("<table>" + "<tr><td>Level 1</td><td>x</td></tr>" * 3000 + "</table>",
     "a table of more than 2,000 rows; a ladder is far smaller"),
    ("# T\n| a | b |\n|---|---|\n" + "| x | y |\n" * 2100,
     "a table of more than 2,000 rows; a ladder is far smaller"),
], ids=["pipes", "td-tags", "unclosed-tag", "spaces-in-a-cell", "semicolons", "html-rows",
        "pipe-rows"])
def test_hostile_tables_are_read_or_refused_in_one_line(text: str, outcome: object) -> None:
    try:
        found = parse_ladder_text(text, filename="h.md")
    except LadderImportError as exc:
        assert exc.reason == outcome
        assert "\n" not in str(exc)
    else:
        assert found.level_names == outcome


def test_an_endless_row_keeps_at_most_max_columns_cells() -> None:
    assert len(pipe_cells("|" + " x |" * 10_000)) == MAX_COLUMNS
    assert len(html_table_rows("<tr>" + "<td>x</td>" * 10_000 + "</tr>")[0]) == MAX_COLUMNS


def test_html_cells_keep_list_items_apart_and_unescape_entities() -> None:
    rows = html_table_rows("<table><tr><th>Level</th><th>Craft &amp; care</th></tr><tr>"
                           "<td>L1</td><td><ul><li>Tests</li><li>Docs<br/>too</li></ul></td>"
                           "</tr></table>")
    assert rows == [("Level", "Craft & care"), ("L1", "Tests\nDocs\ntoo")]
