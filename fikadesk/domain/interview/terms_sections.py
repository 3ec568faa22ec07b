"""Job advert layout: cleaning a paste, its sections, boilerplate sentences and the company name."""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

Section = Literal["title", "intro", "req", "resp", "nice", "skip"]

SECTION_WEIGHT: dict[str, float] = {"req": 1.0, "resp": 1.0, "nice": 0.5}
"""How much a line counts towards a key term, by section; other sections do not count."""

_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:br|p|div|li|ul|ol|h[1-6]|tr|table)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"<\s*/?\s*[a-z][a-z0-9]*\b[^>]*>", re.IGNORECASE)
_BULLET_MARKS = "-*\u2022\u2023\u25aa\u25cf\u25e6\u2013\u2014\u00b7>"
_LEADING_NUMBER = re.compile(r"^\d+[.)]\s+")

_NEUTRAL_HEADING = re.compile(r"\b(?:about the (?:role|job|position|team)|the role|the team|overview|"
                              r"the position|summary)\b", re.IGNORECASE)
_SKIP_HEADING = re.compile(
    r"\b(?:benefit|perk|we offer|what we offer|our offer|compensation|salary|about us|about\b|"
    r"who we are|our (?:story|values|culture|mission)|culture|why (?:join|work|us)|why\b|"
    r"equal opportunit|diversity|inclusion|how to apply|application process|apply|"
    r"in it for you|location|om oss|our company|the company)",
    re.IGNORECASE,
)
_NICE_HEADING = re.compile(r"\b(?:nice to have|nice-to-have|bonus|plus|preferred|desirable|"
                           r"good to have|extra credit)", re.IGNORECASE)
_REQ_HEADING = re.compile(
    r"\b(?:requirement|qualification|must[- ]haves?|what you bring|you bring|you have|you(?:'ll| will) need|"
    r"what you need|skills|about you|who you are|you are|looking for|your profile|profile|"
    r"experience|what we expect|what it takes)",
    re.IGNORECASE,
)
_RESP_HEADING = re.compile(
    r"\b(?:responsibilit|what you(?:'ll| will) (?:do|be doing|work on)|you(?:'ll| will) be doing|"
    r"you will|your role|duties|the job|day to day|day-to-day|in this role|tasks|your mission|"
    r"your impact|what the job involves|the work|what you(?:'ll| will) own)",
    re.IGNORECASE,
)
_INLINE_HEADING = re.compile(r"^([A-Za-z][A-Za-z '&/\u2019-]{2,40}):\s+(\S.*)$")

BOILERPLATE = re.compile(
    r"equal opportunit|discriminat|regardless of|protected (?:veteran|characteristic)|"
    r"reasonable accommodation|welcomes? (?:all )?applica|we welcome applications|diversity|"
    r"inclusive (?:workplace|environment)|background check|right to work|"
    r"\bwe offer\b|competitive (?:salary|pay|compensation)|\bsalary\b|health insurance|pension|"
    r"paid (?:vacation|leave|time off)|stock options|\bequity\b|\bPTO\b",
    re.IGNORECASE,
)
"""Sentences about pay, perks and equal opportunity: never a source of key terms."""

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\u00c0-\u024f])")
_NAME_WORD = r"[A-Z\u00c0-\u024f][\w\u00c0-\u024f&.\-]*"
_NAME = rf"{_NAME_WORD}(?:\s+(?:&\s+)?{_NAME_WORD}){{0,3}}"
_COMPANY_PATTERNS = (
    re.compile(rf"^(?:[Aa]bout|[Ww]hy|[Jj]oin)\s+({_NAME})\s*:?$"),
    re.compile(rf"\s@\s*({_NAME})"),
    re.compile(rf"^({_NAME}) (?:is|are) (?:an? |proud to be an? )?equal opportunit"),
    re.compile(rf"^At ({_NAME}),? we\b"),
    re.compile(rf"^({_NAME}) (?:strives|welcomes|is committed)\b"),
)
_INTRO_SUBJECT = re.compile(rf"^({_NAME}) (?:is|are|has|have|[a-z]{{3,}}s)\b")
_NOT_NAMES = frozenset("we our you your the this that most since as in at us it they their".split())


