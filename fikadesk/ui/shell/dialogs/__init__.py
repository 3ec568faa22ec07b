"""The window's app-wide dialogs: about, backups, first run, guide, shortcuts, preferences, import preview."""
