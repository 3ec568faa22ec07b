"""Tests of fikadesk.ui.journal."""
