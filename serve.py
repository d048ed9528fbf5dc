"""Start the app with its libraries already imported (``make run`` uses this).

``streamlit run`` imports an app's libraries on the first visit after a start: that visitor
waited ~4 s instead of ~2 s. Here they are imported while the server starts, in the same
process, so the first run of ``app.py`` finds them loaded. Arguments go to ``streamlit run``;
``--script PATH`` runs another script the same way (the benchmark's baseline).
"""

from __future__ import annotations

import sys
from pathlib import Path

# Libraries only: importing anything that uses streamlit here would read its settings before
# the command line's own are applied.
import altair  # noqa: F401
import folium.plugins  # noqa: F401
import geopandas  # noqa: F401
import openpyxl  # noqa: F401
import pyogrio  # noqa: F401
import pyproj  # noqa: F401
import shapely  # noqa: F401
from streamlit.web import cli

if __name__ == "__main__":
    arguments = sys.argv[1:]
    script = str(Path(__file__).with_name("app.py"))
    if arguments[:1] == ["--script"]:
        script, arguments = arguments[1], arguments[2:]
    sys.argv = ["streamlit", "run", script, *arguments]
    sys.exit(cli.main())
