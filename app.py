"""Streamlit front end: `streamlit run app.py`."""

import streamlit as st

from assistant.settings import ConfigError
from assistant.store import StoreUnavailable

st.set_page_config(page_title="Dossier jeugdzorg", page_icon=":material/gavel:", layout="wide")

navigation = st.navigation(
    [
        st.Page("app_pages/vragen.py", title="Vragen", icon=":material/chat:", default=True),
        st.Page("app_pages/dossier.py", title="Dossier", icon=":material/folder_open:"),
        st.Page("app_pages/toevoegen.py", title="Toevoegen", icon=":material/upload_file:"),
        st.Page("app_pages/evaluatie.py", title="Evaluatie", icon=":material/fact_check:"),
    ]
)
try:
    navigation.run()
except (ConfigError, StoreUnavailable) as err:
    st.error(str(err), icon=":material/error:")
