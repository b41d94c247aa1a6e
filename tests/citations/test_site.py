"""healthsite.citations.site: what the citation hook hands the engine, without MkDocs."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.utils.meta import YAML_RE

from healthsite.citations import CitationError
from healthsite.citations.site import (
    MKDOCS_FRONT_MATTER_RE,
    front_matter_offset,
    page_context,
)


def test_front_matter_pattern_is_mkdocs_own() -> None:
    assert (MKDOCS_FRONT_MATTER_RE.pattern, MKDOCS_FRONT_MATTER_RE.flags) == (
        YAML_RE.pattern,
        YAML_RE.flags,
    )


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("# Title\n", 0),
        ("---\ntitle: x\n---\n# Title\n", 3),
        ("---\ntitle: x\n---\n\n\n# Title\n", 5),  # MkDocs strips the blank lines too
        ("---\ntitle: x\n...\n# Title\n", 3),
        ("---\ntitle: x\n# no closing fence\n", 0),
    ],
)
def test_front_matter_offset_counts_what_mkdocs_strips(
    tmp_path: Path, text: str, lines: int
) -> None:
    page = tmp_path / "page.md"
    page.write_text(text, encoding="utf-8")
    assert front_matter_offset(str(page)) == lines


def test_front_matter_offset_of_a_missing_file_is_zero(tmp_path: Path) -> None:
    assert front_matter_offset(str(tmp_path / "gone.md")) == 0
    assert front_matter_offset(None) == 0


def test_page_context_reads_the_file_only_for_messages(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: x\nnocite: '@a'\n---\n\nText [@a].\n", encoding="utf-8")
    context = page_context(
        "Text [@a].\n", shown_path="docs/page.md", source=str(page), lang="en", nocite="@a"
    )
    assert (context.path, context.lang, context.nocite) == ("docs/page.md", "en", "@a")
    assert callable(context.line_offset)  # not read yet
    assert context.offset() == 5
    assert context.nocite_line() == 3  # type: ignore[operator]


def test_page_context_rejects_an_unknown_directive_at_its_file_line(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text("---\ntitle: x\n---\n\n<!-- bibliography:oops -->\n", encoding="utf-8")
    with pytest.raises(CitationError, match=r"docs/page\.md:5"):
        page_context(
            "<!-- bibliography:oops -->\n",
            shown_path="docs/page.md",
            source=str(page),
            lang="en",
            nocite=None,
        )
