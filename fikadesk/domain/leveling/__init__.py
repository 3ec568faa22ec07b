"""Leveling area rules: ladders, the ladder importer, readiness, snapshots and link suggestions."""
