"""Command line for the plan data: validate, findings, export, build-data; users, monitoring.

Run ``python cli.py --help``; every sub-command reads the bundled data unless
``--zones``, ``--sites`` or ``--projects`` name other files.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd

from geo import context, derive, io, settings
from geo.errors import PlanDataError, Problem, phrase, raise_if
from geo.exports import EXPORT_KINDS, export_frame, export_totals
from geo.findings import findings
from geo.load import load_plan
from geo.monitoring import commands as monitoring_commands
from geo.view import Filters, build_view
from layers import mapview
from layers.downloads import people_sheet
from layers.i18n import LANGUAGES
from paper import commands as paper


def _add_inputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--zones", type=Path, help="zone layer (GeoJSON, GPKG, SHP, zip, FGB)")
    parser.add_argument("--sites", type=Path, help="site points (layer, or CSV/XLSX with lon/lat)")
    parser.add_argument("--projects", type=Path, help="priority list (CSV or XLSX)")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, exposed for tests."""
    parser = argparse.ArgumentParser(prog="cli.py", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    _add_inputs(commands.add_parser("validate", help="check the data; exit 1 listing every problem"))
    _add_inputs(commands.add_parser("findings", help="print the plan's own inconsistencies"))
    export = commands.add_parser("export", help="write projects, zones, sites or zone load")
    export.add_argument("kind", choices=(*EXPORT_KINDS, "map", *paper.PAPER_KINDS))
    export.add_argument(
        "--format", required=True, choices=("csv", "geojson", "gpkg", "xlsx", "html", *paper.PAPER_FORMATS)
    )
    paper.add_paper_options(export)
    export.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=None,
        help="language of an exported map or sheet (default vi) and of messages (default: both)",
    )
    columns = export.add_mutually_exclusive_group()
    columns.add_argument(
        "--raw",
        dest="readable",
        action="store_false",
        help="CSV/XLSX with the column ids (project_id, capital_bn_vnd), for scripts, `validate` (default)",
    )
    columns.add_argument(
        "--readable",
        action="store_true",
        help="CSV/XLSX made for people: headers and words in --lang, formats, totals row (XLSX)",
    )
    export.set_defaults(readable=False)
    export.add_argument("--out", required=True, type=Path)
    export.add_argument("--sector", action="append", choices=settings.SECTORS, default=[])
    export.add_argument("--phase", action="append", choices=settings.PHASES, default=[])
    export.add_argument("--policy", choices=settings.POLICIES, default=settings.DEFAULT_POLICY)
    _add_inputs(export)
    build = commands.add_parser("build-data", help="rebuild zones and sites from data/sources")
    build.add_argument("--out", required=True, type=Path, help="folder to write into")
    monitoring_commands.add_parsers(commands)
    return parser


def _inputs(args: argparse.Namespace) -> dict[str, Path | None]:
    return {"projects": args.projects, "zones": args.zones, "sites": args.sites}


