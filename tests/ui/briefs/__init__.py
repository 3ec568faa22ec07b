"""Tests of fikadesk.ui.briefs."""
