"""The command line's paper exports: ``export map --format pdf|png|svg``, ``export
zone-sheet`` and ``export briefing`` (``cli.py`` adds these options and calls :func:`render`)."""

from __future__ import annotations

import argparse
import re
from typing import Final

from geo.load import Plan
from geo.view import Filters, View
from paper.briefing import render_briefing
from paper.page import render_map
from paper.sheets import render_zone_sheet

PAPER_KINDS: Final[tuple[str, ...]] = ("zone-sheet", "briefing")
PAPER_FORMATS: Final[tuple[str, ...]] = ("pdf", "png", "svg")
#: What each kind can be written as.
KIND_FORMATS: Final[dict[str, tuple[str, ...]]] = {
    "map": ("html", *PAPER_FORMATS),
    "zone-sheet": ("pdf",),
    "briefing": ("pdf",),
}


def parse_size(value: str) -> tuple[int, int]:
    """``1920x1080`` → (1920, 1080); anything else is a usage error that says what was expected."""
    match = re.fullmatch(r"\s*(\d{2,5})\s*[xX×]\s*(\d{2,5})\s*", value)
    if not match:
        raise argparse.ArgumentTypeError(
            f"expected WIDTHxHEIGHT in pixels such as 1920x1080; found {value!r}"
        )
    return int(match.group(1)), int(match.group(2))


def add_paper_options(parser: argparse.ArgumentParser) -> None:
    """``--paper``, ``--size``, ``--dpi`` and ``--zone`` on the ``export`` sub-command."""
    parser.add_argument("--paper", choices=("a4", "a3"), default="a4", help="landscape sheet (PDF, SVG)")
    parser.add_argument("--size", type=parse_size, help="PNG size in pixels, WxH (default 1920x1080)")
    parser.add_argument("--dpi", type=int, help="PNG resolution of the sheet, for print (instead of --size)")
    parser.add_argument("--zone", default="", help="zone id of a zone sheet, e.g. kcn-cau-nghin")


def usage_error(args: argparse.Namespace) -> str | None:
    """What is wrong with the combination of kind, format and options, if anything."""
    allowed = KIND_FORMATS.get(args.kind)
    if allowed is None:
        if args.format in KIND_FORMATS["map"]:
            tables = "a table or layer (csv, xlsx, geojson, gpkg)"
            return f"`export {args.kind}` writes {tables}, not --format {args.format}"
        return None
    if args.format not in allowed:
        return f"`export {args.kind}` writes --format {' or '.join(allowed)}; found {args.format}"
    if args.kind == "zone-sheet" and not args.zone:
        return "`export zone-sheet` needs --zone ID (e.g. kcn-cau-nghin)"
    if args.dpi is not None and not 50 <= args.dpi <= 1200:
        return f"--dpi: expected 50 to 1200; found {args.dpi}"
    return None


def is_paper(args: argparse.Namespace) -> bool:
    """Whether the export is drawn on paper (PDF, PNG, SVG) rather than written as data or HTML."""
    return args.kind in PAPER_KINDS or (args.kind == "map" and args.format in PAPER_FORMATS)


def render(plan: Plan, view: View, filters: Filters, args: argparse.Namespace) -> bytes:
    """The file the arguments ask for, as bytes."""
    if args.kind == "zone-sheet":
        return render_zone_sheet(plan, view, filters, args.zone, args.lang)
    if args.kind == "briefing":
        return render_briefing(plan, args.lang, policy=filters.policy)
    return render_map(
        plan, view, filters, args.lang, args.format, paper=args.paper, size=args.size, dpi=args.dpi
    )
