"""Tests of fikadesk.ui.leveling."""
