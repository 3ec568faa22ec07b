"""Journal area rules: evidence entries, their search, and records read from elsewhere."""
