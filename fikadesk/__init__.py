"""fikadesk: a private, offline promotion-case and interview journal."""

__version__ = "0.1.0"
