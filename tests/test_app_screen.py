"""Starting the window where there is no screen ends in a readable message, not a Qt abort."""

from __future__ import annotations

import sys

import pytest

from fikadesk import app


def test_no_screen_is_one_readable_line(monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert app.main([]) == 1
    err = capsys.readouterr().err
    assert err == ("fikadesk: there is no screen to open the window on (neither DISPLAY nor WAYLAND_DISPLAY "
                   "is set). Run it from your desktop session, or use the commands: fikadesk --help\n")


@pytest.mark.parametrize("env", [{"DISPLAY": ":0"}, {"WAYLAND_DISPLAY": "wayland-0"},
                                 {"QT_QPA_PLATFORM": "offscreen"}])
def test_a_display_or_a_chosen_platform_counts_as_a_screen(monkeypatch, env) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert not app.no_screen()
