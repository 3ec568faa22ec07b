"""Shared by every area of the window: widget helpers, alerts, forms, theme, plain text."""
