"""PyInstaller entry point: the same ``main`` as the ``fikadesk`` command."""

from fikadesk.app import main

if __name__ == "__main__":
    raise SystemExit(main())
