"""The domain layer of fikadesk."""
