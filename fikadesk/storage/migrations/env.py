"""Alembic environment: always runs on the connection that fikadesk hands over."""

from alembic import context

from fikadesk.storage.tables import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    transactional_ddl=True,
)
context.run_migrations()
