"""Journal use cases: writing, reading and searching entries."""
