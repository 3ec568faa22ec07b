"""Tests of the interview services."""
