"""Property-based tests: processing never raises; text without ``@`` is untouched."""

from __future__ import annotations

import markdown
import pytest
from citation_helpers import SAMPLE_BIB, TEMPLATE
from hypothesis import given, settings
from hypothesis import strategies as st

from healthsite.citations import (
    CitationError,
    CitationExtension,
    PageContext,
    load_bibliography,
    load_labels,
)
from healthsite.citations.syntax import parse_group

EXTENSIONS = ["tables", "footnotes", "admonition", "toc"]

MARKDOWN_BITS = st.sampled_from(
    [
        "[",
        "]",
        "@",
        "@ost2018",
        "@chen2020",
        "@nope",
        ";",
        ",",
        " p. 5",
        "see ",
        "`",
        "```\n",
        "\\",
        "<",
        ">",
        "<!-- bibliography -->",
        "\n",
        "\n\n",
        "- ",
        "> ",
        "| a |\n|---|\n",
        "*",
        "[^1]",
        "[^1]: ",
        "(",
        ")",
        "    ",
        "!!! note\n    ",
        "name@example.com",
        "<b>",
        "&",
        "# ",
        "中文",
        "x",
    ]
)
MARKDOWN = st.one_of(st.text(max_size=80), st.lists(MARKDOWN_BITS, max_size=30).map("".join))


@pytest.fixture(scope="module")
def extension(tmp_path_factory: pytest.TempPathFactory) -> CitationExtension:
    folder = tmp_path_factory.mktemp("bib")
    (folder / "refs.bib").write_text(SAMPLE_BIB, "utf-8")
    bibliography = load_bibliography([folder / "refs.bib"], folder)
    return CitationExtension(bibliography, load_labels(), TEMPLATE, report=lambda message: None)


SETTINGS = settings(max_examples=300, deadline=None)


@SETTINGS
@given(text=MARKDOWN)
def test_never_raises(extension: CitationExtension, text: str) -> None:
    extension.begin_page(PageContext(path="p.md", lang="zh-Hant", source=text))
    try:
        markdown.markdown(text, extensions=[*EXTENSIONS, extension])
    except CitationError as error:  # the one error by design: a malformed directive
        assert "unknown bibliography directive" in str(error)


@SETTINGS
@given(text=MARKDOWN.filter(lambda t: "@" not in t and "bibliography" not in t))
def test_text_without_at_is_unchanged(extension: CitationExtension, text: str) -> None:
    extension.begin_page(PageContext(path="p.md", lang="en", source=text))
    plain = markdown.markdown(text, extensions=EXTENSIONS)
    cited = markdown.markdown(text, extensions=[*EXTENSIONS, extension])
    assert cited == plain


@settings(max_examples=500, deadline=None)
@given(body=st.text(max_size=60))
def test_parse_group_never_raises(body: str) -> None:
    items = parse_group(body)
    assert items is None or all(item.key for item in items)
