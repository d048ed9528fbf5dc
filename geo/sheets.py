"""Tables made for people: headers in a language, number formats, fitted widths, a totals row.

What the columns are called and how their values read is decided in ``layers/`` (which knows
the languages); this module only lays a :class:`Sheet` out as an XLSX workbook or a CSV table.
"""

from __future__ import annotations

import io as _io
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from openpyxl.cell.cell import Cell
    from openpyxl.workbook.workbook import Workbook

#: Widest a fitted column gets, in characters: longer text wraps in the cell instead.
MAX_WIDTH = 60
#: Narrowest a column gets, so a short header stays readable.
MIN_WIDTH = 6


@dataclass(frozen=True)
class Column:
    """One column of a sheet.

    Parameters
    ----------
    id
        The column's id in the export frame (``capital_bn_vnd``), kept for scripts.
    header
        What the column is called in the sheet's language.
    decimals
        Decimals shown for a number column; ``None`` for text.
    percent
        A share (a fraction, 0.25): XLSX shows it as ``25.0%``, CSV writes ``25.0``.
    coordinate
        Degrees rounded row by row to their precision: shown with the digits they keep, at
        most ``decimals``, never padded with zeros that would claim more.
    """

    id: str
    header: str
    decimals: int | None = None
    percent: bool = False
    coordinate: bool = False


@dataclass(frozen=True)
class Sheet:
    """A table as people read it: the rows, their columns, and a totals row if the page has one.

    ``rows`` holds the values (translated where they are words), one column per :class:`Column`
    ``id``; ``totals`` maps column ids to their total, written under the rows after
    ``totals_label``. ``ids_sheet`` names the second sheet that lists each header's id, and
    ``ids_headers`` that sheet's two headers.
    """

    name: str
    columns: list[Column]
    rows: pd.DataFrame
    totals: dict[str, float] = field(default_factory=dict)
    totals_label: str = ""
    ids_sheet: str = "columns"
    ids_headers: tuple[str, str] = ("header", "id")


def _plain(value: object) -> object:
    """A cell value openpyxl can store: no NaN, no numpy scalar."""
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if value is pd.NA or value is pd.NaT:
        return None
    return value


def number_format(column: Column) -> str:
    """The Excel number format of a column: ``#,##0.0`` or ``0.0%``; ``@`` for text.

    Excel shows ``,`` and ``.`` as the reader's own locale wants (``24.180`` in Vietnamese).
    """
    if column.decimals is None:
        return "@"
    if column.coordinate:
        return "0." + "#" * column.decimals
    places = "." + "0" * column.decimals if column.decimals else ""
    return f"0{places}%" if column.percent else f"#,##0{places}"


def _shown_width(value: object, column: Column) -> int:
    """About how many characters a cell shows, for fitting the column's width."""
    if value is None:
        return 0
    if column.coordinate:
        return len(repr(value))
    if column.decimals is not None and isinstance(value, (int, float)):
        shown = value * 100 if column.percent else value
        return len(f"{shown:,.{column.decimals}f}") + (1 if column.percent else 0)
    return max((len(line) for line in str(value).splitlines()), default=0)


def _text_cell(cell: Cell) -> None:
    """Store a string as text, never a formula: ``=HYPERLINK(...)`` in a name stays words."""
    cell.data_type = "s"


def xlsx_bytes(sheet: Sheet) -> bytes:
    """The sheet as an XLSX workbook: a frozen bold header, number formats, fitted widths,
    a totals row, and a second sheet listing each header's column id."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    table = book.active
    table.title = sheet.name
    bold = Font(bold=True)
    widths = [len(c.header) for c in sheet.columns]
    for index, column in enumerate(sheet.columns, start=1):
        cell = table.cell(row=1, column=index, value=column.header)
        _text_cell(cell)
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    records = sheet.rows[[c.id for c in sheet.columns]].itertuples(index=False, name=None)
    row = 1
    for row, record in enumerate(records, start=2):
        for index, (column, value) in enumerate(zip(sheet.columns, record, strict=True), start=1):
            value = _plain(value)
            cell = table.cell(row=row, column=index, value=value)
            if isinstance(value, str):
                _text_cell(cell)
            elif value is not None and column.decimals is not None:
                cell.number_format = number_format(column)
            widths[index - 1] = max(widths[index - 1], _shown_width(value, column))
    if sheet.totals:
        row += 1
        label = table.cell(row=row, column=1, value=sheet.totals_label)
        _text_cell(label)
        label.font = bold
        widths[0] = max(widths[0], len(sheet.totals_label))
        for index, column in enumerate(sheet.columns, start=1):
            if column.id in sheet.totals and index > 1:
                value = float(sheet.totals[column.id])
                cell = table.cell(row=row, column=index, value=value)
                cell.number_format = number_format(column)
                cell.font = bold
                widths[index - 1] = max(widths[index - 1], _shown_width(value, column))
    for index, width in enumerate(widths, start=1):
        table.column_dimensions[get_column_letter(index)].width = min(max(width, MIN_WIDTH), MAX_WIDTH) + 2
    # The header row stays on screen while scrolling; the first column too (the row's name).
    table.freeze_panes = "B2"
    _ids_sheet(book, sheet)
    buffer = _io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _ids_sheet(book: Workbook, sheet: Sheet) -> None:
    """A second sheet: each header beside its column id, for scripts reading this workbook."""
    from openpyxl.styles import Font

    ids = book.create_sheet(sheet.ids_sheet)
    ids.append(list(sheet.ids_headers))
    for cell in ids[1]:
        cell.font = Font(bold=True)
    for column in sheet.columns:
        ids.append([column.header, column.id])
    for cell in (c for row in ids.iter_rows() for c in row):
        _text_cell(cell)
    ids.column_dimensions["A"].width = min(max(len(c.header) for c in sheet.columns) + 2, MAX_WIDTH)
    ids.column_dimensions["B"].width = max(len(c.id) for c in sheet.columns) + 2
    ids.freeze_panes = "A2"


def csv_frame(sheet: Sheet) -> pd.DataFrame:
    """The sheet as a plain table for CSV: headers in the language, numbers as plain numbers
    (``.`` decimal, no thousands separator), shares as percent numbers (the header says %).

    No totals row: a CSV is read by programs and summed by people, and a totals row would be
    counted twice.
    """
    table = pd.DataFrame(index=sheet.rows.index)
    for column in sheet.columns:
        values = sheet.rows[column.id]
        if column.percent:
            # One more decimal than shown: 74.56, not 74.5564005069709.
            values = (pd.to_numeric(values) * 100).round((column.decimals or 0) + 1)
        table[column.header] = values
    return table.reset_index(drop=True)
