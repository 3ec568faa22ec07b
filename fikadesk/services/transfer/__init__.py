"""Export and import of a whole journal, and import from other journaling tools."""
