"""The one path for user text into the page: escaped HTML, never Markdown; tables capped.

A name, site, developer, note or file name from a data file is never Markdown or HTML to
the page: a link or an image in it would be rendered, and an image is a request to its
host from every viewer's browser.
"""

from __future__ import annotations

import html
import math
from collections.abc import Mapping
from typing import Final

import pandas as pd
import streamlit as st

from layers.features import rows_html
from layers.i18n import number, text

#: Rows a table or list shows at most: a zone with 200,000 projects killed the browser tab
#: (~150 s) when all its rows were rendered.
MAX_ROWS: Final[int] = 200


def heading(value: object, level: int = 3) -> None:
    """A heading whose text comes from the user's data: HTML-escaped, never Markdown.

    Backslash-escaped Markdown was not enough: the renderer still made a link of an
    escaped ``http\\://host/a`` (seen in Chromium).
    """
    st.html(f'<h{level} class="user-heading">{html.escape(str(value), quote=True)}</h{level}>')


def facts(rows: list[tuple[str, str]]) -> None:
    """A two-column facts table from (label, already-escaped value) pairs, as HTML only.

    Not ``st.markdown(..., unsafe_allow_html=True)``: a blank line in a value ends an HTML
    block there, and Markdown would read the rest.
    """
    st.html(rows_html(rows))


def capped(frame: pd.DataFrame, lang: str, limit: int = MAX_ROWS) -> pd.DataFrame:
    """The first ``limit`` rows of ``frame``; above them, a note of how many are not shown."""
    if len(frame) <= limit:
        return frame
    st.caption(
        text("cap.rows", lang).format(
            shown=number(limit, lang),
            total=number(len(frame), lang),
            hidden=number(len(frame) - limit, lang),
        )
    )
    return frame.head(limit)


def item_list(items: list[tuple[str, str, str]], css_class: str) -> None:
    """A list of (figure, title, detail) items, each text escaped here; the figure first and
    on its own, so a narrow column wraps the title and never cuts the number."""
    rows = "".join(
        f'<li><span class="figure">{html.escape(figure)}</span> '
        f'<span class="title">{html.escape(title)}</span>'
        f'<span class="detail">{html.escape(detail)}</span></li>'
        for figure, title, detail in items
    )
    st.html(f'<ul class="{html.escape(css_class)}">{rows}</ul>')


def figure_table(frame: pd.DataFrame, lang: str, places: Mapping[str, int], name: str) -> None:
    """``frame`` as an HTML table: headers and names wrap, figures never break or clip.

    The columns in ``places`` are figures, shown in the language's number format with that
    many decimals, right-aligned, each cell keeping the exact value in ``data-value``. A
    table wider than its column (on a phone) scrolls inside its own box. Not
    ``st.dataframe``: its canvas cut columns off the right at 1280 px with no sign of it.
    """
    columns = list(frame.columns)
    numeric = [column in places for column in columns]
    head = "".join(
        f'<th class="{"num" if is_number else "text"}" scope="col">{html.escape(str(column))}</th>'
        for column, is_number in zip(columns, numeric, strict=True)
    )
    body = []
    for row in frame.itertuples(index=False, name=None):
        cells = []
        for column, value, is_number in zip(columns, row, numeric, strict=True):
            if not is_number:
                cells.append(f"<td>{html.escape(str(value))}</td>")
            elif value is None or (isinstance(value, float) and math.isnan(value)):
                cells.append('<td class="num" data-value="">—</td>')
            else:
                shown = number(float(value), lang, places[column])
                cells.append(f'<td class="num" data-value="{float(value)!r}">{html.escape(shown)}</td>')
        body.append(f"<tr>{''.join(cells)}</tr>")
    st.html(
        f'<div class="figure-table" data-table="{html.escape(name)}"><table>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )
