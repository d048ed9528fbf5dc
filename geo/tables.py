"""Tables as offices write them, from bytes: CSV in any of their encodings and delimiters, XLSX
with a title above the header or the list on another sheet. Every cell comes back as NFC text.

No disk access here: :mod:`geo.io` reads the file (size checked) and hands the bytes over.
What the reader decided for the user (the encoding, say) travels with the frame as
:class:`~geo.errors.Notice` records in ``frame.attrs["notices"]`` (:func:`notices_of`); the
spreadsheet's own row number of each record is given by :func:`spreadsheet_rows`.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io as _io
import re
import unicodedata
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Final

import pandas as pd

from geo.errors import Notice, Phrase, PlanDataError, Problem, phrase, shown
from geo.frames import add_notices, set_typed_cells, spreadsheet_rows
from geo.validate import (
    COORDINATE_ALIASES,
    HEADER_ALIASES,
    PROJECT_OPTIONAL,
    PROJECT_REQUIRED,
    SITE_REQUIRED,
    ZONE_REQUIRED,
    normalise_header,
)

#: Rows searched for the header, below any title rows ("DANH MỤC DỰ ÁN ƯU TIÊN…").
HEADER_SEARCH_ROWS: Final[int] = 20
#: A row is the header when at least this many of its cells are column names we know.
HEADER_MIN_KNOWN: Final[int] = 2
#: Column names (ours and their Vietnamese aliases) that mark a header row.
KNOWN_HEADERS: Final[frozenset[str]] = frozenset(
    normalise_header(name)
    for name in (
        *PROJECT_REQUIRED,
        *PROJECT_OPTIONAL,
        *ZONE_REQUIRED,
        *SITE_REQUIRED,
        "zone_id",
        "site_id",
        "lon",
        "lat",
        *COORDINATE_ALIASES,
        "placement",
        *HEADER_ALIASES,
    )
)
DELIMITERS: Final[tuple[str, ...]] = (",", ";", "\t")

#: A cell a spreadsheet would evaluate: OWASP's CSV-injection triggers, after any quotes.
_TRIGGER: Final[re.Pattern[str]] = re.compile(r"^'*[=+\-@\t\r]")
_ESCAPED: Final[re.Pattern[str]] = re.compile(r"^'+[=+\-@\t\r]")
#: Text that is a plain number stays as written: ``-650`` is a number, not a formula.
_NUMBER_TEXT: Final[re.Pattern[str]] = re.compile(r"^[-+]?\d+([.,]\d+)?$")

#: Letters only Vietnamese uses among Latin scripts, and its tone marks (after NFD).
_VIETNAMESE_LETTERS: Final[frozenset[str]] = frozenset("ăâđêôơưĂÂĐÊÔƠƯ")
_TONE_MARKS: Final[frozenset[str]] = frozenset("\u0300\u0301\u0303\u0309\u0323")


@dataclass(frozen=True)
class Limits:
    """How much of a table is read before it is refused (see :mod:`geo.io`)."""

    rows: int
    cells: int
    zip_bytes: int
    zip_entries: int


# ---------------------------------------------------------------------------- text cells


def escape_cell(value: str) -> str:
    """``value`` as a CSV cell no spreadsheet evaluates: ``'`` before ``=``, ``+``, ``-``,
    ``@``, tab or carriage return (OWASP), and before a value already escaped that way.

    :func:`unescape_cell` undoes exactly this, so exports read back to the same text.
    """
    if _TRIGGER.match(value) and not _NUMBER_TEXT.match(value):
        return "'" + value
    return value


def unescape_cell(value: str) -> str:
    """Undo :func:`escape_cell`: drop one ``'`` before quotes that lead to a trigger."""
    return value[1:] if value[:1] == "'" and _ESCAPED.match(value) else value


def nfc(text: str) -> str:
    """``text`` in Unicode NFC (one code point per Vietnamese letter with its marks)."""
    return unicodedata.normalize("NFC", text)


# ---------------------------------------------------------------------------- encodings


def _plausible_vietnamese(text: str) -> bool:
    """Whether text decoded as Windows-1258 looks like Vietnamese, not mis-read bytes.

    Mis-read bytes give control characters, private-use code points or Latin letters
    without a single Vietnamese one; a Vietnamese file has ơ, ư, đ or tone marks.
    """
    vietnamese = False
    for ch in {ch for ch in text if ord(ch) > 127}:
        if unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cn"):
            return False
        if ch in _VIETNAMESE_LETTERS or _TONE_MARKS & set(unicodedata.normalize("NFD", ch)):
            vietnamese = True
    return vietnamese


def decode_text(raw: bytes, name: str) -> tuple[str, Notice | None]:
    """Decode table bytes and say how, when it was not UTF-8.

    A byte-order mark decides (UTF-8, UTF-16 LE/BE); else valid UTF-8 is UTF-8; else
    Windows-1258, the encoding of a Vietnamese Excel "CSV", if the result reads as
    Vietnamese. The text comes back in NFC (Windows-1258 writes tone marks apart).

    Raises
    ------
    PlanDataError
        When the bytes are none of these, naming the line and byte.
    """
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError:
            raise _not_text(raw, name, 0) from None
        return nfc(text), Notice(name, "", phrase("read as UTF-16 text", "đã đọc theo bảng mã UTF-16"))
    nul = raw.find(b"\x00")
    if nul >= 0:
        # No text file holds NUL bytes; UTF-16 without its byte-order mark is full of them
        # and would otherwise be read as garbage in one encoding or another.
        raise _not_text(
            raw,
            name,
            nul,
            phrase(
                "NUL bytes from offset {offset} (UTF-16 text without its byte-order mark?)",
                "các byte NUL từ vị trí {offset} (văn bản UTF-16 thiếu dấu thứ tự byte BOM?)",
                offset=nul,
            ),
        )
    try:
        return nfc(raw.decode("utf-8-sig")), None
    except UnicodeDecodeError as exc:
        start = exc.start
    try:
        text = nfc(raw.decode("cp1258"))
    except UnicodeDecodeError as exc:
        # Neither UTF-8 nor Windows-1258: name the byte that Windows-1258 has no letter for
        # (the first non-UTF-8 byte may be a good Vietnamese letter).
        raise _not_text(raw, name, exc.start) from None
    if not _plausible_vietnamese(text):
        raise _not_text(raw, name, start)
    return text, Notice(
        name,
        "",
        phrase(
            "read as Windows-1258 (the older Vietnamese encoding); saving it as 'CSV UTF-8' avoids any doubt",
            "đã đọc theo bảng mã Windows-1258 (bảng mã tiếng Việt cũ); lưu tệp dạng 'CSV UTF-8' để khỏi nhầm",
        ),
    )


def _not_text(raw: bytes, name: str, start: int, found: str | None = None) -> PlanDataError:
    line = raw[:start].count(b"\n") + 1
    return PlanDataError(
        [
            Problem(
                name,
                phrase("row {n}", "dòng {n}", n=line),
                "",
                phrase(
                    "UTF-8 text (save the file as 'CSV UTF-8')",
                    "văn bản UTF-8 (lưu tệp dạng 'CSV UTF-8')",
                ),
                found
                or phrase(
                    "byte 0x{byte:02x} at offset {offset}, not UTF-8, UTF-16 or Windows-1258 Vietnamese",
                    "byte 0x{byte:02x} ở vị trí {offset}, không phải UTF-8, UTF-16 "
                    "hay tiếng Việt Windows-1258",
                    byte=raw[start] if start < len(raw) else 0,
                    offset=start,
                ),
            )
        ]
    )


# ---------------------------------------------------------------------------- header rows


def _known(row: Sequence[str]) -> int:
    return sum(1 for cell in row if normalise_header(cell) in KNOWN_HEADERS)


def _header_index(rows: Sequence[Sequence[str]]) -> int | None:
    """Index of the header among ``rows`` (the first ones of a table), or ``None``."""
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if _known(row) >= HEADER_MIN_KNOWN:
            return index
    return None


