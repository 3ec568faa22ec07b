"""Qt dialogs of the fikadesk window."""
