"""Property: any bytes as a Markdown page, through the functions the build hooks and `make check`
call, give located findings and never an exception; the rendered page never keeps an unsafe
URL after `neutralize`."""

from __future__ import annotations

import datetime as dt

import markdown
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from healthsite.content.documents import read_document
from healthsite.content.front_matter import REQUIRED, check_front_matter
from healthsite.content.links import URL_ATTRIBUTES, links, neutralize, scheme
from healthsite.content.sources import check_source

#: The site's Markdown extensions (mkdocs.yml), as MkDocs loads them.
EXTENSIONS = [
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "footnotes",
    "md_in_html",
    "tables",
    "pymdownx.details",
    "pymdownx.superfences",
    "toc",
]

PIECES = st.sampled_from(
    [
        "# ",
        "## ",
        "\n",
        "\n\n",
        "---\n",
        "...\n",
        "- ",
        "1. ",
        "> ",
        "    ",
        "```\n",
        "`",
        "[",
        "]",
        "(",
        ")",
        "<",
        ">",
        "!",
        '"',
        "'",
        "=",
        ":",
        ": ",
        "{: ",
        "}",
        "*[",
        "*",
        "!!! note\n",
        "<!--",
        "-->",
        "[@ost2018]",
        "[-@key]",
        "@",
        "|",
        "&#106;",
        "&",
        "javascript:",
        "JavaScript:",
        "data:",
        "vbscript:",
        "https://example.org",
        "mailto:",
        '<a href="',
        "<img src='",
        "title: ",
        "date: 2026-02-30",
        "2026-13-01",
        "\ufeff",
        "\t",
        "肝癌",
        "放射治療",
        "Probe</title>",
        "<script>",
        "x",
        "word ",
        "\r\n",
    ]
)
TEXT = st.lists(PIECES | st.text(max_size=3), max_size=40).map("".join)
FRONT_MATTER = st.lists(
    st.tuples(
        st.sampled_from([*REQUIRED, "changes", "unknown", "- x"]),  # the schema's own fields
        TEXT,
    ),
    max_size=6,
).map(lambda fields: "".join(f"{key}: {value}\n" for key, value in fields))


def assert_located(findings, text: str) -> None:
    lines = text.count("\n") + 2
    for finding in findings:
        assert 1 <= finding.line <= lines, finding
        assert finding.col >= 1, finding
        assert finding.message and finding.fix, finding


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(front=FRONT_MATTER, body=TEXT, raw=st.binary(max_size=20), article=st.booleans())
def test_any_page_gives_located_findings_and_no_exception(
    front: str, body: str, raw: bytes, article: bool
):
    text = f"---\n{front}---\n\n{body}"
    data = text.encode("utf-8", errors="surrogatepass") + raw
    source = check_source("docs/x.en.md", data, article_slug="x" if article else None)
    assert_located(source.findings, source.text)
    if article:
        findings = check_front_matter(
            "docs/x.en.md",
            read_document(source.text),
            language="en",
            source_language="zh-Hant",
            today=dt.date(2026, 1, 1),
        )
        assert_located(findings, source.text)
    for link in links(source.text):
        assert link.line >= 1 and link.col >= 1


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=TEXT)
def test_no_rendered_page_keeps_an_unsafe_url(body: str):
    html = markdown.markdown(body, extensions=EXTENSIONS)
    cleaned, _removed = neutralize(html)
    soup = BeautifulSoup(cleaned, "html.parser")
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            if name in URL_ATTRIBUTES and isinstance(value, str):
                assert scheme(value) in (None, "http", "https", "mailto"), (name, value)
