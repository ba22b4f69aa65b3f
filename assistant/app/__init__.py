"""The Streamlit app: page functions that app.py navigates to; the only Streamlit code."""
