"""Turn a brief's markdown into HTML with a print style, never passing raw HTML through."""

from __future__ import annotations

import markdown

#: The print style: a serif-free body, ruled tables, quiet headings. Qt's rich text engine
#: understands this subset of CSS, and so does any browser.
PRINT_CSS = """
body { font-family: 'DejaVu Sans', 'Noto Sans', 'Helvetica', 'Arial', sans-serif;
       font-size: 10.5pt; color: #1a1a1a; }
h1 { font-size: 18pt; font-weight: 600; margin-top: 0; margin-bottom: 6pt; }
h2 { font-size: 13.5pt; font-weight: 600; margin-top: 16pt; margin-bottom: 4pt; color: #203a5c; }
h3 { font-size: 11.5pt; font-weight: 600; margin-top: 12pt; margin-bottom: 3pt; }
h4 { font-size: 10.5pt; font-weight: 600; margin-top: 9pt; margin-bottom: 2pt; }
p { margin-top: 3pt; margin-bottom: 5pt; }
li { margin-bottom: 3pt; }
blockquote { margin-left: 12pt; color: #333333; }
table { border-collapse: collapse; margin-top: 4pt; margin-bottom: 8pt; }
th { background-color: #eef1f5; font-weight: 600; text-align: left; }
th, td { border: 1px solid #9aa5b1; padding: 4px; vertical-align: top; }
code { font-family: 'DejaVu Sans Mono', monospace; }
"""


def _converter() -> markdown.Markdown:
    """A Python-Markdown converter with tables and with raw HTML shown as text, not run."""
    md = markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    return md


def to_html_body(text: str) -> str:
    """Return the HTML of a markdown brief (body content only); HTML in the text stays text."""
    return _converter().convert(text)


def to_html(text: str, title: str) -> str:
    """Return a whole HTML page for a markdown brief, with the print style inline."""
    safe_title = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return (
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        f"<title>{safe_title}</title><style>{PRINT_CSS}</style></head>\n"
        f"<body>\n{to_html_body(text)}\n</body></html>\n"
    )
