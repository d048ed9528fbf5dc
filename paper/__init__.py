"""Maps on paper: print-ready PDF, PNG and SVG pages, zone sheets and the briefing pack.

A renderer beside :mod:`layers` (matplotlib instead of folium): it reads no files itself
(fonts are matplotlib's bundled DejaVu Sans, the locator's countries come through :mod:`geo`)
and returns figures or bytes.
"""
