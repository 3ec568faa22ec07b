"""Qt tabs of the fikadesk window."""
