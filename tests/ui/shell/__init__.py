"""Tests of fikadesk.ui.shell."""
