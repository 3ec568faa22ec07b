"""The services layer of fikadesk."""
