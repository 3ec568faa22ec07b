"""Hostile user text (markup, HTML, long words, emoji, RTL) neither breaks a brief nor goes missing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from fikadesk.briefs.agenda import build_agenda
from fikadesk.briefs.interview import InterviewInput, InterviewJob, PreparedAnswer, StarStory, build_interview
from fikadesk.briefs.markdown import block, inline
from fikadesk.briefs.promotion import ExpectationLinks, PromotionInput, PromotionOptions, build_promotion
from fikadesk.briefs.promotion_plan import NOTE_CHARS, shorten
from fikadesk.domain.journal.entries import Entry
from fikadesk.domain.leveling.stored import StoredExpectation, Target
from fikadesk.domain.plan.records import (
    CheckIn,
    ChecklistItem,
    Checkpoint,
    Commitment,
    FollowUp,
    Plan,
    PlanState,
    ProcessNotes,
)
from tests.briefs.sample import TODAY, sample_agenda
from tests.briefs.structure import read

HOSTILE = [
    "<div>never closed",
    "<script>alert('x')</script> and <img src=file:///etc/passwd>",
    "**bold** _slanted_ `code` ``` and ~~struck~~",
    "[a link](javascript:alert(1)) and ![an image](file:///home/me/secret.png)",
    "# looks like a heading",
    "- looks like a bullet",
    "1. looks like a number",
    "2026) also a number",
    "> looks like a quote",
    "---",
    "===",
    "a | b | c with | pipes |",
    "&amp; &lt;b&gt; &#60;div&#62; entities",
    "back\\slash at the end \\",
    "C# and F# #hashtag ##",
    "<http://example.com> and https://example.com/x_y_z",
    "Supercalifragilistic" * 12,
    "Shipped it 🎉👩‍💻🚀 on time",
    "עברית: שלום עולם and العربية: مرحبا بالعالم",
    "\u202eoverride left open",
]
PLAIN = "plain words"


def flat(text: str) -> str:
    return " ".join(text.split())


def _entry(number: int, title: str, impact: str) -> Entry:
    moment = datetime(2026, 11, 1, 9, 0)
    return Entry(number, date(2026, 10, number % 28 + 1), title, "", impact, (), number % 2 == 0,
                 None, (), False, moment, moment)


def _promotion(text: str) -> tuple[PromotionInput, PromotionOptions]:
    target = Target(1, text, 1, text, 2, text, date(2027, 3, 31), text + "\n\n" + text)
    items = tuple(
        ExpectationLinks(StoredExpectation(n, text if n < 3 else "Craft", text),
                         (_entry(n * 10 + 1, text, text), _entry(n * 10 + 2, text, "")))
        for n in range(1, 4)
    )
    plan = PlanState(
        Plan(text, date(2027, 3, 31), text, ProcessNotes(text, text, text, text)),
        checklist=(ChecklistItem(1, text, text, "open"), ChecklistItem(2, text, "", "done")),
        commitments=(Commitment(1, text, "open", date(2026, 12, 1)),),
        checkpoints=(Checkpoint(1, date(2026, 12, 1), text),),
        checkins=(CheckIn(1, date(2026, 10, 1), (text,), text, text, growth_talk=True),),
        followups=(FollowUp(1, 1, text, "manager", date(2026, 12, 1)),),
    )
    data = PromotionInput(target, items, text, plan)
    return data, PromotionOptions(date(2025, 11, 21), TODAY)


def _interview(text: str) -> InterviewInput:
    return InterviewInput(
        InterviewJob(text, text, date(2026, 12, 3), (text, "payments"), text),
        PreparedAnswer(text, text + " " + text),
        (PreparedAnswer(text, text),),
        (StarStory(text, text, text, text, text, date(2026, 9, 1)),
         StarStory(text, "", "", "", "", None, said=text)),
        (text, text),
    )


def _agenda(text: str):
    data = sample_agenda()
    prep = data.prep
    followups = tuple(replace(v, followup=replace(v.followup, text=text)) for v in prep.followups)
    checkpoints = tuple(replace(c, checkpoint=replace(c.checkpoint, title=text))
                        for c in prep.checkpoints)
    items = tuple(replace(i, title=text, how_we_know=text) for i in prep.in_progress)
    starred = tuple(replace(e, title=text) for e in prep.starred)
    last = replace(prep.last_checkin, talking_points=(text,)) if prep.last_checkin else None
    prep = replace(prep, followups=followups, checkpoints=checkpoints, in_progress=items,
                   starred=starred, last_checkin=last)
    return replace(data, plan=replace(data.plan, target_level=text, manager_name=text), prep=prep)


BUILDERS = {
    "promotion": lambda text: build_promotion(*_promotion(text), TODAY),
    "interview": lambda text: build_interview(_interview(text), TODAY),
    "agenda": lambda text: build_agenda(_agenda(text), TODAY),
}


@pytest.mark.parametrize("kind", sorted(BUILDERS))
@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_structure_is_the_same_as_with_plain_text(kind: str, text: str) -> None:
    plain_tags, _ = read(BUILDERS[kind](PLAIN))
    hostile_tags, _ = read(BUILDERS[kind](text))
    assert hostile_tags == plain_tags


@pytest.mark.parametrize("kind", sorted(BUILDERS))
@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_no_text_is_lost(kind: str, text: str) -> None:
    brief = BUILDERS[kind](text)
    _, visible = read(brief)
    plain_count = read(BUILDERS[kind](PLAIN))[1].count(PLAIN)
    assert plain_count >= 5
    if kind == "promotion" and len(text) > NOTE_CHARS:
        # The check-in history gives each check-in's notes in short, marked with "…".
        assert flat(shorten(text)) in visible and shorten(text).endswith(" …")
        plain_count -= 1
    assert visible.count(flat(text)) == plain_count


def test_plain_brief_has_the_expected_shape() -> None:
    tags, _ = read(BUILDERS["promotion"](PLAIN))
    assert tags.count("h1") == 1
    assert tags.count("table") == 4
    assert "a" not in tags and "img" not in tags and "script" not in tags and "code" not in tags


def test_inline_keeps_every_character_visible() -> None:
    assert inline("a\x00b\x1b\x7fc") == "a\u2400b\u241b\u2421c"
    assert inline("  two\n lines\t here ") == "two lines here"


def test_inline_closes_open_bidi_controls() -> None:
    assert inline("\u202eabc") == "\u202eabc\u202c"
    assert inline("\u2067abc\u2069") == "\u2067abc\u2069"
    assert inline("\u2068a\u202bb") == "\u2068a\u202bb\u202c\u2069"


def test_block_keeps_lines_and_paragraphs() -> None:
    assert block("one\n# two\n\n\n- three") == "one  \n\\# two\n\n\\- three"
    tags, visible = read(block("one\n# two\n\n- three\n1. four"))
    assert tags == ["p", "br", "p", "br"]
    assert visible == "one # two - three 1. four"
