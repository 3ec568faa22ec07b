"""Tests of fikadesk.ui.plan."""
