"""Capital amounts of the monitoring records: read by :mod:`geo.numbers`, the app's one reader
of figures written the Vietnamese or the English way, and written so they read back exactly.
"""

from __future__ import annotations

import numpy as np

from geo.numbers import read_number


def parse_amount(text: str) -> float:
    """A number from ``text`` as typed in Vietnamese (``1.200,5``) or English (``1,200.5``).

    :func:`geo.numbers.read_number`: a unit of billions (``tỷ đồng``, ``bn VND``) and
    spaces grouping thousands are allowed; a lone ``1.200`` or ``1,200`` is 1200, as the
    plan writes capital; a leading minus is kept so that the caller can say that capital
    cannot be negative.

    Raises
    ------
    ValueError
        When ``text`` is not a number.
    """
    return read_number(text)


def format_amount(value: float) -> str:
    """``value`` as :func:`parse_amount` reads it back exactly (for exports).

    Python's shortest repr, with a ``0`` added where the fraction has exactly three digits
    (``12.345`` → ``12.3450``), which would otherwise read as thousands.
    """
    # The shortest digits that read back as ``value``, never in scientific notation.
    written = np.format_float_positional(float(value), trim="-")
    fraction = written.partition(".")[2]
    return written + "0" if len(fraction) == 3 else written
