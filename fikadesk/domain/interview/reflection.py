"""Reflection worksheet: from a person's answers to the aspiration kinds that suit them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

AspirationKind = Literal["leadership", "expertise", "impact", "entrepreneurial", "work_life"]
Fulfilment = Literal[
    "power", "money", "continual_learning", "innovation", "helping_people", "recognition"
]
YesNoUnsure = Literal["yes", "no", "unsure"]
WorkStyle = Literal["autonomy", "team", "both"]

ASPIRATION_KINDS: dict[AspirationKind, str] = {
    "leadership": "Leadership: leading people, projects or a department.",
    "expertise": "Expertise: becoming the go-to specialist in a field.",
    "impact": "Impact: improving systems, products or lives at a larger scale.",
    "entrepreneurial": "Entrepreneurial: building and launching new things.",
    "work_life": "Work-life design: shaping flexibility, project or portfolio work.",
}
"""The five kinds of aspiration with a one-line description each."""


@dataclass(frozen=True)
class Worksheet:
    """A person's reflection answers; free text fields may be empty."""

    strengths: str = ""
    tasks_enjoyed: str = ""
    tasks_dreaded: str = ""
    manage_people: YesNoUnsure = "unsure"
    work_style: WorkStyle = "both"
    success_measure: str = ""
    fulfilment: frozenset[Fulfilment] = field(default_factory=frozenset)


@dataclass(frozen=True)
class KindSuggestion:
    """One suggested aspiration kind, its score and a sentence built from the answers."""

    kind: AspirationKind
    score: int
    why: str


_CUES: dict[AspirationKind, re.Pattern[str]] = {
    "leadership": re.compile(r"\b(?:lead\w*|mentor\w*|coach\w*|team|people|manag\w*|hir\w+|"
                             r"organis\w*|organiz\w*|delegat\w*)\b", re.I),
    "expertise": re.compile(r"\b(?:deep|expert\w*|specialis\w*|specializ\w*|craft|master\w*|"
                            r"debug\w*|research\w*|analys\w*|technical|detail\w*|learn\w*)\b", re.I),
    "impact": re.compile(r"\b(?:impact|users?|customers?|patients?|scale|improv\w*|"
                         r"lives|society|outcomes?|metrics?|adoption)\b", re.I),
    "entrepreneurial": re.compile(r"\b(?:build\w*|launch\w*|start\w*|prototyp\w*|from scratch|"
                                  r"new products?|ideas?|found\w*|risk\w*|sell\w*)\b", re.I),
    "work_life": re.compile(r"\b(?:flexib\w*|remote|balance|family|freelanc\w*|portfolio|"
                            r"projects?|part[- ]time|travel\w*|own hours|schedule)\b", re.I),
}
_FULFIL: dict[Fulfilment, tuple[AspirationKind, ...]] = {
    "power": ("leadership",),
    "money": ("entrepreneurial",),
    "continual_learning": ("expertise",),
    "innovation": ("entrepreneurial", "impact"),
    "helping_people": ("impact", "leadership"),
    "recognition": ("expertise", "leadership"),
}
_FULFIL_WORDS: dict[Fulfilment, str] = {
    "power": "having a say in decisions", "money": "financial reward",
    "continual_learning": "continual learning", "innovation": "innovation",
    "helping_people": "helping people", "recognition": "recognition",
}
_ORDER: tuple[AspirationKind, ...] = tuple(ASPIRATION_KINDS)


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split()).rstrip(".")
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def suggest_kinds(sheet: Worksheet, top: int = 3) -> tuple[KindSuggestion, ...]:
    """Rank aspiration kinds for a worksheet; only kinds with a positive score are returned.

    Scoring: +2 per cue word in strengths or enjoyed tasks, -1 per cue in dreaded tasks,
    +1 per cue in the success measure, +2 per matching fulfilment, leadership +3/-3 for
    manage people yes/no, autonomy +1 to expertise, entrepreneurial and work-life, team +1
    to leadership and impact. Ties keep the order leadership, expertise, impact,
    entrepreneurial, work-life.
    """
    score = {k: 0 for k in _ORDER}
    reasons: dict[AspirationKind, list[str]] = {k: [] for k in _ORDER}
    for kind, cue in _CUES.items():
        liked = [(label, text) for label, text in
                 (("your strengths", sheet.strengths), ("the tasks you enjoy", sheet.tasks_enjoyed))
                 if cue.search(text)]
        for label, text in liked:
            score[kind] += 2 * len(cue.findall(text))
            reasons[kind].append(f"{label} ({_clip(text)})")
        if cue.search(sheet.tasks_dreaded):
            score[kind] -= len(cue.findall(sheet.tasks_dreaded))
        if cue.search(sheet.success_measure):
            score[kind] += len(cue.findall(sheet.success_measure))
            reasons[kind].append(f"how you measure success ({_clip(sheet.success_measure)})")
    for item in sorted(sheet.fulfilment):
        for kind in _FULFIL[item]:
            score[kind] += 2
            reasons[kind].append(f"being fulfilled by {_FULFIL_WORDS[item]}")
    if sheet.manage_people == "yes":
        score["leadership"] += 3
        reasons["leadership"].insert(0, "wanting to manage people")
    elif sheet.manage_people == "no":
        score["leadership"] -= 3
    for kind in (("expertise", "entrepreneurial", "work_life") if sheet.work_style == "autonomy"
                 else ("leadership", "impact") if sheet.work_style == "team" else ()):
        score[kind] += 1
        reasons[kind].append("preferring " + ("autonomy" if sheet.work_style == "autonomy"
                                               else "team work"))
    ranked = sorted((k for k in _ORDER if score[k] > 0), key=lambda k: (-score[k], _ORDER.index(k)))
    return tuple(KindSuggestion(k, score[k], _why(k, reasons[k])) for k in ranked[:top])


def _why(kind: AspirationKind, reasons: Iterable[str]) -> str:
    items = list(dict.fromkeys(reasons))[:3]
    name = ASPIRATION_KINDS[kind].split(":")[0].lower()
    if not items:
        return f"{name.capitalize()} may suit you."
    joined = items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]
    return f"{name.capitalize()} fits {joined}."
