"""Tests for the coach's context checks: subject of 'grow', money disclaimers, seniority jumps."""

from fikadesk.domain.interview.coach import coach
from fikadesk.domain.interview.coach_context import (
    disclaimed,
    other_subject,
    plain_word,
    seniority_jumps,
)

ANY = {"aspiration": (0.0, 1000.0), "story": (0.0, 1000.0)}
NNF = "Right now I want to learn Kotlin. In a few years I'd lead the payments team. "
END = "Eventually I'd become a staff engineer."


def codes(text: str, kind: str = "aspiration") -> list[tuple[str, str]]:
    """(code, flagged text) pairs with length checks off."""
    return [(f.code, text[f.start : f.end]) for f in coach(text, kind=kind, ranges=ANY)]  # type: ignore[arg-type]


def _at(text: str, word: str) -> bool:
    start = text.index(word)
    return other_subject(text, start, start + len(word))


def test_grow_said_of_others_is_not_the_speaker() -> None:
    assert _at("it depends on how the business grows.", "grows")
    assert _at("while competitors were growing.", "growing")
    assert _at("I love to help others grow.", "grow")
    assert not _at("I just want to grow.", "grow")
    assert not _at("I'd like to keep growing.", "growing")
    assert not _at("Grow.", "Grow")


def test_coach_flags_own_growth_but_not_the_business_growth() -> None:
    assert codes(NNF + END + " It depends on how the business grows.") == []
    assert codes("I just want to grow. " + NNF + END) == [("vague", "grow")]


def test_money_conceded_then_set_aside_is_disclaimed() -> None:
    text = "Of course salary matters, but it's not what gets me up in the morning."
    assert disclaimed(text, text.index("salary") + len("salary"))
    plain = "Salary matters a lot to me. But I like maps."
    assert not disclaimed(plain, plain.index("Salary") + len("Salary"))
    assert codes(text + " " + NNF + END) == []
    assert codes(NNF + END + " The salary is what matters.") == [("money_status", "salary")]


def test_status_goal_without_money_words() -> None:
    assert codes(NNF + END + " I want the title of senior manager on my business card.") == [
        ("money_status", "title of senior manager on my business card")
    ]
    assert codes(NNF + END + " I want to work only for the most famous firm.") == [
        ("money_status", "work only for the most famous firm")
    ]
    assert codes(NNF + END + " I'd make this the best-known brand in Europe.") == []


def test_junior_reaching_the_top_within_two_years_is_unrealistic() -> None:
    text = "I'm joining as a junior designer. Within a year, though, I want to be design director."
    sentences = [(0, 33), (34, len(text))]
    assert [text[s:e] for s, e in seniority_jumps(text, sentences)] == [
        "Within a year, though, I want to be design director"
    ]
    later = "I'm joining as a junior designer. In ten years I want to be design director."
    assert seniority_jumps(later, [(0, 33), (34, len(later))]) == []
    senior = "I'm a team lead. Within a year, though, I want to be design director."
    assert seniority_jumps(senior, [(0, 16), (17, len(senior))]) == []
    division = ("I'm starting as an apprentice electrician. By next year I expect to be running "
                "the company's whole contracting division.")
    assert [c for c, _ in codes(division)] == ["unrealistic", "missing_now", "missing_future"]


def test_closed_plan_phrases_are_rigid() -> None:
    assert codes(NNF + END + " I will be charge nurse, and that is fixed.") == [("rigid", "that is fixed")]
    assert codes(NNF + END + " Nothing would make me change.") == [("rigid", "Nothing would make me")]


def test_stopgap_job_and_another_profession_are_unrelated() -> None:
    assert [c for c, _ in codes(NNF + END + " This job is a way to pay the bills.")] == ["unrelated_to_role"]
    assert codes(NNF + END + " Then I want to finish law school.") == [
        ("unrelated_to_role", "finish law school")
    ]
    assert codes(NNF + "Eventually I want to be a criminal defence lawyer.") == [
        ("unrelated_to_role", "be a criminal defence lawyer")
    ]


def test_plain_words_name_nothing_concrete() -> None:
    words = "start guiding other people and be an expert in my area".split()
    assert [w for i, w in enumerate(words) if plain_word(words, i)] == ["guiding", "expert", "area"]
    words = "handling the bigger messier problems and others rely on me".split()
    assert [w for i, w in enumerate(words) if plain_word(words, i)] == [
        "handling", "bigger", "messier", "rely"
    ]
    words = "recognised for testing Kotlin services".split()
    assert [w for i, w in enumerate(words) if plain_word(words, i)] == ["recognised"]


def test_abstract_aspiration_and_timeframe_numbers_are_no_specifics() -> None:
    abstract = ("In the beginning I want to understand the work deeply. Over the next two or three "
                "years I'd start guiding other people. Later I'd be recognised as an expert in my area.")
    assert [c for c, _ in codes(abstract)] == ["no_specifics"]
    concrete = ("In the beginning I want to learn Kotlin. Over the next two or three years I'd lead "
                "the payments team. Later I'd be recognised as an expert in fraud detection.")
    assert codes(concrete) == []
