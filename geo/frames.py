"""What travels with a table frame besides its cells: the readers' notices and the rows'
own numbers in their spreadsheet, kept in ``frame.attrs`` (pandas carries ``attrs`` through
copies, renames, filters and pickling).
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from geo.errors import Notice


def spreadsheet_rows(frame: pd.DataFrame) -> list[int]:
    """The row each record has in its spreadsheet (header is row 1 unless titles sit above)."""
    numbers = frame.attrs.get("row_numbers")
    if numbers is not None and len(numbers) == len(frame):
        return list(numbers)
    first = int(frame.attrs.get("first_row", 2))
    return list(range(first, first + len(frame)))


def typed_cells(frame: pd.DataFrame, column: str) -> list[bool]:
    """Per record, whether ``column``'s cell held a number in its workbook, not text.

    Such a cell's text is the machine's (``1650.5``), not a person's way of writing it.
    """
    rows = frame.attrs.get("typed_cells", {}).get(column, frozenset())
    return [index in rows for index in range(len(frame))]


def set_typed_cells(frame: pd.DataFrame, typed: dict[str, frozenset[int]]) -> pd.DataFrame:
    """Record which cells (column → record positions) held numbers (in place, returned)."""
    frame.attrs["typed_cells"] = {column: rows for column, rows in typed.items() if rows}
    return frame


def rename_typed_cells(frame: pd.DataFrame, mapping: dict[str, str]) -> pd.DataFrame:
    """Follow a renaming of ``frame``'s columns in its typed cells (in place, returned)."""
    typed = frame.attrs.get("typed_cells")
    if typed:
        frame.attrs["typed_cells"] = {mapping.get(column, column): rows for column, rows in typed.items()}
    return frame


def notices_of(frame: pd.DataFrame) -> list[Notice]:
    """What the readers and checks decided for the user about ``frame`` (e.g. its encoding)."""
    return list(frame.attrs.get("notices", ()))


def add_notices(frame: pd.DataFrame, notices: Iterable[Notice | None]) -> pd.DataFrame:
    """``frame`` with ``notices`` added to :func:`notices_of` (in place, returned)."""
    frame.attrs["notices"] = (*notices_of(frame), *(n for n in notices if n is not None))
    return frame
