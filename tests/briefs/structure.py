"""Reading a brief back: its HTML structure (tags in order) and its visible text."""

from __future__ import annotations

from html.parser import HTMLParser

from fikadesk.briefs.render import to_html_body


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def read(markdown_text: str) -> tuple[list[str], str]:
    """Return the start tags, in order, and the visible text (spaces collapsed) of a brief."""
    reader = _Reader()
    reader.feed(to_html_body(markdown_text))
    reader.close()
    return reader.tags, " ".join("".join(reader.text).split())
