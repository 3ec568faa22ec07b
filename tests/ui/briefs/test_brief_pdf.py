"""The printed brief: every page's text read back from the PDF, page numbers, locale page size."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QUrl
from PySide6.QtGui import QPageSize, QTextDocument

from fikadesk.briefs.promotion import PromotionOptions, default_period
from fikadesk.services.container import Services
from fikadesk.ui.briefs.pdf import export_pdf, page_size_for
from tests.briefs.sample import TODAY, fill_journal, sample_plan

TITLE = "Promotion case: Senior Engineer"


def page_texts(path: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    pages = int(next(line.split()[-1] for line in info.stdout.splitlines()
                     if line.startswith("Pages:")))
    return [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(path), "-"],
                           capture_output=True, text=True, check=True).stdout
            for n in range(1, pages + 1)]


def squeeze(text: str) -> str:
    """The text without spaces, line breaks, ligatures or the direction marks pdftotext adds."""
    return "".join(unicodedata.normalize("NFKC", text).split()).replace("\u202b", "").replace("\u202c", "")


def assert_headings_keep_their_text(brief: str, texts: list[str], title: str) -> None:
    """No page ends on a heading, and a section (##) is not begun with a line or two at a foot."""
    headings = {line.lstrip("# ") for line in brief.splitlines() if line.startswith("#")}
    sections = {line[3:] for line in brief.splitlines() if line.startswith("## ")}
    for number, text in enumerate(texts, start=1):
        lines = [line for line in text.splitlines() if line.strip()]
        body = lines[:lines.index(title, 1)] if title in lines[1:] else lines
        assert body[-1] not in headings, body[-3:]
        last = max((n for n, line in enumerate(body) if line in sections), default=None)
        ends_page = number < len(texts)  # the brief's last section may well be short
        assert last is None or not ends_page or len(body) - last > 3, body[last:]


def test_interview_pdf_has_every_page_numbered_and_all_the_text(
        qapp, services: Services, tmp_path: Path) -> None:
    from fikadesk.briefs.interview import build_interview
    from fikadesk.services.briefs import gather_interview
    from tests.briefs.sample import fill_interview

    job_id = fill_interview(services, fill_journal(services))
    brief = build_interview(gather_interview(services.interview, job_id, 140), TODAY)
    title = "Interview prep: Senior Backend Engineer at Northwind Payments"
    path = tmp_path / "prep.pdf"
    pages = export_pdf(brief, title, path, QLocale(QLocale.Language.English,
                                                     QLocale.Country.UnitedStates))
    texts = page_texts(path)
    assert len(texts) == pages == 2
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of 2" in text and title in text
    first, second = squeeze(texts[0]), squeeze(texts[1])
    for expected in ("Interview on 3 December 2026.", "Notes on the role and company",
                     "- Engineering blog: they write design docs", "Key terms of the job",
                     "payment systems", "Where do you see yourself in five years? (about 25 s "
                     "spoken)", "What are your career aspirations?"):
        assert squeeze(expected) in first, expected
    for expected in ("What are you hoping to get out of this role?", "about 10 s spoken",
                     "Stories from my work (STAR)", "Situation: 40,000 accounts had to move",
                     "2026-09-18, about 20 s spoken", "Result: Every account moved with zero "
                     "downtime.", "Tell me about something you improved without being asked.",
                     "1. What would success look like in the first six months?",
                     "2. How does the team share on-call?"):
        assert squeeze(expected) in second, expected
    assert "\\" not in "".join(texts) and "&amp;" not in "".join(texts)
    assert_headings_keep_their_text(brief, texts, title)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "(letter)" in info


def test_promotion_pdf_has_every_page_numbered_and_all_the_text(
        qapp, services: Services, tmp_path: Path) -> None:
    fill_journal(services)
    brief = services.briefs.promotion(PromotionOptions(*default_period(TODAY)), TODAY, sample_plan())
    out = tmp_path / "out"
    out.mkdir()
    path = out / "case.pdf"
    pages = export_pdf(brief, TITLE, path, QLocale(QLocale.Language.German,
                                                     QLocale.Country.Germany))
    texts = page_texts(path)
    assert len(texts) == pages == 4
    for number, text in enumerate(texts, start=1):
        assert f"Page {number} of 4" in text
        assert TITLE in text
    whole = squeeze("".join(texts))
    for expected in ("Promotion case: Senior Engineer", "Where the evidence stands",
                     "Led the billing migration cut-over", "Impact: 40,000 accounts moved",
                     "Paired with Tomás on his first design doc", "Gaps still open",
                     "Ready checklist: 2 of 4 done, 1 in progress (1 dropped)",
                     "Share the calibration timeline"):
        assert squeeze(expected) in whole
    assert "Frank notes" not in "".join(texts)
    assert_headings_keep_their_text(brief, texts, TITLE)
    assert texts[3].splitlines()[0] == "The plan"  # the section starts a page, not a foot
    assert whole.index(squeeze("Where the evidence stands")) < whole.index(squeeze("Gaps still open"))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "(A4)" in info
    assert path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in out.iterdir()] == ["case.pdf"]


