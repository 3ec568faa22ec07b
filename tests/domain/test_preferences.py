import pytest

from fikadesk.domain.preferences import (
    LengthTarget,
    Preferences,
    PreferencesError,
    preferences_from_meta,
    preferences_to_meta,
    validate_preferences,
    words_for_seconds,
)


def test_defaults_are_the_documented_ones():
    prefs = Preferences()
    assert prefs.words_per_minute == 140
    assert prefs.aspiration == LengthTarget(15, 90)
    assert prefs.story == LengthTarget(45, 150)
    assert prefs.reminder == "weekly"


def test_round_trip_through_meta():
    prefs = Preferences(120, LengthTarget(20, 60), LengthTarget(60, 180), "monthly")
    assert preferences_to_meta(prefs) == {
        "pref.words_per_minute": "120", "pref.aspiration_seconds": "20-60",
        "pref.story_seconds": "60-180", "pref.reminder": "monthly"}
    assert preferences_from_meta(preferences_to_meta(prefs)) == prefs


@pytest.mark.parametrize("prefs, message", [
    (Preferences(words_per_minute=59), "speaking pace must be between 60 and 250"),
    (Preferences(words_per_minute=251), "speaking pace must be between 60 and 250"),
    (Preferences(aspiration=LengthTarget(90, 90)), "aspiration length: the shortest (90 s)"),
    (Preferences(story=LengthTarget(45, 601)), "story length must stay between 5 and 600"),
    (Preferences(reminder="daily"), "reminder must be one of off, weekly, fortnightly, monthly"),
])
def test_bad_values_are_refused_with_a_reason(prefs, message):
    with pytest.raises(PreferencesError, match=message.replace("(", r"\(").replace(")", r"\)")):
        validate_preferences(prefs)


def test_damaged_meta_values_fall_back_one_by_one():
    prefs = preferences_from_meta({"pref.words_per_minute": "fast", "pref.aspiration_seconds": "30-20",
                                   "pref.story_seconds": "50-100", "pref.reminder": "hourly"})
    assert prefs == Preferences(story=LengthTarget(50, 100))


def test_words_for_seconds_uses_the_pace():
    assert words_for_seconds(Preferences(), 90) == 210
    assert words_for_seconds(Preferences(words_per_minute=100), 45) == 75


def test_with_changes_validates():
    assert Preferences().with_changes(words_per_minute=150).words_per_minute == 150
    with pytest.raises(PreferencesError):
        Preferences().with_changes(words_per_minute=10)


@pytest.mark.parametrize("cadence, quiet, due", [
    ("weekly", 7, True), ("weekly", 6, False), ("fortnightly", 10, False), ("fortnightly", 14, True),
    ("monthly", 29, False), ("monthly", 30, True), ("off", 400, False), ("weekly", None, False),
])
def test_reminder_due_follows_the_cadence(cadence, quiet, due):
    from fikadesk.domain.preferences import reminder_due

    assert reminder_due(Preferences(reminder=cadence), quiet) is due