@dataclass(frozen=True)
class Line:
    """One line of a cleaned advert: its text without a bullet mark, its section and shape."""

    text: str
    section: Section
    bullet: bool
    heading: bool = False


def clean(description: str) -> list[tuple[str, bool]]:
    """Lines of a pasted advert as (text, is_bullet): HTML tags and entities, emoji and bullet
    marks removed, so "<li>✅ Ship features</li>" is the bullet "Ship features"."""
    text = _BLOCK_TAG.sub("\n", description)
    text = html.unescape(_ANY_TAG.sub(" ", text)).replace("\u00a0", " ")
    text = unicodedata.normalize("NFC", text)
    out = []
    for raw in text.splitlines():
        bullet = False
        line = raw.strip()
        start = 0  # an index, not line[1:] per mark: a run of marks stays linear
        while start < len(line) and (_is_symbol(line[start]) or line[start] in _BULLET_MARKS):
            bullet = True
            start += 1
            while start < len(line) and line[start].isspace():
                start += 1
        line = line[start:]
        if _LEADING_NUMBER.match(line):
            bullet, line = True, _LEADING_NUMBER.sub("", line)
        line = "".join(" " if _is_symbol(c) else c for c in line)
        line = re.sub(r"\s+", " ", line).strip()
        if line:
            out.append((line, bullet))
    return out


def _is_symbol(char: str) -> bool:
    """Emoji, pictographs, joiners and variation selectors (never part of a word here)."""
    cat = unicodedata.category(char)
    return cat in ("So", "Cs", "Co", "Cf") or (cat == "Mn" and 0xFE00 <= ord(char) <= 0xFE0F)


def heading(line: str) -> Section | None:
    """The section a heading line opens, or None when the line is not a heading."""
    if len(line) > 60 or len(line.split()) > 8 or line.rstrip().endswith((".", "!", "?", ",")):
        return None
    for pattern, section in ((_NEUTRAL_HEADING, "intro"), (_NICE_HEADING, "nice"), (_REQ_HEADING, "req"),
                             (_RESP_HEADING, "resp"), (_SKIP_HEADING, "skip")):
        if pattern.search(line):
            return section  # type: ignore[return-value]
    return "intro" if line.endswith(":") else None


def split_sections(description: str) -> list[Line]:
    """The advert's lines with their sections; a heading line has the section it opens.

    The first line is the title when it is short and not a sentence. A line "Benefits: ..." or
    "Bonus: ..." is a heading and its content at once, belonging to that section alone.
    """
    lines: list[Line] = []
    section: Section = "intro"
    for number, (text, bullet) in enumerate(clean(description)):
        if number == 0 and not bullet and len(text) <= 80 and not text.endswith((".", "!", "?")):
            lines.append(Line(text, "title", False))
            continue
        inline = _INLINE_HEADING.match(text)
        if inline and (own := heading(inline.group(1))) is not None and own != "intro":
            lines.append(Line(inline.group(2), own, bullet))
            continue
        if not bullet:
            found = heading(text)
            if found is not None:
                section = found
                lines.append(Line(text, found, False, True))
                continue
        lines.append(Line(text, section, bullet))
    return lines


def sentences(text: str) -> list[str]:
    """A line split into sentences at ., ! or ? followed by a capital."""
    return [s for s in _SENTENCE.split(text) if s.strip()]


def company_names(lines: list[Line]) -> set[str]:
    """Names the advert gives its company, each as written: "About Helix" or "Why Loop" headings,
    "@ Quokka Labs" in the title, "X is an equal opportunity employer", "At X we", and the
    subject of the sentence opening an intro or about section ("Parcelfox is ...")."""
    names: set[str] = set()
    opens = True
    for line in lines:
        for sentence in sentences(line.text):
            names |= _names_in(sentence.strip(), _COMPANY_PATTERNS)
        if opens and line.section in ("intro", "skip") and not (line.heading or line.bullet):
            names |= _names_in(sentences(line.text)[0].strip(), (_INTRO_SUBJECT,))
        opens = line.heading or line.section == "title"
    return names


def _names_in(text: str, patterns: tuple[re.Pattern[str], ...]) -> set[str]:
    found = set()
    for pattern in patterns:
        for match in pattern.finditer(text):
            name = match.group(1).strip(" .,&")
            if name.split()[0].lower() not in _NOT_NAMES:
                found.add(name)
    return found
