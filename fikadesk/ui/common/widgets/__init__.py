"""Widgets shared by more than one area: banner, markdown view, evidence chart."""
