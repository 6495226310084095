"""Alembic environment. The store runs migrations itself, handing over an open connection inside its
transaction (``config.attributes["connection"]``); the alembic command line gets ``-x url=...``."""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context
from sqlalchemy.engine import Connection

from dispatch_desktop.store.schema import metadata


def run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


given = context.config.attributes.get("connection")
if given is not None:
    run(given)
else:
    url = context.get_x_argument(as_dictionary=True).get("url")
    if not url:
        raise SystemExit("give the database: alembic -c .../alembic.ini -x url=sqlite:////path/to.db ...")
    with sa.create_engine(url).begin() as connection:
        run(connection)