def _first_filled(rows: Sequence[Sequence[str]]) -> int:
    return next((i for i, row in enumerate(rows) if any(c.strip() for c in row)), 0)


def _filled(row: Sequence[str]) -> int:
    return sum(1 for cell in row if cell.strip())


def _check_not_title_alone(name: str, rows: Sequence[Sequence[str]], at: int, offset: int = 1) -> None:
    """Refuse a table whose only line above the data is a title, with no header row.

    With no header found, the first line with text is taken as the header, so a file with
    wrong names is told which columns it has. A title ("DANH MỤC DỰ ÁN…", one cell) above
    rows of several cells is no header: taking it as one would blame every row for its
    width. ``offset`` is the spreadsheet row of ``rows[0]``.
    """
    if _filled(rows[at]) != 1 or not any(_filled(row) >= 2 for row in rows[at + 1 :]):
        return
    title = next(cell for cell in rows[at] if cell.strip())
    known = ", ".join(f"`{n}`" for n in ("project_id", "name_vi", "capital_bn_vnd"))
    raise PlanDataError(
        [
            Problem(
                name,
                phrase("row {n}", "dòng {n}", n=at + offset),
                "",
                phrase(
                    "a header row naming the columns ({known}, …) within the first {rows} rows",
                    "một dòng tiêu đề ghi tên các cột ({known}, …) trong {rows} dòng đầu",
                    known=known,
                    rows=HEADER_SEARCH_ROWS,
                ),
                phrase(
                    "only the title {title} above the data, and no header row",
                    "chỉ có dòng tên bảng {title} phía trên dữ liệu, không có dòng tiêu đề",
                    title=shown(title),
                ),
            )
        ]
    )


def _column_names(header: Sequence[str]) -> list[str]:
    names: list[str] = []
    for index, cell in enumerate(header):
        name = " ".join(nfc(cell).split()) or f"Unnamed: {index}"
        base, count = name, 1
        while name in names:  # as pandas names a repeated header: x, x.1, x.2
            name, count = f"{base}.{count}", count + 1
        names.append(name)
    return names


def _too_big(name: str, what: str, limit: int) -> PlanDataError:
    return PlanDataError(
        [
            Problem(
                name,
                "",
                "",
                phrase(
                    "at most {limit} {what}",
                    "tối đa {limit_vi} {what_vi}",
                    # Thousands grouped as each language writes them: 200,000 / 200.000.
                    limit=f"{limit:,}",
                    limit_vi=f"{limit:,}".replace(",", "."),
                    what=what,
                    what_vi={"rows": "dòng", "cells": "ô"}[what],
                ),
                phrase("more than that", "nhiều hơn thế"),
            )
        ]
    )


def _frame(
    name: str, numbered: Iterable[tuple[int, list[str]]], header: list[str], limits: Limits
) -> pd.DataFrame:
    """A text frame from ``(spreadsheet row, cells)`` pairs under ``header``; blank rows go."""
    columns = _column_names(header)
    width = len(columns)
    records: list[list[str]] = []
    numbers: list[int] = []
    overflowing: list[Problem] = []
    cells = 0
    for number, row in numbered:
        cells += max(len(row), width)
        if len(records) >= limits.rows:
            raise _too_big(name, "rows", limits.rows)
        if cells > limits.cells:
            raise _too_big(name, "cells", limits.cells)
        if not any(c.strip() for c in row):
            continue
        # Cells are NFC already: decoded CSV text is normalised whole, XLSX cells one by one.
        records.append((row + [""] * width)[:width])
        if any(c.strip() for c in row[width:]):
            overflowing.append(
                Problem(
                    name,
                    phrase("row {n}", "dòng {n}", n=number),
                    "",
                    phrase(
                        "at most {width} cells, as in the header",
                        "tối đa {width} ô, như dòng tiêu đề",
                        width=width,
                    ),
                    phrase("{count} cells", "{count} ô", count=len(row)),
                )
            )
        numbers.append(number)
    if overflowing:
        raise PlanDataError(overflowing)
    frame = (
        pd.DataFrame(records, columns=columns, dtype=str)
        if records
        else pd.DataFrame(columns=columns, dtype=str)
    )
    # Columns with no name and no value (an Excel "CSV" pads rows with ;;;) carry nothing.
    empty = [c for c, h in zip(columns, header, strict=True) if not h.strip() and (frame[c] == "").all()]
    frame = frame.drop(columns=empty)
    frame.attrs["first_row"] = numbers[0] if numbers else 2
    if numbers and numbers[-1] - numbers[0] != len(numbers) - 1:
        frame.attrs["row_numbers"] = tuple(numbers)
    return frame


