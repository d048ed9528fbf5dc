"""Plan data and geo pipeline: reading, validating, joining and aggregating.

Nothing here imports Streamlit or folium; this package is the only one that touches disk.
"""
