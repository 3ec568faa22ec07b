"""Context checks for the coach: who grows, disclaimed money talk, seniority jumps, extra phrase rules."""

from __future__ import annotations

import re

from fikadesk.domain.interview import coach_rules as R
from fikadesk.domain.interview import coach_time as T
from fikadesk.domain.interview.terms import STOP_WORDS

_F = re.IGNORECASE
_WORD = re.compile(r"[\w']+")

_SKIP = frozenset("""really also still just quickly fast steadily further constantly always""".split())
"""Adverbs stepped over when looking for the subject of a verb."""
_THIRD_AUX = frozenset("is are was were 's 're has have been".split())
"""Auxiliaries that put a verb in the third person ('competitors were growing')."""
_OTHERS = frozenset("""it they he she others them everyone everybody people who which we us
    you anyone someone""".split())
"""Subjects that are not the speaker alone: 'help them grow', 'people who grow'."""
_DETERMINERS = frozenset("the a an its their his her our this that these those your".split())
"""A noun after one of these is someone or something other than the speaker."""


def other_subject(text: str, start: int, end: int) -> bool:
    """True when the verb at [start, end) is said of someone other than the speaker.

    'how the business grows', 'competitors were growing', 'help others grow' are about others;
    'I want to grow', 'keep growing', 'my skills grow' are the speaker's own (vague) aim.
    """
    if text[start:end].lower().endswith("grows"):
        return True
    cut = max(text.rfind(c, 0, start) for c in ".!?;,")
    words = [w.lower().replace("\u2019", "'") for w in _WORD.findall(text[cut + 1 : start])]
    while words and words[-1] in _SKIP:
        words.pop()
    if not words:
        return False
    last = words[-1]
    if last in _THIRD_AUX or last in _OTHERS or last.endswith("'s"):
        return True
    return len(words) >= 2 and words[-2] in _DETERMINERS


_DISCLAIMER = re.compile(
    r"[^.!?;]{0,100}?\b(?:but|though|although|however|yet)\b[^.!?;]{0,60}?"
    r"(?:\bnot\b|n't\b|\bnever\b|\bless\b|\bmore\b|\bsecond(?:ary)?\b)",
    _F,
)


def disclaimed(text: str, end: int) -> bool:
    """True when a money or status phrase ending at end is conceded and then set aside in the
    same sentence: 'salary matters, of course, but it's not what gets me up in the morning'."""
    return bool(_DISCLAIMER.match(text, end))


STATUS_GOAL: tuple[R.Rule, ...] = (
    R.Rule(re.compile(r"\b(?:title|name|logo|brand)\b(?:\s+[\w']+){0,6}?\s+on my (?:business card|"
                      r"CV|resume|r\u00e9sum\u00e9|LinkedIn|door|profile|email signature)\b", _F)),
    R.Rule(re.compile(r"\b(?:title|status|rank|name)\s+(?:is|was)\s+what\s+(?:people|others|"
                      r"everyone|everybody)\s+(?:respect|admire|notice|envy|look up to)\b", _F)),
    R.Rule(re.compile(r"\b(?:work|working|job|be) (?:only )?(?:for|at|with) (?:a|the) "
                      r"(?:most famous|most prestigious|big[- ]name|best[- ]known|famous) "
                      r"(?:firm|company|brand|employer|bank|agency)\b", _F)),
    R.Rule(re.compile(r"\b(?:see|know|think) (?:that )?I(?:'ve| have)? made it\b", _F)),
)
"""Status shown off as the goal, without any word for money: a title on the business card."""

RIGID_MORE: tuple[R.Rule, ...] = (
    R.Rule(re.compile(r"\b(?:it|this|that|the plan|my plan|my path|everything) (?:is|'s) (?:already )?"
                      r"(?:fixed|final|settled|non-negotiable|locked in)\b", _F)),
    R.Rule(re.compile(r"\bnothing (?:that )?(?:would|could|will|can) (?:ever )?(?:make|get|persuade|"
                      r"convince) me\b", _F), negatable=False),
)
"""A plan declared closed: 'that is fixed', 'nothing would make me take a different path'."""

