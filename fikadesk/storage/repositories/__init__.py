"""Repositories: the SQL of each area, as functions over a Connection that return domain objects."""
