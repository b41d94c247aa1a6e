"""`read_document` parses each text once per process: an edited text is parsed anew."""

from __future__ import annotations

from healthsite.content.documents import read_document

ARTICLE = "---\ntitle: Kidney stones\nslug: kidney-stones\n---\n# Kidney stones\n"


def test_the_same_text_is_parsed_once():
    assert read_document(ARTICLE) is read_document(str(ARTICLE))


def test_an_edited_text_is_never_served_from_the_cache():
    assert read_document(ARTICLE).data["title"] == "Kidney stones"
    edited = ARTICLE.replace("title: Kidney stones", "title: Gallstones")
    assert read_document(edited).data["title"] == "Gallstones"
    broken = ARTICLE.replace("title: Kidney stones", "title: [unclosed")
    assert read_document(broken).yaml_error is not None
    assert read_document(ARTICLE).yaml_error is None
