from assistant.app.ingest_page import safe_name


def test_upload_names_cannot_leave_the_corpus_folder():
    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("..\\..\\windows\\evil.pdf") == "evil.pdf"
    assert safe_name("Verslag BO 6 nov 2019 (def).PDF") == "Verslag_BO_6_nov_2019_def.pdf"
    assert safe_name("....pdf") == "document.pdf"
    assert safe_name("") == "document"
