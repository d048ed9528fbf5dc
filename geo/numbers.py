"""Numbers as people write them in a column: ``1.650``, ``1.650,5``, ``1,650.5``, ``1 650 tỷ đồng``.

The convention (Vietnamese: ``.`` groups thousands, ``,`` is the decimal mark; English: the
reverse) is decided from the whole column, never cell by cell, because ``1.650`` alone
cannot say which it is: the plan writes one thousand six hundred and fifty that way, an
English spreadsheet one point six five. A column that cannot tell is read the plan's way
and the reader says so (a :class:`~geo.errors.Notice`); a column that mixes both gets a
problem for every cell written the other way.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

from geo.errors import Notice, Phrase, Problem, in_lang, phrase, shown

Convention = Literal["vi", "en"]

#: The plan's own convention for VND figures, used when a column cannot tell.
PLAN_CONVENTION: Final[Convention] = "vi"

#: A unit of billions after the figure, dropped before reading: "tỷ", "tỷ đồng", "tỷ VNĐ",
#: "bn", "bn VND", "billion VND" (any case). Units of one dong are not: 1650 đồng is not
#: 1650 billion.
UNIT_PATTERN: Final[re.Pattern[str]] = re.compile(
    r"\s*(tỷ(\s*(đồng|vnđ|vnd|đ))?|(bn|billion)(\s*(vnđ|vnd))?)\.?\s*$", re.IGNORECASE
)
#: Spaces that group thousands: plain, no-break, narrow no-break, thin.
_SPACES: Final[str] = " \u00a0\u202f\u2009"
_SPACED: Final[re.Pattern[str]] = re.compile(rf"^\d{{1,3}}([{_SPACES}]\d{{3}})+([.,]\d+)?$")

# The shapes a figure can take once sign, unit and grouping spaces are gone, and the
# conventions under which each is a number.
_PLAIN: Final[re.Pattern[str]] = re.compile(r"^\d+$")
# A group of thousands never starts a figure with 0: 0.125 and 0,125 are decimals only.
_DOT3: Final[re.Pattern[str]] = re.compile(r"^[1-9]\d{0,2}\.\d{3}$")  # 1.650: either
_COMMA3: Final[re.Pattern[str]] = re.compile(r"^[1-9]\d{0,2},\d{3}$")  # 1,650: either
_VI_ONLY: Final[tuple[re.Pattern[str], ...]] = (
    re.compile(r"^[1-9]\d{0,2}(\.\d{3})+,\d+$"),  # 1.650,5
    re.compile(r"^[1-9]\d{0,2}(\.\d{3}){2,}$"),  # 1.080.000
    re.compile(r"^\d+,\d+$"),  # 12,5 (not 3 digits after the comma: those are _COMMA3)
)
_EN_ONLY: Final[tuple[re.Pattern[str], ...]] = (
    re.compile(r"^[1-9]\d{0,2}(,\d{3})+\.\d+$"),  # 1,650.5
    re.compile(r"^[1-9]\d{0,2}(,\d{3}){2,}$"),  # 1,080,000
    re.compile(r"^\d+\.\d+$"),  # 12.5, 1650.5
)

_MACHINE: Final[re.Pattern[str]] = re.compile(r"^\d+\.\d+$")

_NAMES: Final[dict[Convention, tuple[str, str]]] = {
    "vi": ("the Vietnamese number format", "định dạng số kiểu Việt Nam"),
    "en": ("the English number format", "định dạng số kiểu Anh"),
}
_EXAMPLES: Final[dict[Convention, tuple[str, str]]] = {
    "vi": (
        "1.650 = one thousand six hundred and fifty, 1.650,5 = 1650.5",
        "1.650 = một nghìn sáu trăm năm mươi, 1.650,5 = 1650,5",
    ),
    "en": (
        "1,650 = one thousand six hundred and fifty, 1.65 = one point six five",
        "1,650 = một nghìn sáu trăm năm mươi, 1.65 = một phẩy sáu lăm",
    ),
}


@dataclass(frozen=True)
class NumberColumn:
    """A column read as numbers.

    Parameters
    ----------
    values
        One float per cell; ``nan`` where the cell is empty or not a number.
    problems
        One tuple per cell: what is wrong with it (empty when it was read).
    convention
        The convention used, or ``None`` when no cell needed one (plain digits only).
    notice
        What the reader decided, when the user should know (a convention was needed).
    """

    values: tuple[float, ...]
    problems: tuple[tuple[Problem, ...], ...]
    convention: Convention | None
    notice: Notice | None


def _shape(text: str) -> tuple[str, str] | None:
    """``(sign, figure)`` with unit and grouping spaces removed, or ``None`` if not a figure."""
    text = unicodedata.normalize("NFC", text).strip()
    text = UNIT_PATTERN.sub("", text).strip()
    sign = ""
    if text[:1] in ("-", "+", "\u2212"):
        sign, text = ("-" if text[0] != "+" else ""), text[1:].strip()
    if _SPACED.match(text):
        text = "".join(ch for ch in text if ch not in _SPACES)
    if not text or not re.fullmatch(r"[\d.,]+", text):
        return None
    return sign, text


def conventions_of(figure: str) -> set[Convention]:
    """The conventions under which ``figure`` (no sign, unit or spaces) is a number."""
    if _PLAIN.match(figure) or _DOT3.match(figure) or _COMMA3.match(figure):
        return {"vi", "en"}
    if any(p.match(figure) for p in _VI_ONLY):
        return {"vi"}
    if any(p.match(figure) for p in _EN_ONLY):
        return {"en"}
    return set()


def to_float(figure: str, convention: Convention) -> float:
    """``figure`` read in ``convention`` (the figure must be valid in it)."""
    if convention == "vi":
        return float(figure.replace(".", "").replace(",", "."))
    return float(figure.replace(",", ""))


def _needs_convention(figure: str) -> bool:
    return not _PLAIN.match(figure)


def decide_convention(figures: Sequence[str]) -> tuple[Convention | None, bool]:
    """The column's convention and whether the column could not tell (every cell fits both).

    The convention most cells can only be read in wins; when none can tell, a column of
    ``1,650``-like cells is English (a comma before exactly three digits groups thousands
    in a VND figure far more often than it marks three decimals), any other the plan's.
    """
    needing = [f for f in figures if _needs_convention(f)]
    if not needing:
        return None, False
    vi = sum(1 for f in needing if conventions_of(f) == {"vi"})
    en = sum(1 for f in needing if conventions_of(f) == {"en"})
    if vi or en:
        return ("en" if en > vi else "vi"), False
    if all(_COMMA3.match(f) for f in needing):
        return "en", True
    return PLAN_CONVENTION, True


def _notice(source: str, field: str, convention: Convention, ambiguous: bool) -> Notice:
    name_en, name_vi = _NAMES[convention]
    example_en, example_vi = _EXAMPLES[convention]
    if ambiguous:
        message = phrase(
            "every figure fits both number formats; read with {name} ({example}). "
            "Check the figures, or write them unambiguously (1650 or 1.650,0)",
            "mọi con số đều hợp với cả hai định dạng số; đã đọc theo {name_vi} ({example_vi}). "
            "Hãy kiểm tra lại, hoặc ghi số rõ ràng (1650 hoặc 1.650,0)",
            name=name_en,
            example=example_en,
            name_vi=name_vi,
            example_vi=example_vi,
        )
    else:
        message = phrase(
            "read with {name} ({example})",
            "đã đọc theo {name_vi} ({example_vi})",
            name=name_en,
            example=example_en,
            name_vi=name_vi,
            example_vi=example_vi,
        )
    return Notice(source, field, message)


def _contradicting(figures: Sequence[str], convention: Convention) -> re.Pattern[str] | None:
    """The shape that cannot be meant in a column holding both ``1.650`` and ``1,650``.

    Either way one of them would be a figure with exactly three decimals beside a grouped
    one: the shape that does not group thousands in ``convention`` is told, never read.
    """
    if any(_DOT3.match(f) for f in figures) and any(_COMMA3.match(f) for f in figures):
        return _COMMA3 if convention == "vi" else _DOT3
    return None


def read_number_column(
    texts: Sequence[str],
    *,
    source: str,
    field: str,
    places: Sequence[str],
    expected: str,
    typed: Sequence[bool] | None = None,
) -> NumberColumn:
    """Read a column of figures written as people write them.

    Parameters
    ----------
    texts
        The cells, as text.
    source, field, places
        File name, column name and each cell's place (``"row 7"``), for messages.
    expected
        What a cell should be, for messages (a :class:`~geo.errors.Phrase`).
    typed
        Per cell, whether it held a number in its workbook (its text is then the machine's,
        ``1650.5``): such a cell is read as stored and has no say in the column's format,
        which is decided from the figures typed as text alone.

    Returns
    -------
    NumberColumn
        Values (``nan`` where unreadable), a problem per unreadable cell, and the notice.
    """
    stored = list(typed) if typed is not None else [False] * len(texts)
    shapes = [_shape(t) for t in texts]
    written = [s[1] for s, is_typed in zip(shapes, stored, strict=True) if s is not None and not is_typed]
    convention, ambiguous = decide_convention(written)
    other: Convention = "en" if convention == "vi" else "vi"
    wrong = _contradicting(written, convention) if convention is not None else None
    values: list[float] = []
    problems: list[tuple[Problem, ...]] = []
    for text, shape, place, is_typed in zip(texts, shapes, places, stored, strict=True):
        fits = conventions_of(shape[1]) if shape is not None else set()
        if is_typed and shape is not None and "en" in fits:
            value = to_float(shape[1], "en")
            values.append(-value if shape[0] == "-" else value)
            problems.append(())
        elif shape is None or not fits:
            found = phrase("an empty cell", "một ô trống") if not text.strip() else shown(text)
            values.append(math.nan)
            problems.append((Problem(source, place, field, expected, found),))
        elif convention is not None and (convention not in fits or (wrong and wrong.match(shape[1]))):
            values.append(math.nan)
            problems.append((Problem(source, place, field, _mixed(convention, other), shown(text)),))
        else:
            value = to_float(shape[1], convention or "en")
            values.append(-value if shape[0] == "-" else value)
            problems.append(())
    figures = [f for f in written if _needs_convention(f)]
    # A column of machine-written decimals (1650.5) needs no word; any grouping, decimal
    # comma or 1.650-like cell does, so no reading is ever silent.
    machine = all(_MACHINE.match(f) and not _DOT3.match(f) for f in figures)
    notice = None
    if convention is not None and not machine:
        notice = _notice(source, field, convention, ambiguous)
        if any(stored):
            notice = Notice(source, field, _with_stored(notice.message, sum(stored), len(written)))
    return NumberColumn(tuple(values), tuple(problems), convention, notice)


def _with_stored(message: str, numbers: int, figures: int) -> Phrase:
    """``message`` preceded by how a workbook column mixing numbers and text was read."""
    return phrase(
        "{numbers} cells hold numbers, read as stored; of the {figures} figures typed as text: {rest}",
        "{numbers} ô chứa số, đọc đúng như đã lưu; với {figures} ô số gõ dạng chữ: {rest_vi}",
        numbers=numbers,
        figures=figures,
        rest=message,
        rest_vi=in_lang(message, "vi"),
    )


def read_number(text: str) -> float:
    """One figure on its own (a form's field), read as :func:`read_number_column` would.

    A lone ``1.650`` cannot tell its format, so it is read the plan's way (1650), and a lone
    ``1,650`` as thousands too (1650); ``0.125``, ``2,5`` and ``1.650,5`` can only be read one
    way. A sign and a unit of billions (``tỷ đồng``, ``bn VND``) are allowed.

    Raises
    ------
    ValueError
        When ``text`` is not a figure.
    """
    shape = _shape(str(text))
    if shape is None or not conventions_of(shape[1]):
        raise ValueError(f"not a number: {text!r}")
    convention, _ = decide_convention([shape[1]])
    value = to_float(shape[1], convention or "en")
    return -value if shape[0] == "-" else value


def _mixed(convention: Convention, other: Convention) -> Phrase:
    return phrase(
        "a figure in {name}, like the rest of the column (this one is in {other})",
        "một con số theo {name_vi} như cả cột (ô này lại theo {other_vi})",
        name=_NAMES[convention][0],
        other=_NAMES[other][0],
        name_vi=_NAMES[convention][1],
        other_vi=_NAMES[other][1],
    )


def read_coordinates(texts: Sequence[str], *, source: str, field: str) -> tuple[list[float], Notice | None]:
    """Read degrees of longitude or latitude: ``106.35`` or ``106,35`` (a decimal comma).

    Degrees never need a thousands separator, so a single ``.`` or ``,`` is the decimal mark
    and ``106,35`` is 106.35, never 10635. Unreadable cells are ``nan`` (the site checks
    report them).
    """
    values: list[float] = []
    commas = False
    for text in texts:
        cleaned = unicodedata.normalize("NFC", text).strip().replace("\u2212", "-")
        if re.fullmatch(r"[-+]?\d+,\d+", cleaned):
            commas = True
            cleaned = cleaned.replace(",", ".")
        values.append(float(cleaned) if re.fullmatch(r"[-+]?\d+(\.\d+)?", cleaned) else math.nan)
    notice = None
    if commas:
        notice = Notice(
            source,
            field,
            phrase(
                "read with a decimal comma (106,35 = 106.35 degrees)",
                "đã đọc với dấu phẩy thập phân (106,35 = 106,35 độ)",
            ),
        )
    return values, notice
