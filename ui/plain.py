"""The one path for user text into the page: escaped HTML, never Markdown; tables capped.

A name, site, developer, note or file name from a data file is never Markdown or HTML to
the page: a link or an image in it would be rendered, and an image is a request to its
host from every viewer's browser.
"""

from __future__ import annotations

import html
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
