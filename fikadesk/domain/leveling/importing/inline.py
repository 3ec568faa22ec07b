"""Inline markdown for the ladder reader: plain text from markup, labels, front matter."""

from __future__ import annotations

import re
from typing import Any

import yaml

from fikadesk.domain.leveling.importing.import_error import LadderImportError
from fikadesk.domain.leveling.importing.tabular import check_yaml_nesting

#: A label (dimension name) has at most this many words and characters.
MAX_LABEL_WORDS = 4
MAX_LABEL_CHARS = 60

# --- inline markup ------------------------------------------------------------------------

_IMAGE_RE = re.compile(r"!\[[^\[\]\n]*\](?:\([^()\n]*\)|\[[^\[\]\n]*\])?")
_LINK_RE = re.compile(r"\[([^\[\]\n]*)\](?:\([^()\n]*\)|\[[^\[\]\n]*\])")
_AUTOLINK_RE = re.compile(r"<((?:https?|mailto|ftp):[^<>\s]*)>")
_TAG_RE = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>")
_CODE_RE = re.compile(r"`+([^`\n]*)`+")
_STRONG_RE = re.compile(r"\*\*([^*\n]+)\*\*|(?<!\w)__([^_\n]+)__(?!\w)")
_EM_RE = re.compile(r"(?<![\w*])\*([^*\n]+)\*(?![\w*])|(?<!\w)_([^_\n]+)_(?!\w)")
_STRIKE_RE = re.compile(r"~~([^~\n]+)~~")
_ESCAPE_RE = re.compile(r"\\([!-/:-@\[-`{-~])")
_SPACE_RE = re.compile(r"\s+")
_MARKUP_RE = re.compile(r"[\\<\[!`*_~]")
# Escaped punctuation (``\*``) hides in private-use characters while markup is stripped.
_ESCAPED_BASE = 0xE000
_ESCAPED_RE = re.compile("[\ue000-\ue07f]")


def _drop_comments(text: str) -> str:
    """Remove ``<!-- ... -->`` comments from one line; an unclosed one cuts the rest."""
    if "<!--" not in text:
        return text
    parts: list[str] = []
    start = 0
    while True:
        open_at = text.find("<!--", start)
        if open_at < 0:
            parts.append(text[start:])
            break
        parts.append(text[start:open_at])
        close_at = text.find("-->", open_at + 4)
        if close_at < 0:
            break
        start = close_at + 3
    return "".join(parts)


def _first_group(match: re.Match[str]) -> str:
    """The first group of an alternation that took part in the match."""
    return next((g for g in match.groups() if g is not None), "")


def clean_inline(text: str) -> str:
    """Plain text of a markdown fragment: markup stripped, link text kept, spaces collapsed.

    Struck-through text (``~~old~~``) is dropped: a ladder strikes out what no longer applies.
    """
    if _MARKUP_RE.search(text) is None:  # plain words: only the spaces need care
        return _SPACE_RE.sub(" ", text).strip()
    text = _ESCAPE_RE.sub(lambda m: chr(_ESCAPED_BASE + ord(m.group(1))), text)
    text = _drop_comments(text)
    text = _IMAGE_RE.sub("", text)
    text = _LINK_RE.sub(r"\1", text)
    text = _AUTOLINK_RE.sub(r"\1", text)
    text = _TAG_RE.sub("", text)
    text = _CODE_RE.sub(r"\1", text)
    text = _STRONG_RE.sub(_first_group, text)
    text = _EM_RE.sub(_first_group, text)
    text = _STRIKE_RE.sub("", text)
    text = _ESCAPED_RE.sub(lambda m: chr(ord(m.group()) - _ESCAPED_BASE), text)
    return _SPACE_RE.sub(" ", text).strip()


# --- labels -------------------------------------------------------------------------------

