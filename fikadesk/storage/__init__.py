"""The storage layer of fikadesk."""
