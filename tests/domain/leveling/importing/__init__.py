"""Tests of the ladder importer (domain/leveling/importing)."""
