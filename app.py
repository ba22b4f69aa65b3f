"""Streamlit front end: `streamlit run app.py`."""

import streamlit as st

from assistant.app.render import paragraphs
from assistant.core.errors import ConfigError, StoreUnavailable

# an emoji, not a :material/...: icon: Streamlit fetches those favicons from fonts.gstatic.com
st.set_page_config(page_title="Dossier jeugdzorg", page_icon="⚖️", layout="wide")

navigation = st.navigation(
    [
        st.Page("assistant/app/pages/vragen.py", title="Vragen", icon=":material/chat:", default=True),
        st.Page("assistant/app/pages/standpunten.py", title="Standpunten", icon=":material/record_voice_over:"),
        st.Page("assistant/app/pages/afspraken.py", title="Afspraken", icon=":material/handshake:"),
        st.Page("assistant/app/pages/dossier.py", title="Dossier", icon=":material/folder_open:"),
        st.Page("assistant/app/pages/toevoegen.py", title="Toevoegen", icon=":material/upload_file:"),
        st.Page("assistant/app/pages/evaluatie.py", title="Evaluatie", icon=":material/fact_check:"),
    ]
)
try:
    navigation.run()
except (ConfigError, StoreUnavailable) as err:
    st.error(paragraphs(str(err)), icon=":material/error:")
