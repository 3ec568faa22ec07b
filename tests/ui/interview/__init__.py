"""Tests of fikadesk.ui.interview."""
