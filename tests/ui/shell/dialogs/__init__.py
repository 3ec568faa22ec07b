"""Tests of the app-wide dialogs (ui/shell/dialogs)."""
