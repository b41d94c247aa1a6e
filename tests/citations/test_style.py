"""Vancouver formatting of every entry type, links and escaping."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from pybtex.database import Entry

from healthsite.citations import style
from healthsite.citations.entry_rules import _name_problems
from healthsite.citations.entry_types import REQUIRED_FIELDS, missing_fields
from healthsite.citations.labels import load_labels
from healthsite.citations.style import vancouver_html

EN = load_labels().for_lang("en")
ZH = load_labels().for_lang("zh-Hant")


def fmt(kind: str, labels: dict[str, str] | None = None, et_al: str = "et al.", **fields: str):
    return vancouver_html(Entry(kind, fields=fields), labels or EN, et_al)


@pytest.mark.parametrize(
    ("kind", "fields", "expected"),
    [
        (
            "article",
            {
                "author": "Ost, Piet and Reynders, Dries and Decaestecker, Karel",
                "title": "Surveillance in {Taiwan}",
                "journal": "J Clin Oncol",
                "year": "2018",
                "volume": "36",
                "number": "5",
                "pages": "446--453",
            },
            "Ost P, Reynders D, Decaestecker K. Surveillance in Taiwan. J Clin Oncol. "
            "2018;36(5):446–453.",
        ),
        (
            "book",
            {
                "author": "Smith, John",
                "title": "Clinical Epidemiology",
                "edition": "2nd ed",
                "address": "Taipei",
                "publisher": "Health Press",
                "year": "2019",
            },
            "Smith J. Clinical Epidemiology. 2nd ed. Taipei: Health Press; 2019.",
        ),
        (
            "incollection",
            {
                "author": "Lee, Ann",
                "title": "Screening",
                "editor": "Wu, Bo",
                "booktitle": "Preventive Medicine",
                "address": "London",
                "publisher": "Springer",
                "year": "2020",
                "pages": "10--20",
            },
            "Lee A. Screening. In: Wu B, editor. Preventive Medicine. London: Springer; 2020. "
            "p. 10–20.",
        ),
        (
            "inproceedings",
            {
                "author": "Lee, Ann",
                "title": "Screening",
                "booktitle": "Proc Asian Oncology Summit",
                "year": "2021",
            },
            "Lee A. Screening. Proc Asian Oncology Summit. 2021.",
        ),
        (
            "techreport",
            {
                "institution": "Health Promotion Administration",
                "title": "Annual Report",
                "address": "Taipei",
                "year": "2022",
                "number": "HPA-22-1",
            },
            "Health Promotion Administration. Annual Report. Taipei: "
            "Health Promotion Administration; 2022. HPA-22-1.",
        ),
        (
            "online",
            {
                "organization": "World Health Organization",
                "title": "Hypertension",
                "year": "2023",
                "urldate": "2024-01-05",
                "url": "https://www.who.int/x",
            },
            "World Health Organization. Hypertension. 2023 [cited 2024-01-05]. Available from: "
            '<a href="https://www.who.int/x">https://www.who.int/x</a>',
        ),
        (
            "misc",
            {"author": "{{World Health Organization}}", "title": "Guideline", "year": "2021"},
            "World Health Organization. Guideline. 2021.",
        ),
    ],
)
def test_entry_types(kind: str, fields: dict[str, str], expected: str) -> None:
    assert fmt(kind, **fields) == expected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"doi": "10.1/x"}, 'doi:<a href="https://doi.org/10.1/x">10.1/x</a>.'),
        ({"doi": "https://doi.org/10.1/x"}, 'doi:<a href="https://doi.org/10.1/x">10.1/x</a>.'),
        (
            {"pmid": "29240541"},
            'PMID: <a href="https://pubmed.ncbi.nlm.nih.gov/29240541/">29240541</a>.',
        ),
        (
            {"pmcid": "PMC1234567"},
            'PMCID: <a href="https://pmc.ncbi.nlm.nih.gov/articles/PMC1234567/">PMC1234567</a>.',
        ),
        (
            {"pmcid": "1234567"},
            'PMCID: <a href="https://pmc.ncbi.nlm.nih.gov/articles/PMC1234567/">PMC1234567</a>.',
        ),
        ({"url": 'https://x.org/"onmouseover="'}, 'href="https://x.org/&quot;onmouseover=&quot;"'),
    ],
)
def test_links(fields: dict[str, str], expected: str) -> None:
    assert expected in fmt("misc", title="T", **fields)


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "JavaScript:x", "data:text/html,x", "ftp://x.org/f"]
)
def test_a_url_that_is_not_http_https_or_mailto_never_reaches_the_html(url: str) -> None:
    # entry_rules reports it at file:line; the reference leaves it out entirely
    assert fmt("misc", title="T", url=url) == "T."


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;."),
        (r"Cancer \& Society", "Cancer &amp; Society."),
        ("Prevalence in {Taiwan} and {HIV}", "Prevalence in Taiwan and HIV."),
        ("Already ends?", "Already ends?"),
    ],
)
def test_title_escaped_and_case_kept(title: str, expected: str) -> None:
    html = fmt("misc", title=title)
    assert expected in html
    assert "<script>" not in html


def test_chinese_source_uses_deng_and_page_labels() -> None:
    authors = " and ".join(["陳大文", "王小明", "林美玲", "李四", "張三", "黃五", "吳六"])
    html = fmt(
        "online", labels=ZH, et_al="等", author=authors, title="高血壓", urldate="2024-01-05"
    )
    assert html.startswith("陳大文, 王小明, 林美玲, 李四, 張三, 黃五, 等. 高血壓.")
    assert "[引用於 2024-01-05]" in html


@pytest.mark.parametrize(
    ("kind", "fields", "missing"),
    [
        ("article", {"title": "T", "journal": "J", "year": "2000"}, ["author"]),
        ("article", {"author": "A, B", "title": "T", "date": "2000-01"}, ["journal"]),
        ("book", {"editor": "A, B", "title": "T", "publisher": "P", "year": "1"}, []),
        ("book", {"title": "T", "publisher": "P", "year": "1"}, ["author or editor"]),
        ("online", {"title": "T"}, ["url"]),
        ("misc", {"organization": "WHO", "title": "T"}, ["url or howpublished"]),
        ("misc", {"title": "T", "howpublished": "Leaflet"}, []),
        ("misc", {"title": "T", "x-unconfirmed": "url"}, []),
        ("article", {"title": "T", "x-unconfirmed": "author, journal", "year": "1"}, []),
        ("phdthesis", {"author": "A, B"}, ["title"]),
        ("unknowntype", {"title": "T"}, []),  # reported as an unknown type instead
    ],
)
def test_missing_fields(kind: str, fields: dict[str, str], missing: list[str]) -> None:
    assert missing_fields(Entry(kind, fields=fields)) == missing


def test_missing_fields_still_render() -> None:
    assert fmt("article", title="Only a title") == "Only a title."


# Skeletons: the template engine runs once per entry shape, its output filled for the rest.
NAME_ROLES = ("author", "editor")
KINDS = [*REQUIRED_FIELDS, "phdthesis", "conference", "dataset"]
FIELD_NAMES = [
    "author", "editor", "organization", "institution", "title", "journal", "year", "volume",
    "number", "pages", "edition", "address", "publisher", "booktitle", "howpublished",
    "urldate", "doi", "pmid", "pmcid", "url", "date", "issue", "journaltitle", "location",
]  # fmt: skip
PIECES = [*"aZ 9.?!,;:<>&\"'-/{}陳ü\x01", "\\&", " and ", "http://x", '{\\"o}', "others"]
VALUES = (
    st.lists(st.sampled_from(PIECES), max_size=8)
    .map("".join)
    .filter(lambda value: value.count("{") == value.count("}"))
)


@settings(max_examples=400, deadline=None)
@given(
    st.sampled_from(KINDS),
    st.dictionaries(st.sampled_from(FIELD_NAMES), VALUES, max_size=6),
    st.sampled_from(["et al.", "等"]),
    st.sampled_from([EN, ZH]),
)
def test_skeleton_output_equals_the_template_engine(
    kind: str, fields: dict[str, str], et_al: str, labels: dict[str, str]
) -> None:
    # A name list pybtex rejects (',,,') never reaches the style: entry_rules reports it.
    assume(
        not any(_name_problems("k", role, fields[role]) for role in NAME_ROLES if role in fields)
    )
    entry = Entry(kind, fields=fields)
    expected = style.format_directly(style.clean_entry(entry), labels, et_al)
    assert vancouver_html(entry, labels, et_al) == expected


def test_entries_of_one_shape_share_a_skeleton(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(style, "_SKELETONS", {})
    recorded = []
    record = style._record_skeleton
    monkeypatch.setattr(
        style, "_record_skeleton", lambda *args: recorded.append(args) or record(*args)
    )
    first = fmt("article", author="Ost, Piet", title="A & B", journal="BMJ", year="2018")
    second = fmt("article", author="Wu, Bo and Li, Al", title="<C>", journal="JAMA", year="2020")
    ended = fmt("article", author="Wu, Bo", title="Why?", journal="JAMA", year="2020")
    assert first == "Ost P. A &amp; B. BMJ. 2018."
    assert second == "Wu B, Li A. &lt;C&gt;. JAMA. 2020."
    assert ended == "Wu B. Why? JAMA. 2020."  # a title ending in "?" is its own shape
    assert len(recorded) == 2


def test_unsafe_and_safe_links_do_not_share_a_skeleton() -> None:
    unsafe = fmt("online", title="Page", url="javascript:alert(1)")
    safe = fmt("online", title="Page", url="https://example.org/a?b=1&c=2")
    assert "<a " not in unsafe and "javascript" not in unsafe
    assert '<a href="https://example.org/a?b=1&amp;c=2">' in safe


def test_a_template_reading_an_unlisted_field_says_where_to_list_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(style, "_SKELETONS", {})
    monkeypatch.setattr(style, "_TEXT_FIELDS", tuple(f for f in style._TEXT_FIELDS if f != "year"))
    with pytest.raises(RuntimeError, match=r"field\(s\) year .* add each to _TEXT_FIELDS"):
        fmt("article", author="Ost, Piet", title="A", journal="BMJ", year="2018")
