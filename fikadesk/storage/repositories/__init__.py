"""Repositories: the SQL of each area, as functions over a Connection that return domain objects.

One module per area (``journal``, ``leveling``, ``plan``, ``interview``; ``<area>_<part>`` when an
area needs more room), plus ``meta`` (key/values), ``evidence`` (what briefs read across areas)
and ``transfer``. Each function runs inside the transaction its service opened; the services
keep the rules and the messages a person reads.

The one style is SQL text on a SQLAlchemy Connection. benchmarks/bench_data_style.py times the
same work four ways (5,000 entries, medians, ratio to raw sqlite3): a list of 200 entries with
tags 2.8x (text) / 3.5x (Core) / 25x (ORM); a plan with 30 check-ins 3.7x / 4.6x / 15x; 1,000
inserts 3.3x / 6.2x / 14x. Text is as fast as Core or faster, the ORM several times slower, and
FTS5 queries, triggers and upserts are text anyway. SQLModel also types the journal's datetime
columns as aware UTC, which refuses the local times the journal stores. The schema stays defined
once (the SQLModel tables and Alembic migrations); ``transfer`` alone builds Core statements,
because export and import walk every table's columns from that metadata.
"""
