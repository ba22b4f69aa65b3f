"""Streamlit front end: `streamlit run app.py`."""

import streamlit as st

st.set_page_config(page_title="Dossier jeugdzorg", page_icon=":material/gavel:", layout="wide")

from ui import chat, dossier, evaluation, ingest_page  # noqa: E402  (after set_page_config)

navigation = st.navigation(
    [
        st.Page(chat.page, title="Vragen", icon=":material/chat:", url_path="vragen", default=True),
        st.Page(dossier.page, title="Dossier", icon=":material/folder_open:", url_path="dossier"),
        st.Page(ingest_page.page, title="Toevoegen", icon=":material/upload_file:", url_path="toevoegen"),
        st.Page(evaluation.page, title="Evaluatie", icon=":material/fact_check:", url_path="evaluatie"),
    ]
)
navigation.run()
