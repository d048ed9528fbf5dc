"""The operator's command line: ``users add`` and ``monitoring record|export|import``.

:func:`add_parsers` adds the sub-commands to ``cli.py``'s parser; :func:`run` carries one out.
They run where the database is, with no sign-in: whoever can run them can read the database
and the users file anyway. ``DATABASE_URL`` chooses the database, as for the app.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from geo import io
from geo.errors import PlanDataError
from geo.load import load_plan
from geo.monitoring import records, transfer, users
from geo.monitoring.models import STATUSES
from geo.monitoring.store import Store, open_store

COMMANDS = ("users", "monitoring")


def add_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``users`` and ``monitoring`` to ``cli.py``'s sub-commands."""
    people = commands.add_parser("users", help="manage the editors who may sign in")
    people_commands = people.add_subparsers(dest="users_command", required=True)
    add = people_commands.add_parser("add", help="add a user (password read from standard input)")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=users.ROLES)
    add.add_argument(
        "--password-stdin", action="store_true", required=True, help="read the password from stdin"
    )
    add.add_argument("--replace", action="store_true", help="set a new password or role for an existing user")

    monitoring = commands.add_parser("monitoring", help="record, export or import monitoring records")
    tasks = monitoring.add_subparsers(dest="monitoring_command", required=True)
    record = tasks.add_parser("record", help="append a record for a project")
    record.add_argument("--project", required=True)
    record.add_argument("--status", required=True, help="one of " + ", ".join(STATUSES))
    record.add_argument("--as-of", required=True, help="YYYY-MM-DD")
    record.add_argument("--source", required=True, help="document number, title or link")
    record.add_argument("--site", default="")
    record.add_argument("--investor", default="")
    record.add_argument("--zone", default="", help="actual zone id")
    record.add_argument("--registered", default="", help="bn VND, e.g. 1.200 or 1,200.5")
    record.add_argument("--disbursed", default="", help="bn VND")
    record.add_argument("--lon", default="")
    record.add_argument("--lat", default="")
    record.add_argument("--note", default="")
    record.add_argument("--by", default="operator", help="name recorded as the author")
    export = tasks.add_parser("export", help="write every record")
    export.add_argument("--format", required=True, choices=transfer.FORMATS)
    export.add_argument("--out", required=True, type=Path)
    load = tasks.add_parser("import", help="import a file: every row valid, or nothing imported")
    load.add_argument("file", type=Path)
    load.add_argument("--by", default="import", help="author of rows that name none")


def run(args: argparse.Namespace, stdin: TextIO = sys.stdin) -> int:
    """Carry out a ``users`` or ``monitoring`` command; return the exit code."""
    if args.command == "users":
        password = stdin.readline().rstrip("\r\n")
        try:
            users.add_user(args.name, args.role, password, replace=args.replace)
        except users.UserError as exc:
            print(exc, file=sys.stderr)
            return 1
        print(f"user {args.name!r} ({args.role}) written to {users.users_file()}")
        return 0
    store = open_store()
    try:
        return _monitoring(args, store)
    except PlanDataError as exc:
        print(exc.in_languages(getattr(args, "lang", None)), file=sys.stderr)
        return 1
    except records.StaleRecordError as exc:
        print(exc, file=sys.stderr)
        return 1
    finally:
        store.dispose()


def _known() -> records.Known:
    plan = load_plan()
    return records.known_from(plan.projects, plan.zones)


def _monitoring(args: argparse.Namespace, store: Store) -> int:
    if args.monitoring_command == "export":
        io.ensure_new_output(args.out, [])
        count = transfer.export_records(store, args.out, args.format)
        print(f"wrote {count} records to {args.out}")
        return 0
    if args.monitoring_command == "import":
        count = transfer.import_records(store, args.file, _known(), by=args.by)
        print(f"imported {count} records from {args.file.name}")
        return 0
    values = {
        "project_id": args.project,
        "site": args.site,
        "status": args.status,
        "investor": args.investor,
        "zone_id": args.zone,
        "registered_bn_vnd": args.registered,
        "disbursed_bn_vnd": args.disbursed,
        "as_of": args.as_of,
        "source": args.source,
        "note": args.note,
        "lon": args.lon,
        "lat": args.lat,
    }
    draft, problems = records.read_draft(values, _known(), source="command line")
    if draft is None:
        raise PlanDataError(problems)
    entry = records.record_as_operator(store, draft, by=args.by)
    print(f"recorded {entry.id}: {entry.project_id} {entry.status} as of {entry.as_of.isoformat()}")
    return 0
