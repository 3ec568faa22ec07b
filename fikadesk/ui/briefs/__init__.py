"""Briefs on screen, on paper and as PDF: the brief dialog and the Qt drawing of briefs."""
