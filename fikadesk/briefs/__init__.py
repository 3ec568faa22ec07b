"""The briefs layer of fikadesk."""
