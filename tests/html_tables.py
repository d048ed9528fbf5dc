"""Read back the HTML tables the app draws (ui.plain.figure_table) as data frames."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
from streamlit.testing.v1 import AppTest


class _Table(HTMLParser):
    """Headers, and rows of cells: a figure's exact ``data-value`` (float), else its text."""

    def __init__(self) -> None:
        super().__init__()
        self.headers: list[str] = []
        self.rows: list[list[object]] = []
        self._cell: list[str] | None = None
        self._value: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("th", "td"):
            self._cell = []
            self._value = dict(attrs).get("data-value")

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("th", "td") or self._cell is None:
            return
        shown = "".join(self._cell)
        if tag == "th":
            self.headers.append(shown)
        else:
            value: object = shown
            if self._value is not None:
                value = float(self._value) if self._value else float("nan")
            self.rows[-1].append(value)
        self._cell = None


def html_table(at: AppTest, name: str) -> pd.DataFrame:
    """The table ``name`` drawn on the page, figures as numbers; KeyError if it is not there."""
    marker = f'data-table="{name}"'
    for element in at.get("html"):
        body = element.proto.body
        if marker in body:
            parser = _Table()
            parser.feed(body)
            return pd.DataFrame([row for row in parser.rows if row], columns=parser.headers)
    raise KeyError(name)


def shown_figures(at: AppTest, name: str) -> list[str]:
    """The figures of table ``name`` as the page shows them (formatted text)."""
    marker = f'data-table="{name}"'
    for element in at.get("html"):
        body = element.proto.body
        if marker in body:
            parser = _Shown()
            parser.feed(body)
            return parser.shown
    raise KeyError(name)


class _Shown(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []
        self._in = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._in = tag == "td" and "data-value" in dict(attrs)

    def handle_data(self, data: str) -> None:
        if self._in:
            self.shown.append(data)
            self._in = False
