"""The source-file rules as plain functions: URL schemes, link positions, HTML neutralizing,
encoding and front matter of any page, article slugs."""

from __future__ import annotations

import pytest

from healthsite.content.articles import slug_finding
from healthsite.content.links import is_unsafe, links, locate_link, neutralize, scheme
from healthsite.content.sources import page_front_matter, read_source


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org", None),
        ("http://example.org", None),
        ("mailto:a@b.org", None),
        ("../x.md#y", None),
        ("#anchor", None),
        ("javascript:alert(1)", "javascript"),
        ("JavaScript:alert(1)", "javascript"),
        (" javascript:alert(1)", "javascript"),
        ("java\tscript:alert(1)", "javascript"),
        ("java&#x09;script:alert(1)", "javascript"),
        ("&#106;avascript:alert(1)", "javascript"),
        ("data:text/html,<script>", "data"),
        ("vbscript:msgbox", "vbscript"),
        ("file:///etc/passwd", "file"),
        ("javascript%3Aalert(1)", None),  # a relative path to a browser
    ],
)
def test_unsafe_schemes_are_read_as_a_browser_reads_them(url: str, expected: str | None):
    assert is_unsafe(url) is (expected is not None)
    if expected:
        assert scheme(url) == expected


def test_links_are_found_at_their_line_and_column_outside_code():
    text = (
        "---\ntitle: x\n---\n\n# T\n\n"
        "a [one](one.md) b ![two](two.png)\n"
        "`[no](javascript:x)`\n"
        "```\n[no](data:x)\n```\n"
        "<!-- [no](javascript:y) -->\n"
        "[ref]: <three.md>\n"
        "<a title=\"a>b\" href='four.md'>x</a> [five](five(1).md)\n"
    )
    assert [(link.url, link.line, link.col) for link in links(text)] == [
        ("one.md", 7, 9),
        ("two.png", 7, 26),
        ("three.md", 13, 9),
        ("four.md", 14, 22),
        ("five(1).md", 14, 44),
    ]
    assert locate_link(text, "three.md") == (13, 9)
    assert locate_link(text, "absent.md") is None


@pytest.mark.parametrize(
    ("html", "expected", "removed"),
    [
        ('<a href="javascript:alert(1)">x</a>', "<a>x</a>", ["javascript:alert(1)"]),
        ('<img alt="a" src="data:x" />', '<img alt="a" />', ["data:x"]),
        (
            "<a title=\"a>b\" href='jav&#x09;ascript:1' class=x>r</a>",
            '<a title="a&gt;b" class="x">r</a>',
            ["jav\tascript:1"],
        ),
        ('<a href="https://ok.org">o</a>', '<a href="https://ok.org">o</a>', []),
        ("<p>href=javascript:x is text</p>", "<p>href=javascript:x is text</p>", []),
    ],
)
def test_neutralize_removes_only_unsafe_url_attributes(html: str, expected: str, removed):
    assert neutralize(html) == (expected, removed)


def test_bytes_that_are_not_utf8_are_located_and_replaced():
    source = read_source("a.md", "# T\n\n中文 caf".encode() + b"\xe9\n")
    assert not source.decoded
    assert source.text == "# T\n\n中文 caf\ufffd\n"
    assert [(f.line, f.col, f.message) for f in source.findings] == [
        (3, 7, "not UTF-8: byte 0xE9 cannot be read as text")
    ]


def test_a_bom_is_removed_and_reported():
    source = read_source("a.md", "\ufeff# T\n".encode())
    assert source.text == "# T\n"
    assert [(f.line, f.col) for f in source.findings] == [(1, 1)]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("---\ntitle: a: b\n---\n", [(2, 9)]),
        ("---\n- a list\n---\n", [(2, 1)]),
        ("---\ntitle: a\nwhen: 2026-02-30\nmore: [2025-13-01]\n---\n", [(3, 7), (4, 8)]),
        ("---\ntitle: ok\nwhen: 2026-02-28\n---\n", []),
        ("# Heading\n", []),
    ],
)
def test_front_matter_of_any_page(text: str, where: list[tuple[int, int]]):
    assert [(f.line, f.col) for f in page_front_matter("p.md", text)] == where


@pytest.mark.parametrize(
    ("slug", "ok"),
    [
        ("liver-cancer", True),
        ("covid19-vaccines", True),
        ("Liver", False),
        ("a b", False),
        ("肝癌", False),
        ("a_b", False),
        ("-a", False),
        ("a--b", False),
    ],
)
def test_article_slugs(slug: str, ok: bool):
    assert (slug_finding("docs/articles/x.en.md", slug) is None) is ok
