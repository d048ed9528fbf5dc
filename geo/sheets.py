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
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet._write_only import WriteOnlyWorksheet

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


def _width(values: pd.Series, column: Column) -> int:
    """The characters the column's widest cell shows (the header included)."""
    widest = max((_shown_width(_plain(v), column) for v in values.drop_duplicates()), default=0)
    return max(widest, len(column.header))


def _cell(
    table: WriteOnlyWorksheet, value: object, column: Column | None, bold: Font | None
) -> WriteOnlyCell:
    """A cell: a string always text (``=HYPERLINK(...)`` in a name stays words, never a
    formula), a number with its column's format."""
    from openpyxl.cell import WriteOnlyCell

    value = _plain(value)
    cell = WriteOnlyCell(table, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    elif value is not None and column is not None and column.decimals is not None:
        cell.number_format = number_format(column)
    if bold is not None:
        cell.font = bold
    return cell


def xlsx_bytes(sheet: Sheet) -> bytes:
    """The sheet as an XLSX workbook: a frozen bold header, number formats, fitted widths,
    a totals row, and a second sheet listing each header's column id.

    Written in openpyxl's write-only mode (row by row, little memory): a national list of
    many thousand rows still downloads in seconds.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    table = book.create_sheet(sheet.name)
    bold = Font(bold=True)
    rows = sheet.rows[[c.id for c in sheet.columns]]
    for index, column in enumerate(sheet.columns, start=1):
        width = _width(rows[column.id], column)
        if index == 1 and sheet.totals:
            width = max(width, len(sheet.totals_label))
        if column.id in sheet.totals:
            width = max(width, _shown_width(float(sheet.totals[column.id]), column))
        table.column_dimensions[get_column_letter(index)].width = min(max(width, MIN_WIDTH), MAX_WIDTH) + 2
    # The header row stays on screen while scrolling; the first column too (the row's name).
    table.freeze_panes = "B2"
    table.append([_cell(table, c.header, None, bold) for c in sheet.columns])
    for record in rows.itertuples(index=False, name=None):
        table.append([_cell(table, v, c, None) for c, v in zip(sheet.columns, record, strict=True)])
    if sheet.totals:
        totals: list[object] = [_cell(table, sheet.totals_label, None, bold)]
        for column in sheet.columns[1:]:
            value = sheet.totals.get(column.id)
            totals.append(_cell(table, None if value is None else float(value), column, bold))
        table.append(totals)
    _ids_sheet(book, sheet)
    buffer = _io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _ids_sheet(book: Workbook, sheet: Sheet) -> None:
    """A second sheet: each header beside its column id, for scripts reading this workbook."""
    from openpyxl.styles import Font

    ids = book.create_sheet(sheet.ids_sheet)
    ids.column_dimensions["A"].width = min(max(len(c.header) for c in sheet.columns) + 2, MAX_WIDTH)
    ids.column_dimensions["B"].width = max(len(c.id) for c in sheet.columns) + 2
    ids.freeze_panes = "A2"
    bold = Font(bold=True)
    ids.append([_cell(ids, name, None, bold) for name in sheet.ids_headers])
    for column in sheet.columns:
        ids.append([_cell(ids, column.header, None, None), _cell(ids, column.id, None, None)])


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
        elif column.decimals is not None and not column.coordinate:
            numbers = pd.to_numeric(values, errors="coerce")
            whole = numbers.dropna()
            if len(whole) == values.notna().sum() and (whole % 1 == 0).all():
                # 650, not 650.0: a spreadsheet set to Vietnamese reads "650.0" as 6500 or text.
                values = numbers.astype("Int64")
        table[column.header] = values
    return table.reset_index(drop=True)
