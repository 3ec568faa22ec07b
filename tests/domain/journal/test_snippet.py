"""Search excerpts made in Python must mark what the full-text index matched."""

from hypothesis import given
from hypothesis import strategies as st

from fikadesk.domain.journal.entries import SNIPPET_CLOSE as C
from fikadesk.domain.journal.entries import SNIPPET_OPEN as O
from fikadesk.domain.journal.entries import fold, make_snippet


def test_marks_prefix_matches_ignoring_case_and_accents():
    assert make_snippet(("A naïve Café talk",), ("naive", "caf")) == f"A {O}naïve{C} {O}Café{C} talk"


def test_tries_fields_in_order_and_skips_non_matching():
    assert make_snippet(("nothing here", "rollback halved"), ("roll",)) == f"{O}rollback{C} halved"
    assert make_snippet(("nothing", "here"), ("roll",)) == ""
    assert make_snippet(("roll",), ()) == ""


def test_long_text_is_cut_around_the_first_hit_on_a_word_boundary():
    text = "alpha " * 30 + "target word " + "omega " * 30
    snippet = make_snippet((text,), ("target",), width=40)
    assert snippet.startswith("…alpha ")
    assert snippet.endswith("…")
    assert f"{O}target{C} word" in snippet
    assert len(snippet.replace(O, "").replace(C, "")) <= 42


def test_user_text_cannot_inject_markers_and_newlines_fold():
    assert make_snippet((f"x{O}y\nroll{C}",), ("roll",)) == f"x y {O}roll{C}"


def _fold_by_character(text: str) -> str:
    """The plain definition: each character without its accents when that leaves one character."""
    import unicodedata

    out = []
    for char in text:
        bare = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        out.append(bare if len(bare) == 1 else char)
    return "".join(out)


@given(st.text(max_size=200))
def test_fold_keeps_length_and_drops_accents_like_the_plain_definition(text: str) -> None:
    assert fold(text) == _fold_by_character(text)
    assert len(fold(text)) == len(text)


def test_fold_examples() -> None:
    assert fold("Café Ångström naïve ﬁx") == "Cafe Angstrom naive ﬁx"
    assert fold("plain ascii") == "plain ascii"
