"""A map as one HTML file: every script, style and image inside it, for use with no network."""

from __future__ import annotations

import base64
import mimetypes
import posixpath
import re

from layers.assets import STATIC_PREFIX

SCRIPT_TAG = re.compile(r'<script src="(?P<src>[^"]+)"></script>')
LINK_TAG = re.compile(r'<link rel="stylesheet" href="(?P<href>[^"]+)"\s*/?>')
CSS_URL = re.compile(r"url\((?P<quote>['\"]?)(?P<path>[^)'\"]+)(?P=quote)\)")


def _data_uri(name: str, content: bytes) -> str:
    mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return f"data:{mime};base64,{base64.b64encode(content).decode('ascii')}"


def _inline_css(name: str, css: str, assets: dict[str, bytes]) -> str:
    folder = posixpath.dirname(name)

    def replace(match: re.Match[str]) -> str:
        path = match["path"]
        if path.startswith(("data:", "#")):
            return match[0]
        key = posixpath.normpath(posixpath.join(folder, path))
        return f'url("{_data_uri(key, assets[key])}")' if key in assets else match[0]

    return CSS_URL.sub(replace, css)


def inline_assets(page: str, assets: dict[str, bytes], prefix: str = STATIC_PREFIX) -> str:
    """Replace links to the files the app serves with their content.

    Parameters
    ----------
    page
        A rendered folium page whose scripts and styles point under ``prefix``.
    assets
        File contents by path under ``static`` (from ``geo.io.read_static_assets``).

    Raises
    ------
    ValueError
        If the page still links to anything that is not inside it.
    """

    def local(url: str) -> str | None:
        return url[len(prefix) + 1 :] if url.startswith(prefix + "/") else None

    def script(match: re.Match[str]) -> str:
        key = local(match["src"])
        if key is None or key not in assets:
            return match[0]
        # "</script" inside the code would end the element early.
        code = assets[key].decode("utf-8").replace("</script", "<\\/script")
        return f"<script>{code}</script>"

    def style(match: re.Match[str]) -> str:
        key = local(match["href"])
        if key is None or key not in assets:
            return match[0]
        return f"<style>{_inline_css(key, assets[key].decode('utf-8'), assets)}</style>"

    page = LINK_TAG.sub(style, SCRIPT_TAG.sub(script, page))
    leftover = SCRIPT_TAG.findall(page) + LINK_TAG.findall(page)
    if leftover:
        raise ValueError(f"the map still links to files outside it: {leftover}")
    return page
