"""Writing Now / Next / Future into an aspiration the way a person would write it."""

from __future__ import annotations

import re

from fikadesk.domain.interview.words import TOOL_WORDS

PARTS = ("now", "next", "future")

# A time or place phrase a person may open a part with; the composer then adds no lead of its
# own. One-word leads ("now", "next") count only before a comma or "I", so "next-gen" does not.
_LEAD_IN = re.compile(
    r"^(?P<lead>(?:longer|long)[- ]term|in the long(?:er)? (?:run|term)|eventually|ultimately|"
    r"one day|some ?day|down the (?:line|road)|later on|in (?:the )?(?:near |distant )?future|"
    r"(?:in|over|within) the (?:next|coming) (?:few |couple of |two |three |four |five )?"
    r"(?:months|years)|in (?:a|one|two|three|four|five|a few|a couple of)(?: or (?:two|three|four|five))?"
    r" years?(?: time)?|within (?:a|one|two|three|a few) years?|right now|at the moment|"
    r"for now|to start(?: with)?|in this role(?: at [^,]+)?|"
    r"(?:now|next|later|first|today|currently|here|then)(?=\s*,|\s+I\b))"
    r"\s*[,:\u2013\u2014-]?\s*",
    re.IGNORECASE,
)
# The person already wrote a sentence: "I ..." anywhere, or "My goal is ..." / "We ..." first.
_OWN_SENTENCE = re.compile(
    r"(?:^|\s)I(?:'m|'d|'ll|'ve|\u2019[a-z]+)?\b|^(?:we|we'd|we'll)\b"
    r"|^my\s+(?:\S+\s+){0,3}?(?:is|was|will|would|has|'s)\b",  # "My goal is...", not "my own firm"
    re.IGNORECASE,
)
_HAS_I = re.compile(r"(?:^|\s)I(?:'m|'d|'ll|'ve|\u2019[a-z]+)?(?=\s|$|[,.!?])")
_MODAL = re.compile(
    r"^(?:want|wants|hope|would like|'d like|like|aim|plan|wish|intend|would love|'d love|love)"
    r"\s+to\s+",
    re.IGNORECASE,
)
VERBS = frozenset(
    """learn own lead build become take grow work get help move run manage shape make drive
    improve deepen master focus start mentor design ship deliver create develop understand
    contribute go be keep write support bring use apply join launch find teach coach turn set
    spend see do have specialise specialize explore sharpen strengthen expand broaden reduce
    increase automate stay earn gain step serve partner""".split()
)
"""Verbs a part may open with: "Be a CTO", "own the reporting"."""
_LOWER_WORDS = frozenset(
    """a an the my our your their this that these those more some any own to and or of for in
    on with as being""".split()
)

# Leads per part: (lead, after a verb, after a noun, after an -ing word).
_CLAUSES = {
    "now": ("I want to", "I want to focus on", "I want to focus on"),
    "next": ("I'd like to", "I'd like to grow into", "I see myself"),
    "future": ("I hope to", "I'm working toward", "I see myself"),
}
_LEADS = {"now": "In this role", "next": "Over the next few years", "future": "Longer term"}


def _keeps_capital(words: list[str]) -> bool:
    """Whether the first word is a name, a tool, an acronym or "I" (its capital stays)."""
    first = words[0]
    bare = first.strip("\"'(").rstrip(",.;:")
    if not bare[:1].isupper():
        return False
    if bare == "I" or bare.startswith(("I'", "I\u2019")):
        return True
    if len(bare) > 1 and (bare.isupper() or any(c.isupper() for c in bare[1:])):
        return True  # CTO, SQL, PyTorch
    if bare.lower() in TOOL_WORDS:
        return True  # Python, Kafka
    nxt = words[1] if len(words) > 1 else ""
    return bool(nxt[:1].isupper()) and bare.lower() not in _LOWER_WORDS and bare.lower() not in VERBS


def _lower_first(text: str) -> str:
    words = text.split()
    if not words or _keeps_capital(words):
        return text
    return text[0].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _end(text: str) -> str:
    text = text.rstrip(" ,;:")
    return text if text.endswith((".", "!", "?")) else text + "."


def _clause(part: str, fragment: str) -> str:
    """Our subject and verb before a fragment, chosen by what the fragment starts with."""
    verb, noun, ing = _CLAUSES[part]
    fragment = _MODAL.sub("", fragment)
    words = fragment.split()
    if words and words[0].lower() == "to" and len(words) > 1:
        fragment, words = " ".join(words[1:]), words[1:]
    first = words[0].lower().strip(",.")
    if first in VERBS:  # a verb starts lowercase even when it is also a tool's name ("Go deep")
        lead = verb
        if not (len(words[0]) > 1 and words[0].isupper()):
            return f"{lead} {fragment[0].lower()}{fragment[1:]}"
    elif first.endswith("ing") and len(first) > 4:
        lead = ing
    else:
        lead = noun
    return f"{lead} {_lower_first(fragment)}"


def compose_part(part: str, text: str, lead: str = "") -> str:
    """One part (now, next or future) as a sentence.

    Rule: a part where the person already wrote "I" (or opened with "My"/"We") is their
    sentence and is kept as written, only capitalised and ended. Otherwise a lead-in of their
    own ("Longer term", "In two years", "Right now") is kept and replaces ours, so no lead is
    doubled; what follows gets our subject and verb by its shape: a verb ("Be a CTO") "I hope
    to be a CTO", an -ing word "I see myself leading...", anything else "I'm working toward...".
    The joined fragment starts lowercase unless its first word is "I", an acronym, a tool or a
    name ("CTO", "Python", "Staff Engineer"). ``lead`` replaces the part's default lead-in.
    Empty text gives "".
    """
    if part not in PARTS:
        raise ValueError(f"unknown aspiration part: {part!r}")
    text = " ".join(text.split()).strip()
    if not text:
        return ""
    body = text.rstrip(" .!?;,:").strip()
    if not any(c.isalnum() for c in body):
        return ""  # only punctuation: nothing to say
    if _OWN_SENTENCE.search(body) and (_HAS_I.search(body) or not _LEAD_IN.match(body)):
        return _end(_upper_first(re.sub(r"\s+([.!?])$", r"\1", text.rstrip(" ,;:"))))
    match = _LEAD_IN.match(body)
    if match and not body[match.end():].strip():
        return ""  # only a lead-in ("Longer term,"): nothing said yet
    if match:
        own_lead = match.group("lead")
        rest = body[match.end():].strip()
        return _end(f"{_upper_first(own_lead)}, {_clause(part, rest)}")
    return _end(f"{lead or _LEADS[part]}, {_clause(part, body)}")


def compose_aspiration(now: str, next: str, future: str, *, role: str = "", company: str = "") -> str:
    """Write a Now/Next/Future aspiration as 1-3 sentences to edit (see compose_part).

    Role and company are woven into the lead of the first part that gets our lead ("In this
    data analyst role at Acme,", or "Over the next few years at Acme," when Now is empty).
    Returns "" when all three parts are empty.
    """
    where = f"this {role.strip()} role" if role.strip() else "this role"
    at = f" at {company.strip()}" if company.strip() else ""
    sentences: list[str] = []
    for part, text in zip(PARTS, (now, next, future), strict=True):
        if not text.strip():
            continue
        lead = _LEADS[part] if part != "now" else f"In {where}"
        if not sentences:
            lead += at
        sentences.append(compose_part(part, text, lead))
    return " ".join(sentences)
