"""Tests of the transfer services."""
