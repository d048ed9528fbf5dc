"""Plan data and geo pipeline: reading, validating, joining and aggregating.

Nothing here imports Streamlit or folium; this package is the only one that touches disk.
"""

# Before any file is read: GDAL keeps only the drivers users' files may use, and no network.
from geo import gdal as _gdal  # noqa: F401
