"""Tests of the plan services."""
