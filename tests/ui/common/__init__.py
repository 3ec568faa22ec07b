"""Tests of fikadesk.ui.common."""
