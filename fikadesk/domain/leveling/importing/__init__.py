"""Reading a leveling guide from a file or folder (markdown, CSV, JSON, YAML, HTML tables) into levels."""
