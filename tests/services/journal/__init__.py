"""Tests of the journal services."""
