"""The evaluation page (filled in by the evaluation suite)."""

import streamlit as st


def page() -> None:
    """Render the evaluation page."""
    st.title("Evaluatie")
    st.info("Nog niet beschikbaar.")
