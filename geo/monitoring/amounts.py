"""Read a capital amount typed the Vietnamese or the English way.

NOTE for the merge: ``geo/numbers.py`` (being written on another branch) is to read numbers
for the whole app; when it lands, :func:`parse_amount` here should become a call to it. It
is the only number parser of the monitoring package.
"""

from __future__ import annotations

import re
from typing import Final

import numpy as np

#: Units and spaces a user may type around the number ("1.200 tỷ đồng", "1,200 bn VND").
_NOISE: Final[re.Pattern[str]] = re.compile(r"(tỷ\s*đồng|tỷ|bn\s*vnd|billion\s*vnd|bn|vnd|đ)", re.I)
_SHAPE: Final[re.Pattern[str]] = re.compile(r"\d[\d.,]*")


def parse_amount(text: str) -> float:
    """A number from ``text`` as typed in Vietnamese (``1.200,5``) or English (``1,200.5``).

    Parameters
    ----------
    text
        The amount, optionally with a unit (``tỷ đồng``, ``bn VND``) and spaces.

    Returns
    -------
    float
        The value. Where both separators appear, the last one is the decimal mark; where one
        separator appears once followed by exactly three digits (``1.200``, ``1,200``) it
        groups thousands, as both languages write capital in billions, unless what precedes
        it could not be a group (``0.125``, ``1234.567``); otherwise it is the decimal mark
        (``2,5`` and ``2.5`` are both 2.5).

    Raises
    ------
    ValueError
        When ``text`` is not a number (a leading minus is kept so that the caller can say
        that capital cannot be negative).
    """
    cleaned = _NOISE.sub("", str(text)).replace("\u00a0", "").replace(" ", "").strip()
    negative = cleaned.startswith("-")
    body = cleaned.removeprefix("-").removeprefix("+")
    if not _SHAPE.fullmatch(body) or body[-1] in ".,":
        raise ValueError(f"not a number: {text!r}")
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal = "." if body.rfind(".") > body.rfind(",") else ","
        group = "," if decimal == "." else "."
        if body.count(decimal) > 1:
            raise ValueError(f"not a number: {text!r}")
        plain = body.replace(group, "").replace(decimal, ".")
    elif dots + commas == 0:
        plain = body
    else:
        mark = "." if dots else ","
        parts = body.split(mark)
        # "1.200" groups thousands; "0.125" and "1234.567" cannot, so they are decimals.
        grouped = len(parts[1]) == 3 and 1 <= len(parts[0]) <= 3 and parts[0] != "0"
        if len(parts) > 2 or grouped:
            if any(len(p) != 3 for p in parts[1:]) or not 1 <= len(parts[0]) <= 3:
                raise ValueError(f"not a number: {text!r}")
            plain = "".join(parts)
        else:
            plain = body.replace(mark, ".")
    value = float(plain)
    return -value if negative else value


def format_amount(value: float) -> str:
    """``value`` as :func:`parse_amount` reads it back exactly (for exports).

    Python's shortest repr, with a ``0`` added where the fraction has exactly three digits
    (``12.345`` → ``12.3450``), which would otherwise read as thousands.
    """
    # The shortest digits that read back as ``value``, never in scientific notation.
    written = np.format_float_positional(float(value), trim="-")
    fraction = written.partition(".")[2]
    return written + "0" if len(fraction) == 3 else written