# ---------------------------------------------------------------------------- CSV


def _delimiter(head: str) -> str:
    """The delimiter that makes a header row of known names; else the commonest on line 1."""
    for delimiter in DELIMITERS:
        try:
            rows = list(csv.reader(_io.StringIO(head, newline=""), delimiter=delimiter))
        except csv.Error:  # the head may end inside a quoted cell
            continue
        if _header_index(rows) is not None:
            return delimiter
    first = next((line for line in head.splitlines() if line.strip()), "")
    return max(DELIMITERS, key=first.count)


def table_from_csv(raw: bytes, name: str, limits: Limits) -> pd.DataFrame:
    """Read CSV bytes (``,`` ``;`` or tab; UTF-8, UTF-16 or Windows-1258) as a text frame.

    Cells escaped against spreadsheet formulas by our own exports (:func:`escape_cell`)
    read back as they were.
    """
    text, notice = decode_text(raw, name)
    head = "\n".join(text[: 1 << 16].split("\n")[:HEADER_SEARCH_ROWS])
    delimiter = _delimiter(head)
    reader = csv.reader(_io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        first = []
        for row in reader:
            first.append([unescape_cell(c) for c in row])
            if len(first) >= HEADER_SEARCH_ROWS:
                break
        found = _header_index(first)
        at = _first_filled(first) if found is None else found
        if found is None and first:
            _check_not_title_alone(name, first, at)
        if not first or not any(c.strip() for c in first[at]):
            raise PlanDataError(
                [
                    Problem(
                        name,
                        "",
                        "",
                        phrase("a header row", "một dòng tiêu đề"),
                        phrase("no text", "không có chữ"),
                    )
                ]
            )

        def numbered() -> Iterator[tuple[int, list[str]]]:
            for index, row in enumerate(first[at + 1 :], start=at + 2):
                yield index, row
            # After the first rows, the reader's record count is the line number for one-line records.
            for index, row in enumerate(reader, start=len(first) + 1):
                yield index, [unescape_cell(c) for c in row]

        frame = _frame(name, numbered(), first[at], limits)
    except csv.Error as exc:
        raise _csv_error(name, reader.line_num, delimiter, exc) from None
    _check_quotes_closed(text, name, delimiter)
    return add_notices(frame, [notice])


def _check_quotes_closed(text: str, name: str, delimiter: str) -> None:
    """Refuse a CSV that ends inside a quoted cell.

    A quote opened and never closed makes every line after it one cell: the rows below
    would vanish without a word. The lenient reader above cannot tell; a strict pass can
    (only its "unexpected end of data" is taken: other strictness is not ours to impose).
    """
    if '"' not in text:
        return
    reader = csv.reader(_io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records = 0
    try:
        for _ in reader:
            records += 1
    except csv.Error as exc:
        if "unexpected end of data" not in str(exc):
            return
        raise PlanDataError(
            [
                Problem(
                    name,
                    phrase("row {n}", "dòng {n}", n=records + 1),
                    "",
                    phrase(
                        'a quote " closed in the cell it opens',
                        'dấu ngoặc kép " được đóng trong chính ô mở nó',
                    ),
                    phrase(
                        "a quote never closed: every line after it would be one cell",
                        "một dấu ngoặc kép không bao giờ đóng: mọi dòng sau nó sẽ thành một ô",
                    ),
                )
            ]
        ) from None


def _csv_error(name: str, line: int, delimiter: str, exc: csv.Error) -> PlanDataError:
    """The problem of a CSV the reader gave up on: a cell over its size limit, or else."""
    where = phrase("row {n}", "dòng {n}", n=line)
    limit = csv.field_size_limit()
    if "field larger than field limit" in str(exc):
        # A cell this long is no name or note; most often a quote left open swallows the rest.
        return _refused(
            name,
            phrase(
                "cells of at most {n} characters",
                "các ô dài tối đa {n_vi} ký tự",
                n=f"{limit:,}",
                n_vi=f"{limit:,}".replace(",", "."),
            ),
            phrase('a longer cell (a quote " left open?)', 'một ô dài hơn (dấu ngoặc kép " chưa đóng?)'),
            where,
        )
    return _refused(
        name,
        phrase(
            "a table separated by '{d}'", "một bảng phân cách bằng '{d}'", d=delimiter.replace("\t", "tab")
        ),
        library_words(str(exc)),
        where,
    )


def library_words(message: str) -> Phrase:
    """A reading library's own (English) message, quoted as it is in both languages.

    It is the library's, not ours, so it cannot be translated; in Vietnamese it is marked
    as a quotation so the sentence around it stays Vietnamese.
    """
    text = message.strip()
    if len(text) > 1 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1]  # a KeyError's message comes quoted
    quoted = shown(text)
    return Phrase(quoted, f"lỗi của thư viện đọc tệp: `{quoted[1:-1]}`")


# ---------------------------------------------------------------------------- XLSX


def _check_zip(raw: bytes, name: str, limits: Limits) -> bool:
    """Check an XLSX's real unpacked size (counted, not read from headers) and entries.

    Returns whether any worksheet holds a formula (a second, formula-reading pass is then
    needed to tell a formula without a saved value from an empty cell).
    """
    try:
        archive = zipfile.ZipFile(_io.BytesIO(raw))
    except zipfile.BadZipFile:
        raise _not_workbook(
            name, phrase("a file that is not a valid zip", "một tệp không phải zip hợp lệ")
        ) from None
    formulas = False
    with archive:
        infos = archive.infolist()
        if len(infos) > limits.zip_entries:
            raise _refused(
                name,
                phrase(
                    "a workbook of at most {limit} parts",
                    "một sổ tính tối đa {limit} phần",
                    limit=limits.zip_entries,
                ),
                phrase("{n} parts", "{n} phần", n=len(infos)),
            )
        total = 0
        for info in infos:
            tail = b""
            sheet = info.filename.startswith("xl/worksheets/")
            try:
                with archive.open(info) as member:
                    while chunk := member.read(1 << 20):
                        total += len(chunk)
                        if total > limits.zip_bytes:
                            # Decimal MB, as the zip uploads' same limit is told (200 MB).
                            raise _refused(
                                name,
                                phrase(
                                    "a workbook of at most {mb} MB once unpacked",
                                    "một sổ tính tối đa {mb} MB sau khi giải nén",
                                    mb=limits.zip_bytes // 10**6,
                                ),
                                phrase("more than that (a zip bomb?)", "nhiều hơn thế (bom nén?)"),
                            )
                        if sheet and not formulas:
                            formulas = b"<f" in tail + chunk or b":f" in tail + chunk
                            tail = chunk[-8:]
            except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
                raise _not_workbook(name, library_words(str(exc))) from None
    return formulas


def _not_workbook(name: str, found: str) -> PlanDataError:
    return PlanDataError(
        [Problem(name, "", "", phrase("an Excel workbook (.xlsx)", "một sổ tính Excel (.xlsx)"), found)]
    )


def _known_names(row: Sequence[str]) -> frozenset[str]:
    return frozenset(normalise_header(cell) for cell in row if normalise_header(cell) in KNOWN_HEADERS)


#: Known column names a sheet needs to count as (part of) the list.
LIST_COLUMNS_MIN: Final[int] = 3


def _check_one_list(name: str, lists: list[tuple[str, frozenset[str]]]) -> None:
    """Refuse a workbook whose list is split over sheets (e.g. one sheet per phase).

    Only the first sheet with a header would be read, and the rest of the list would be
    left out without a word. Another table (sites beside the projects) has other columns
    and is not the list: a sheet counts when it names at least :data:`LIST_COLUMNS_MIN` known
    columns and its known column names and the first sheet's are the same, or one includes
    the other. (A sheet of two or fewer, such as the column ids sheet of our own download,
    ``Sector | sector``, or a notes sheet, is not a list.)
    """
    if not lists:
        return
    first = lists[0][1]
    same = [
        title
        for title, names in lists
        if len(names) >= LIST_COLUMNS_MIN and (names <= first or first <= names)
    ]
    if len(same) < 2:
        return
    raise _refused(
        name,
        phrase("the list on one sheet", "danh mục nằm trên một trang tính"),
        phrase(
            "a list on each of the sheets {titles} (only one would be read)",
            "một danh mục trên mỗi trang {titles} (chỉ một trang được đọc)",
            titles=", ".join(shown(title) for title in same),
        ),
    )


def _no_list_sheet(name: str, titles: list[str]) -> PlanDataError:
    """No sheet of the workbook has a header row of known column names in its first rows."""
    return _refused(
        name,
        phrase(
            "a sheet holding the list: a header row naming the columns (`project_id`, `name_vi`, …) "
            "within its first {rows} rows",
            "một trang tính chứa danh mục: một dòng tiêu đề ghi tên các cột (`project_id`, `name_vi`, …) "
            "trong {rows} dòng đầu",
            rows=HEADER_SEARCH_ROWS,
        ),
        phrase(
            "no such sheet among {titles}",
            "không trang nào như thế trong số {titles}",
            titles=", ".join(shown(title) for title in titles),
        ),
    )


def _refused(name: str, expected: str, found: str, where: str = "") -> PlanDataError:
    return PlanDataError([Problem(name, where, "", expected, found)])


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value.date().isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return nfc(str(value))


def table_from_xlsx(raw: bytes, name: str, limits: Limits) -> pd.DataFrame:
    """Read an XLSX as a text frame: the sheet and row holding the header, saved values.

    Title rows and merged title cells above the header are skipped (row numbers stay the
    sheet's own); the list may be on any sheet; formulas give their saved values, and one
    with no saved value is a problem. Sizes are checked before anything is parsed.
    """
    import openpyxl  # imported here: only workbooks need it, and it is slow to import
    from openpyxl.utils.exceptions import InvalidFileException

    formulas = _check_zip(raw, name, limits)
    try:
        book = openpyxl.load_workbook(_io.BytesIO(raw), read_only=True, data_only=True)
    except (InvalidFileException, ValueError, KeyError, OSError, TypeError, zipfile.BadZipFile) as exc:
        raise _not_workbook(name, library_words(str(exc))) from None
    try:
        chosen, at = 0, None
        lists: list[tuple[str, frozenset[str]]] = []
        for index, sheet in enumerate(book.worksheets):
            sheet.reset_dimensions()  # a forged "A1:XFD1048576" would pad every row
            head = [[_cell_text(v) for v in row] for row in _rows(sheet, HEADER_SEARCH_ROWS)]
            found = _header_index(head)
            if found is not None:
                if at is None:
                    chosen, at = index, found
                lists.append((sheet.title, _known_names(head[found])))
        _check_one_list(name, lists)
        if not book.worksheets:
            raise _not_workbook(name, phrase("no sheet", "không có trang tính nào"))
        if at is None and len(book.worksheets) > 1:
            raise _no_list_sheet(name, [sheet.title for sheet in book.worksheets])
        sheet = book.worksheets[chosen]
        sheet.reset_dimensions()
        rows = _rows(sheet, None)
        head = [[_cell_text(v) for v in row] for row in _rows(sheet, HEADER_SEARCH_ROWS)]
        if at is None and head:
            _check_not_title_alone(name, head, _first_filled(head))
        at = _first_filled(head) if at is None else at
        header = head[at] if head else []
        if not any(c.strip() for c in header):
            raise PlanDataError(
                [
                    Problem(
                        name,
                        "",
                        "",
                        phrase("a header row", "một dòng tiêu đề"),
                        phrase("no text", "không có chữ"),
                    )
                ]
            )
        problems: list[Problem] = []
        unsaved = _unsaved_formulas(raw, chosen, at, name) if formulas else {}
        # (sheet row, column index) of cells that hold numbers, not text: read as stored.
        numeric: set[tuple[int, int]] = set()

        def numbered() -> Iterator[tuple[int, list[str]]]:
            for number, row in enumerate(rows, start=1):
                if number <= at + 1:
                    continue
                numeric.update(
                    (number, column)
                    for column, value in enumerate(row)
                    if isinstance(value, int | float) and not isinstance(value, bool)
                )
                yield number, [_cell_text(v) for v in row]

        frame = _frame(name, numbered(), header, limits)
        _mark_typed(frame, header, numeric)
    except PlanDataError:
        raise
    except (ValueError, KeyError, TypeError, zipfile.BadZipFile) as exc:
        raise _not_workbook(name, library_words(str(exc))) from None
    finally:
        book.close()
    columns = list(frame.columns)
    for (number, column), formula in unsaved.items():
        field = columns[column] if column < len(columns) else ""
        problems.append(
            Problem(
                name,
                phrase("row {n}", "dòng {n}", n=number),
                field,
                phrase(
                    "a saved value (open the workbook in Excel and save it, so formulas keep their results)",
                    "một giá trị đã lưu (mở sổ tính bằng Excel rồi lưu lại để công thức giữ kết quả)",
                ),
                phrase(
                    "the formula {f} with no saved value", "công thức {f} chưa có giá trị", f=shown(formula)
                ),
            )
        )
    if problems:
        raise PlanDataError(problems)
    return frame


def _mark_typed(frame: pd.DataFrame, header: Sequence[str], numeric: set[tuple[int, int]]) -> None:
    """Record in ``frame`` which of its cells held numbers (:func:`geo.frames.typed_cells`)."""
    names = _column_names(header)
    position = {number: index for index, number in enumerate(spreadsheet_rows(frame))}
    typed: dict[str, set[int]] = {}
    for number, column in numeric:
        if column < len(names) and names[column] in frame.columns and number in position:
            typed.setdefault(names[column], set()).add(position[number])
    set_typed_cells(frame, {column: frozenset(rows) for column, rows in typed.items()})


def _rows(sheet: object, limit: int | None) -> Iterator[tuple[object, ...]]:
    rows = sheet.iter_rows(values_only=True)  # type: ignore[attr-defined]
    for index, row in enumerate(rows):
        if limit is not None and index >= limit:
            return
        yield row


def _unsaved_formulas(raw: bytes, sheet: int, header_at: int, name: str) -> dict[tuple[int, int], str]:
    """``{(row, column index): formula}`` of formulas below the header with no saved value."""
    import openpyxl

    found: dict[tuple[int, int], str] = {}
    values = openpyxl.load_workbook(_io.BytesIO(raw), read_only=True, data_only=True)
    formulas = openpyxl.load_workbook(_io.BytesIO(raw), read_only=True, data_only=False)
    try:
        saved, written = values.worksheets[sheet], formulas.worksheets[sheet]
        saved.reset_dimensions()
        written.reset_dimensions()
        pairs = zip(_rows(saved, None), _rows(written, None), strict=False)
        for number, (value_row, formula_row) in enumerate(pairs, start=1):
            if number <= header_at + 1:
                continue
            for column, formula in enumerate(formula_row):
                value = value_row[column] if column < len(value_row) else None
                if value is None and isinstance(formula, str) and formula.startswith("="):
                    found[(number, column)] = formula
    finally:
        values.close()
        formulas.close()
    return found
