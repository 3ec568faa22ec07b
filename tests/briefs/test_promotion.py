"""The promotion case's rules: privacy, period, starred-only, options and the missing parts."""

from __future__ import annotations

from datetime import date

import pytest

from fikadesk.briefs.markdown import long_date, minutes_seconds, table
from fikadesk.briefs.promotion import PromotionOptions, default_period, missing_for_consistent
from fikadesk.domain.leveling.ladder import Expectation, ExpectationEvidence
from fikadesk.services.briefs import NO_TARGET, BriefError
from fikadesk.services.container import Services
from tests.briefs.sample import TODAY, fill_journal, sample_plan


def test_private_trashed_and_old_entries_never_appear(services: Services) -> None:
    fill_journal(services)
    options = PromotionOptions(*default_period(TODAY))
    text = services.briefs.promotion(options, TODAY, sample_plan())
    assert "Frank notes" not in text and "anyone else's eyes" not in text
    assert "Duplicate of the disk alerts" not in text
    assert "2025 hack week" not in text
    assert text.count("Led the billing migration cut-over") == 3


def test_private_entries_stay_out_even_when_the_input_holds_them(services: Services) -> None:
    made = fill_journal(services)
    options = PromotionOptions(date(2000, 1, 1), TODAY)
    data = services.briefs.promotion_input(options)
    all_ids = {e.id for item in data.expectations for e in item.entries}
    assert made["Frank notes on the reorg rumours"] not in all_ids
    assert made["Ran the 2025 hack week"] in all_ids


def test_a_wider_period_brings_older_evidence_in(services: Services) -> None:
    fill_journal(services)
    text = services.briefs.promotion(PromotionOptions(date(2025, 1, 1), TODAY), TODAY)
    assert "★ 2025-10-01 — **Ran the 2025 hack week**" in text
    assert "Prepared on 20 November 2026 from journal entries dated 1 January 2025 to " \
           "20 November 2026." in text


def test_no_target_still_gives_a_brief_but_no_case_input(services: Services) -> None:
    options = PromotionOptions(*default_period(TODAY))
    with pytest.raises(BriefError) as caught:
        services.briefs.promotion_input(options)
    assert str(caught.value) == NO_TARGET
    text = services.briefs.promotion(options, TODAY)
    assert text.startswith("# Promotion case: my wins\n")
    assert "No wins are recorded in this period yet." in text


def test_period_must_not_run_backwards() -> None:
    with pytest.raises(ValueError, match="starts"):
        PromotionOptions(date(2026, 5, 2), date(2026, 5, 1))


def test_default_period_is_the_last_twelve_months() -> None:
    assert default_period(date(2026, 11, 20)) == (date(2025, 11, 21), date(2026, 11, 20))
    assert default_period(date(2028, 2, 29)) == (date(2027, 3, 1), date(2028, 2, 29))


def test_missing_parts_are_named() -> None:
    ev = ExpectationEvidence(Expectation("Scope", "x"), 1, 0, date(2024, 1, 5), 1)
    assert missing_for_consistent(ev, date(2026, 1, 1)) == (
        "2 more entries, a starred entry, entries from 2 different months, a recent entry")
    ev = ExpectationEvidence(Expectation("Scope", "x"), 2, 1, date(2025, 12, 5), 2)
    assert missing_for_consistent(ev, date(2026, 1, 1)) == "1 more entry"


def test_small_helpers() -> None:
    assert long_date(date(2026, 3, 14)) == "14 March 2026"
    assert [minutes_seconds(s) for s in (0, 2, 44, 61, 118, 120)] == \
        ["0 s", "5 s", "45 s", "1 min", "2 min", "2 min"]
    assert table(["A", "B"], [["", "b"]]) == "| A | B |\n|---|---|\n| — | b |"
    with pytest.raises(ValueError):
        table(["A"], [["a", "b"]])


def test_plain_title_reads_the_first_heading_back() -> None:
    from fikadesk.briefs.markdown import inline
    from fikadesk.briefs.render import plain_title, to_html

    assert plain_title(f"intro\n\n# Promotion case: {inline('C# <b> & *x*')}\n") == \
        "Promotion case: C# <b> & *x*"
    assert plain_title("no heading", "Brief") == "Brief"
    assert "<title>a &lt;b&gt; &amp;</title>" in to_html("# x\n", "a <b> &")