OUTSIDE_MORE: tuple[R.Rule, ...] = (
    R.Rule(re.compile(r"\b(?:way|job|something) to pay (?:the|my) bills\b|\bpays? the bills while\b"
                      r"|\b(?:just )?a stopgap\b", _F)),
    R.Rule(re.compile(r"\b(?:finish|attend|start|get into|go to|apply (?:to|for)|get through) "
                      r"(?:law|medical|med|art|drama|film|culinary|nursing|vet|veterinary) school\b"
                      r"|\bpass the bar\b", _F)),
    R.Rule(re.compile(r"\b(?:be|become|becoming|work as|working as) (?:a|an) (?:[\w-]+ ){1,2}?"
                      + R.OTHER_JOBS + r"\b", _F)),
)
"""A goal outside the job: work taken only to pay the bills, a school for another profession,
or another occupation with its own qualifiers ('a criminal defence lawyer')."""

JUNIOR_SELF = re.compile(
    r"(?:\bas an?\s+|\bI(?:'m| am)\s+(?:an?\s+|\w+ing\s+(?:\w+\s+){0,3}?(?:an?\s+|the\s+)?))"
    r"(?:new\s+|recent\s+|fresh\s+|newly\s+qualified\s+)?(?:junior|graduate|grad|apprentice|trainee|"
    r"intern|entry[- ]level|first[- ]year)\b",
    _F,
)
"""The speaker starting near the bottom of the ladder: 'I'm joining as a junior designer'."""

TOP_ROLE = re.compile(
    r"\b(?:be|become|becoming|is|as|to|reach|made|promoted to)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:director|head of|chief|C[TEFOIM]O|VP|vice president|partner)\b|\b(?:join|sit on) the board\b"
    r"|\b(?:run|running|lead|leading|head|heading|in charge of)\b(?:\W+\w+){0,4}?\W+(?:whole|entire)"
    r"\b(?:\W+\w+){0,2}?\W+(?:department|division|organi[sz]ation|function|group|company|business|unit)\b",
    _F,
)
"""Becoming the top of a company's ladder: director, head, chief, VP, partner, the board, a whole
division."""

JUMP_YEARS = 2.0
"""From the bottom rung, reaching the top within this many years is unrealistic."""


def seniority_jumps(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans where a speaker who starts junior reaches a top role within about two years."""
    if not JUNIOR_SELF.search(text):
        return []
    found = []
    for s, e in sentences:
        top = TOP_ROLE.search(text, s, e)
        if not top:
            continue
        near = T.horizons(text[s:e])
        if near:
            h = min(near, key=lambda h: abs(s + h.start - top.start()))
            if h.years > JUMP_YEARS:
                continue
            found.append((min(s + h.start, top.start()), max(s + h.end, top.end())))
    return found


ABSTRACT_WORDS: frozenset[str] = frozenset(
    """advice guidance influence ownership expert expertise area areas basics picture folks
    organisation organization because whatever everything anything knowledge insight insights
    impact value""".split()
)
"""Abstract nouns of career talk: 'an expert in my area', 'the bigger picture', 'get the basics'."""

COMPARATIVES: frozenset[str] = frozenset(
    """larger bigger newer messier longer smaller broader wider deeper harder greater stronger
    higher clearer easier tougher trickier richer older""".split()
)
"""Comparative adjectives: 'bigger, messier problems' compares without naming anything."""

_VERB_AFTER = frozenset("help helps others people can could will would 'd should might may must".split())
"""A plain word after these is a verb ('help shape', 'others rely on'), not a named thing."""
_FUNCTION_NEXT = frozenset("""the a an other others my our your their his her them people it this
    that those these what how things""".split())
"""A word ending in -ing followed by one of these is a verb with an object ('guiding other people')."""


def plain_word(words: list[str], i: int) -> bool:
    """True when words[i] names nothing concrete in its context: an abstract noun, a comparative,
    a past participle, a verb with an object ('shaping the ...') or a verb after a modal."""
    low = words[i].lower().replace("\u2019", "'")
    if low in ABSTRACT_WORDS or low in COMPARATIVES:
        return True
    if low.endswith("ed") and len(low) > 5 and not words[i][:1].isupper():
        return True
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    if low.endswith("ing") and nxt in _FUNCTION_NEXT:
        return True
    prev = words[i - 1].lower().replace("\u2019", "'") if i else ""
    verb_slot = prev in _VERB_AFTER or prev.endswith("'d")
    return verb_slot and words[i].islower() and low not in STOP_WORDS
