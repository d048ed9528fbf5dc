"""Plan monitoring: dated, sourced records of what became of each project (issue 15).

A database (SQLite file by default, PostgreSQL + PostGIS when ``DATABASE_URL`` says so) holds
an append-only history per project: a change or a correction is a new record that
supersedes the latest one. Modules:

- :mod:`~geo.monitoring.amounts`: reading capital amounts typed in Vietnamese or English.
- :mod:`~geo.monitoring.models`: the table, the statuses, the point type for both backends.
- :mod:`~geo.monitoring.store`: the engine from ``DATABASE_URL`` and migrations on first start.
- :mod:`~geo.monitoring.records`: validating, saving (with optimistic concurrency) and querying.
- :mod:`~geo.monitoring.users`: the users file, sign-in, sessions and the role check.
- :mod:`~geo.monitoring.transfer`: export to and validated import from GPKG, XLSX, CSV.
- :mod:`~geo.monitoring.commands`: the ``users`` and ``monitoring`` command-line commands.

Nothing here knows Streamlit or folium.
"""
