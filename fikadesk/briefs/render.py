"""Turn a brief's markdown into HTML with a print style, never passing raw HTML through."""

from __future__ import annotations

import re
from html import unescape

import markdown

#: The print style: a serif-free body, ruled tables, quiet headings. Qt's rich text engine
#: understands this subset of CSS, and so does any browser.
PRINT_CSS = """
body { font-family: 'DejaVu Sans', 'Noto Sans', 'Helvetica', 'Arial', sans-serif;
       font-size: 10pt; color: #1a1a1a; }
h1 { font-size: 18pt; font-weight: 600; margin-top: 0px; margin-bottom: 10px; }
h2 { font-size: 13.5pt; font-weight: 600; margin-top: 22px; margin-bottom: 6px; color: #203a5c; }
h3 { font-size: 11.5pt; font-weight: 600; margin-top: 16px; margin-bottom: 4px; }
h4 { font-size: 10pt; font-weight: 600; margin-top: 12px; margin-bottom: 4px; color: #333333; }
p { margin-top: 0px; margin-bottom: 8px; }
ul, ol { margin-top: 0px; margin-bottom: 8px; }
li { margin-bottom: 4px; }
blockquote { margin-left: 16px; margin-top: 0px; margin-bottom: 8px; font-style: italic;
             color: #333333; }
table { border-collapse: collapse; margin-top: 2px; margin-bottom: 10px; }
th { background-color: #eef1f5; font-weight: 600; text-align: left; }
th, td { border: 1px solid #9aa5b1; padding: 4px; vertical-align: top; }
"""


def _converter() -> markdown.Markdown:
    """A Python-Markdown converter with tables and with raw HTML shown as text, not run."""
    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def to_html_body(text: str) -> str:
    """Return the HTML of a markdown brief (body content only); HTML in the text stays text."""
    html = _converter().convert(text)
    # Full-width tables give long texts room (Qt needs the attribute). Header rows stay plain
    # rows: Qt repeats a <thead> on the next page even when only the table's margin got there.
    html = html.replace("<table>", '<table width="100%" cellspacing="0" cellpadding="4">')
    return html.replace("<thead>\n", "").replace("</thead>\n", "")


def to_html(text: str, title: str) -> str:
    """Return a whole HTML page for a markdown brief, with the print style inline."""
    safe_title = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        f"<title>{safe_title}</title><style>{PRINT_CSS}</style></head>\n"
        f"<body>\n{to_html_body(text)}\n</body></html>\n"
    )


def plain_title(text: str, fallback: str = "Brief") -> str:
    """Return the first heading of a markdown brief as plain text (for window and PDF titles)."""
    first = next((line for line in text.splitlines() if line.startswith("# ")), "")
    if not first:
        return fallback
    html_text = re.sub(r"<[^>]*>", "", to_html_body(first))
    return " ".join(unescape(html_text).split()) or fallback