def test_hostile_text_survives_print(qapp, tmp_path: Path) -> None:
    from fikadesk.briefs.markdown import bullets, document, inline, table
    word = "Unbreakable" * 25
    hostile = ["<div>never closed", word, "a | b `c`", "עברית שלום", "**not bold**"]
    brief = document("# Hostile", bullets(inline(h) for h in hostile),
                     table(["Text", "Copy"], [[inline(h), inline(h)] for h in hostile]),
                     "The end is here.")
    path = tmp_path / "hostile.pdf"
    export_pdf(brief, "Hostile", path, QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    whole = squeeze("".join(page_texts(path)))
    assert word in whole  # a long word wraps inside the page, never cut
    assert whole.count("U") == 3 * 25  # and inside both table cells, every letter there
    assert whole.count("<div>neverclosed") == 3  # an unclosed tag swallows nothing after it
    assert whole.count("a|b`c`") == 3 and whole.count("**notbold**") == 3
    assert whole.count("עבריתשלום") == 3
    assert whole.endswith(squeeze("The end is here. Hostile Page 1 of 1"))
    assert "(letter)" in subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                                        check=True).stdout.lower()


@pytest.mark.parametrize(("language", "country", "size"), [
    (QLocale.Language.English, QLocale.Country.UnitedStates, QPageSize.PageSizeId.Letter),
    (QLocale.Language.French, QLocale.Country.Canada, QPageSize.PageSizeId.Letter),
    (QLocale.Language.English, QLocale.Country.UnitedKingdom, QPageSize.PageSizeId.A4),
    (QLocale.Language.Swedish, QLocale.Country.Sweden, QPageSize.PageSizeId.A4),
])
def test_page_size_follows_the_locale(language, country, size) -> None:
    assert page_size_for(QLocale(language, country)).id() == size


def test_a_failed_export_leaves_the_old_file_alone(qapp, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "case.pdf"
    path.write_bytes(b"old pdf")

    def broken(*_args):
        raise OSError("disk full")

    monkeypatch.setattr("fikadesk.ui.briefs.pdf.paint_brief", broken)
    with pytest.raises(OSError, match="disk full"):
        export_pdf("# x\n", "x", path)
    assert path.read_bytes() == b"old pdf"
    assert [p.name for p in tmp_path.iterdir()] == ["case.pdf"]


def test_print_document_loads_nothing_it_names(qapp) -> None:
    from fikadesk.ui.briefs.pdf import PrintDocument

    document = PrintDocument("![secret](file:///etc/passwd)\n\n<img src='file:///etc/hostname'>\n",
                             "x")
    assert document.loadResource(QTextDocument.ResourceType.ImageResource.value,
                                 QUrl("file:///etc/passwd")) is None
    assert "<img" in document.toHtml() or "secret" in document.toPlainText()
    assert document.resource(QTextDocument.ResourceType.ImageResource.value,
                             QUrl("file:///etc/passwd")) is None


def _gray_page(pdf: Path, page: int, out: Path) -> tuple[int, int, bytes]:
    """Page ``page`` of ``pdf`` as 8-bit gray pixels at 60 dpi: (width, height, pixels)."""
    subprocess.run(["pdftoppm", "-gray", "-r", "60", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(out)], check=True)
    data = out.with_suffix(".pgm").read_bytes()
    magic, width, height, depth, pixels = data.split(maxsplit=4)
    assert (magic, depth) == (b"P5", b"255")
    return int(width), int(height), pixels[: int(width) * int(height)]


def test_a_table_running_on_to_the_next_page_is_closed_at_the_foot(qapp, tmp_path: Path) -> None:
    rows = "\n".join(f"| Row {n} | " + "words that wrap over several lines " * (1 + n % 4) + " | x |"
                     for n in range(40))
    text = f"# Title\n\nSome text.\n\n| A | B | C |\n|---|---|---|\n{rows}\n\nAfter.\n"
    pdf = tmp_path / "table.pdf"
    assert export_pdf(text, "T", pdf, QLocale(QLocale.Language.English,
                                               QLocale.Country.UnitedKingdom)) == 2
    width, height, pixels = _gray_page(pdf, 1, tmp_path / "page")

    def dark(x: int, y: int) -> bool:
        return pixels[y * width + x] < 220

    # The table's left border: the first column of the page with a long dark vertical run.
    middle = height // 2
    left = next(x for x in range(width) if all(dark(x, y) for y in range(middle, middle + 40)))
    bottom = max(y for y in range(middle, height) if all(dark(left, y - k) for k in range(8)))
    right = max(x for x in range(width) if dark(x, middle) and dark(x, middle + 20))
    # The border stops where the table leaves the page; a rule runs along it, not an open gap.
    # (The footer's own line lies 7 pixels further down, out of this band.)
    closed = [x for x in range(left, right + 1)
              if any(dark(x, y) for y in range(bottom - 2, bottom + 4))]
    assert len(closed) == right - left + 1
