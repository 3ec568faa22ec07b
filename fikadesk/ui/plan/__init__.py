"""The Plan tab: goals, threads, follow-ups, their dialogs and the tray reminders."""
