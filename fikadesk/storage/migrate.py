"""Running the Alembic migrations shipped in the package, in one real transaction."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

from fikadesk.storage.errors import JournalError, describe_sqlite_error

SCRIPT_LOCATION = "fikadesk.storage:migrations"


def alembic_config():  # type: ignore[no-untyped-def]
    """Return an Alembic ``Config`` pointing at the packaged migrations."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", SCRIPT_LOCATION)
    return config


def script_revisions() -> list[str]:
    """Return the revision ids of the packaged migration scripts, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def upgrade(engine: Engine, target: str = "head") -> None:
    """Upgrade the journal behind ``engine`` to ``target``; all of it or none of it."""
    from alembic import command

    config = alembic_config()
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, target)
    except DBAPIError as exc:
        raise JournalError(f"The journal could not be upgraded: {describe_sqlite_error(exc)}") from None
