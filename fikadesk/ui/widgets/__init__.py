"""Qt widgets of the fikadesk window."""
