"""Plan area rules: promotion plan records, where a plan stands, and check-in preparation."""