_BOLD_LABEL_RE = re.compile(
    r"^(?:\*\*([^*\n]{1,80}?)\s*(?::\*\*|\*\*\s*(?::|[-\u2013\u2014](?=\s)))"
    r"|__([^_\n]{1,80}?)\s*(?::__|__\s*(?::|[-\u2013\u2014](?=\s))))\s*"
)
_PLAIN_LABEL_RE = re.compile(rf"^([^:\n]{{1,{MAX_LABEL_CHARS}}}):\s+(?=\S)")
_BOLD_ONLY_RE = re.compile(r"^(?:\*\*([^*\n]{1,80})\*\*|__([^_\n]{1,80})__)\s*:?$")


#: Words a plain ``Label:`` never ends with: "Work with: X" is a sentence, not a label.
_SENTENCE_ENDINGS = frozenset(
    "a an and as at by e.g for from i.e in including into is like of on or such the to "
    "with are be".split()
)


def _is_label(candidate: str, *, plain: bool = False) -> bool:
    """A short phrase of at most MAX_LABEL_WORDS words that starts with a letter."""
    words = candidate.split()
    return (
        0 < len(words) <= MAX_LABEL_WORDS
        and len(candidate) <= MAX_LABEL_CHARS
        and candidate[:1].isalpha()
        and "://" not in candidate
        and not (plain and words[-1].casefold().rstrip(".") in _SENTENCE_ENDINGS)
    )


def split_label(raw: str) -> tuple[str | None, str]:
    """Split ``**Owns**: text``, ``**Owns:** text`` or ``Owns: text`` into (label, plain text).

    Returns (None, plain text) when there is no short label in front.
    """
    stripped = raw.strip()
    label, rest = bold_label(stripped)
    if label is not None:
        return label, rest
    plain = rest
    match = _PLAIN_LABEL_RE.match(plain)
    if match:
        label = match.group(1).strip()
        rest = plain[match.end() :].strip()
        if rest and _is_label(label, plain=True):
            return label, rest
    return None, plain


def bold_label(raw: str) -> tuple[str | None, str]:
    """Split a paragraph that opens with a bold label (``**Scope:** text``) into (label, text).

    Only bold labels count: a plain ``Note: text`` in prose is a sentence, not a label.
    """
    stripped = raw.strip()
    match = _BOLD_LABEL_RE.match(stripped)
    if match:
        label = clean_inline(_first_group(match))
        rest = clean_inline(stripped[match.end() :])
        if rest and _is_label(label):
            return label, rest
    return None, clean_inline(stripped)


#: Label-only lines that introduce a list without naming a dimension ("Expectations:").
GENERIC_LABELS = frozenset(
    "expectations|expectation|responsibilities|examples|behaviours|behaviors|key behaviours|"
    "key behaviors|criteria|requirements|what we expect|you will|summary|overview|notes|"
    "details|description".split("|")
)


def is_generic_label(label: str) -> bool:
    """True for labels such as "Expectations" that name no dimension."""
    return label.casefold() in GENERIC_LABELS


def label_only(raw: str) -> str | None:
    """The label when the text is nothing but one (``**Scope**``, ``Scope:``), else None."""
    stripped = raw.strip()
    match = _BOLD_ONLY_RE.match(stripped)
    if match:
        label = clean_inline(_first_group(match)).rstrip(":").strip()
        return label if _is_label(label) else None
    if stripped.endswith(":"):
        label = clean_inline(stripped[:-1])
        return label if _is_label(label, plain=True) else None
    return None


# --- front matter -------------------------------------------------------------------------


def split_front_matter(lines: list[str]) -> tuple[dict[str, Any], int]:
    """YAML front matter as a dict (empty when absent or unreadable) and the lines it takes."""
    if not lines or lines[0].rstrip() != "---":
        return {}, 0
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            block = "\n".join(lines[1:index])
            try:
                check_yaml_nesting(block, "front matter")
                data = yaml.load(block, Loader=_SAFE_LOADER)
            except (yaml.YAMLError, LadderImportError):
                data = None
            return (data if isinstance(data, dict) else {}), index + 1
    return {}, 0


_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