def run(argv: list[str]) -> int:
    """Run one command; return the process exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    # Messages come in the language asked for; with none asked, in both (see PlanDataError).
    messages = getattr(args, "lang", None)
    if args.command == "export" and args.lang is None:
        args.lang = "vi"
    if args.command in monitoring_commands.COMMANDS:
        return monitoring_commands.run(args)
    if args.command == "export" and (problem := paper.usage_error(args)):
        parser.error(problem)
    if args.command == "export" and args.readable and args.format not in ("csv", "xlsx"):
        parser.error(f"--readable makes csv or xlsx tables; --format {args.format} keeps the column ids")
    try:
        if args.command == "build-data":
            return _build_data(args.out)
        plan = load_plan(**_inputs(args))
        if args.command == "validate":
            print(
                f"OK: {len(plan.projects)} projects, {len(plan.zones)} zones, "
                f"{len(plan.sites)} sites; capital {plan.total_capital:,.0f} bn VND"
            )
        elif args.command == "findings":
            found = findings(plan.projects, plan.subtotals, plan.targets)
            print(f"{len(found)} finding(s) in the plan's own figures:")
            for message in found["message"]:
                print(f"- {message}")
        else:
            check_output(args.out, [p for p in _inputs(args).values() if p is not None])
            filters = Filters(sectors=args.sector, phases=args.phase, policy=args.policy)
            view = build_view(plan, filters)
            if paper.is_paper(args):
                io.write_bytes(paper.render(plan, view, filters, args), args.out)
                print(f"wrote the {args.kind} to {args.out}")
            elif args.kind == "map":
                page = mapview.standalone_html(
                    plan.zones,
                    view,
                    filters,
                    args.lang,
                    files=io.read_static_assets(),
                    context=context.read_context(),
                )
                io.write_text(page, args.out)
                print(f"wrote the map to {args.out}")
            else:
                frame = export_frame(plan, args.kind, view, rounded=args.readable)
                if args.readable and args.format in ("csv", "xlsx"):
                    totals = export_totals(plan, args.kind, view)
                    io.write_sheet(people_sheet(frame, args.kind, totals, args.lang), args.out, args.format)
                else:
                    io.write_any(frame, args.out, args.format)
                print(f"wrote {len(frame)} rows to {args.out}")
    except PlanDataError as exc:
        print(exc.in_languages(messages), file=sys.stderr)
        return 1
    except OSError as exc:
        # The checks above cannot foresee everything the disk says (full, read-only mount).
        refused = Problem(str(args.out), "", "--out", WRITABLE, exc.strerror or str(exc))
        print(
            refused.text(messages) if messages else refused.text("en") + "\n" + refused.text("vi"),
            file=sys.stderr,
        )
        return 1
    return 0


#: What ``--out`` must be, in both languages.
WRITABLE = phrase(
    "a file path in an existing folder you may write to",
    "đường dẫn tệp trong một thư mục đã có mà bạn được quyền ghi",
)


def output_problems(out: Path, reading: list[Path]) -> list[Problem]:
    """Every reason not to write ``out``: a folder, a missing or read-only folder, or a file
    being read (the given inputs, and every file of the active data folder).

    Parameters
    ----------
    out
        The path given to ``--out``.
    reading
        Files the command reads besides the active data folder's.
    """
    name = str(out)
    target = out.resolve()
    folder = settings.data_dir().resolve()
    problems = []
    if out.is_dir():
        problems.append(Problem(name, "", "--out", WRITABLE, phrase("a folder", "một thư mục")))
    elif not out.parent.is_dir():
        found = phrase("no folder {path}", "không có thư mục {path}", path=out.parent)
        problems.append(Problem(name, "", "--out", WRITABLE, found))
    elif not os.access(out.parent, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        found = phrase("no permission to write there", "không có quyền ghi vào đó")
        problems.append(Problem(name, "", "--out", WRITABLE, found))
    if any(target == path.resolve() for path in reading):
        found = phrase("one of the files it reads", "một trong các tệp đang được đọc")
        problems.append(Problem(name, "", "--out", WRITABLE, found))
    elif folder in target.parents or settings.DATA_DIR.resolve() in target.parents:
        found = phrase(
            "a path inside the data folder being read ({folder})",
            "một đường dẫn trong thư mục dữ liệu đang được đọc ({folder})",
            folder=folder,
        )
        problems.append(Problem(name, "", "--out", WRITABLE, found))
    return problems


def check_output(out: Path, reading: list[Path]) -> None:
    """Raise :class:`PlanDataError` listing :func:`output_problems`, if there are any."""
    raise_if(output_problems(out, reading))


def _build_data(out: Path) -> int:
    io.ensure_new_output(out / settings.ZONES_FILE.name, [])
    zones = derive.build_zones(
        io.read_layer(settings.DISTRICTS_SOURCE),
        io.read_table(settings.PARKS_SOURCE),
        io.read_table(settings.PARKS_SOURCE_VI),
    )
    projects = io.read_table(settings.PROJECTS_FILE)
    sites = derive.build_sites(projects, zones)
    io.write_layer(zones, out / settings.ZONES_FILE.name, "geojson")
    io.write_layer(sites, out / settings.SITES_FILE.name, "geojson")
    print(f"wrote {len(zones)} zones and {len(sites)} sites to {out}")
    print(f"wrote {context.write_context(out)} context features to {out}")
    return 0


if __name__ == "__main__":
    pd.set_option("display.width", 120)
    sys.exit(run(sys.argv[1:]))
