import pytest

from fikadesk.domain.preferences import LengthTarget, Preferences, PreferencesError
from fikadesk.services.container import build_services


def test_defaults_until_saved_then_kept_in_the_journal(services, journal_path, fixed_now):
    assert services.preferences.get() == Preferences()
    saved = Preferences(110, LengthTarget(20, 80), LengthTarget(50, 140), "off")
    services.preferences.save(saved)
    services.close()
    reopened = build_services(journal_path, clock=lambda: fixed_now)
    try:
        assert reopened.preferences.get() == saved
    finally:
        reopened.close()


def test_invalid_preferences_change_nothing(services):
    with pytest.raises(PreferencesError):
        services.preferences.save(Preferences(words_per_minute=5))
    assert services.preferences.get() == Preferences()


def test_first_run_flag(services):
    assert services.preferences.first_run_done() is False
    services.preferences.mark_first_run_done()
    services.preferences.mark_first_run_done()
    assert services.preferences.first_run_done() is True
