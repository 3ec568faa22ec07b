"""Tests of the leveling services."""
