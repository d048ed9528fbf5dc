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


def notices_of(frame: pd.DataFrame) -> list[Notice]:
    """What the readers and checks decided for the user about ``frame`` (e.g. its encoding)."""
    return list(frame.attrs.get("notices", ()))


def add_notices(frame: pd.DataFrame, notices: Iterable[Notice | None]) -> pd.DataFrame:
    """``frame`` with ``notices`` added to :func:`notices_of` (in place, returned)."""
    frame.attrs["notices"] = (*notices_of(frame), *(n for n in notices if n is not None))
    return frame
