"""The Streamlit pages of app.py."""
