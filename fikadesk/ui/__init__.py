"""The Qt user interface: the only package that imports PySide6."""

from fikadesk.ui.shell.import_sources import forget_import_sources

forget_import_sources()  # before the rest of the window (and the data layer) is imported
