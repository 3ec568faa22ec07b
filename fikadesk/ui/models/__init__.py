"""Qt models of the fikadesk window."""
