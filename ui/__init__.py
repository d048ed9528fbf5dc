"""Streamlit views of the app: sidebar, map page, tables, briefing mode. Used by app.py only."""
