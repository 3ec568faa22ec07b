"""Run fikadesk with ``python -m fikadesk``."""

from fikadesk.app import main

if __name__ == "__main__":
    raise SystemExit(main())
