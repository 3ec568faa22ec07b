"""The whole-app window: main window, menus, start-up, window state and app-wide dialogs."""
