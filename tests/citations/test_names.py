"""Names, LaTeX decoding and source-language detection."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pybtex.database import Entry, Person

from healthsite.citations.entry_types import entry_language
from healthsite.citations.languages import normalize_lang, script_lang
from healthsite.citations.latex import decode_latex
from healthsite.citations.names import format_name, format_name_list, name_parts


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ost, Piet", "Ost P"),
        ("Piet Ost", "Ost P"),
        ("Reynders, Dries", "Reynders D"),
        ("Müller, Hans-Peter", "Müller HP"),
        (r"M{\"u}ller, Hans-Peter", "Müller HP"),
        (r"Fonteyne, Val{\'e}rie", "Fonteyne V"),
        ("Émile Durkheim", "Durkheim É"),
        ("De Bruycker, Aurélie", "De Bruycker A"),
        ("van der Berg, Jan Willem", "van der Berg JW"),
        ("Smith, Jr., John", "Smith J Jr."),
        ("Smith, J. R.", "Smith JR"),
        ("陳大文", "陳大文"),
        ("陳, 大文", "陳大文"),
        ("陳 大文", "陳大文"),
        ("歐陽, 小明", "歐陽小明"),
        ("{World Health Organization}", "World Health Organization"),
        ("{衛生福利部}", "衛生福利部"),
        (
            "{Centers for Disease Control and Prevention}",
            "Centers for Disease Control and Prevention",
        ),
    ],
)
def test_format_name(raw: str, expected: str) -> None:
    assert format_name(raw) == expected


SEVEN_LATIN = " and ".join(f"Author{i}, A" for i in range(1, 8))
SEVEN_CJK = " and ".join(["陳大文", "王小明", "林美玲", "李四", "張三", "黃五", "吳六"])


@pytest.mark.parametrize(
    ("raw", "et_al", "expected"),
    [
        ("Ost, Piet and Reynders, Dries", "et al.", "Ost P, Reynders D"),
        (
            SEVEN_LATIN,
            "et al.",
            "Author1 A, Author2 A, Author3 A, Author4 A, Author5 A, Author6 A, et al.",
        ),
        (
            " and ".join(f"Author{i}, A" for i in range(1, 7)),
            "et al.",
            "Author1 A, Author2 A, Author3 A, Author4 A, Author5 A, Author6 A",
        ),
        (SEVEN_CJK, "等", "陳大文, 王小明, 林美玲, 李四, 張三, 黃五, 等"),
        ("Ost, Piet and others", "et al.", "Ost P, et al."),
    ],
)
def test_name_list_et_al(raw: str, et_al: str, expected: str) -> None:
    assert format_name_list(raw, et_al) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (r"Cancer \& Society", "Cancer & Society"),
        (r"Sch{\"o}n", "Schön"),
        (r"{\"o}", "ö"),
        ("Survey in {Taiwan}", "Survey in Taiwan"),
        ("pages 1--5", "pages 1–5"),
        (r"50\% of adults", "50% of adults"),
        ("<script>alert(1)</script>", "<script>alert(1)</script>"),  # escaped later, by pybtex
        ("{{HIV}} in {A}frica", "HIV in Africa"),
    ],
)
def test_decode_latex(raw: str, expected: str) -> None:
    assert decode_latex(raw) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("english", "en"),
        ("chinese", "zh-Hant"),
        ("zh", "zh-Hant"),
        ("zh-TW", "zh-Hant"),
        ("zh-CN", "zh-Hans"),
        ("en", "en"),
        ("en-US", "en-US"),
        ("ngerman", "de"),
        ("!!", None),
    ],
)
def test_normalize_lang(value: str, expected: str | None) -> None:
    assert normalize_lang(value) == expected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"author": "Ost, Piet", "title": "x"}, "en"),
        ({"author": "陳, 大文", "title": "x"}, "zh-Hant"),
        ({"author": "Chen, Tawen", "title": "台灣"}, "en"),  # decided by the names
        ({"title": "台灣衛生統計"}, "zh-Hant"),  # no names: the title's script
        ({"author": "陳, 大文", "langid": "english"}, "en"),
        ({"author": "Ost, Piet", "language": "chinese"}, "zh-Hant"),
        ({"author": "山田, 太郎", "title": "日本のがん"}, "ja"),
    ],
)
def test_entry_language(fields: dict[str, str], expected: str) -> None:
    assert entry_language(Entry("article", fields=fields)) == expected


def test_script_lang_latin_is_undecided() -> None:
    assert script_lang("Ost P") is None


NAME_PIECES = [*"aZéß -.~,\t", "van ", "de la ", "Jr", "\u00a0", "  "]


@settings(max_examples=500)
@given(
    st.lists(st.sampled_from(NAME_PIECES), max_size=10)
    .map("".join)
    .filter(lambda name: name.count(",") < 3)  # more is an error pybtex reports
)
def test_surname_comma_given_splits_like_pybtex(name: str) -> None:
    person = Person(name)
    expected = (
        " ".join(person.prelast_names + person.last_names),
        " ".join(person.first_names + person.middle_names),
        " ".join(person.lineage_names),
    )
    assert name_parts(name) == expected
