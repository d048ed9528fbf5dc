"""Read back the HTML tables the app draws (ui.plain.figure_table) as data frames."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
from streamlit.testing.v1 import AppTest


class _Table(HTMLParser):
    """Headers, and rows of cells: a figure's exact ``data-value`` (float), else its text."""

    def __init__(self, shown: bool = False) -> None:
        super().__init__()
        self.shown = shown
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
            if self._value is not None and not self.shown:
                value = float(self._value) if self._value else float("nan")
            self.rows[-1].append(value)
        self._cell = None


def html_table(at: AppTest, name: str, *, shown: bool = False) -> pd.DataFrame:
    """The table ``name`` drawn on the page, figures as numbers (``shown``: as the page shows
    them, formatted text); KeyError if it is not there."""
    marker = f'data-table="{name}"'
    for element in at.get("html"):
        body = element.proto.body
        if marker in body:
            parser = _Table(shown)
            parser.feed(body)
            return pd.DataFrame([row for row in parser.rows if row], columns=parser.headers)
    raise KeyError(name)
