"""Pure map builders: GeoDataFrames in, folium objects out. No file reads, no Streamlit."""
