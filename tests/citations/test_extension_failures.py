"""An exception inside a Markdown extension (a bug, or input nobody foresaw) is a located
warning, and the page keeps its text: never a traceback, never silently lost content."""

from __future__ import annotations

import markdown
import pytest
from citation_helpers import SAMPLE_BIB, TEMPLATE

from healthsite.citations import (
    CitationExtension,
    PageContext,
    load_bibliography,
    load_labels,
    markdown_extension,
)
from healthsite.glossary.extension import GlossaryExtension

PAGE = "Intro.\n\nAs shown [see @ost2018, p. 5] and by @chen2020.\n"
FIX = (
    "they are shown as written: check the citation syntax here, and report this message as a "
    "bug if it looks right"
)


@pytest.fixture(name="extension")
def extension_fixture(tmp_path) -> tuple[CitationExtension, list[str]]:
    (tmp_path / "refs.bib").write_text(SAMPLE_BIB, "utf-8")
    bibliography = load_bibliography([tmp_path / "refs.bib"], tmp_path)
    messages: list[str] = []
    extension = CitationExtension(bibliography, load_labels(), TEMPLATE, report=messages.append)
    extension.begin_page(PageContext(path="docs/a.en.md", lang="en", source=PAGE, line_offset=4))
    return extension, messages


def _broken(*args: object, **kwargs: object) -> None:
    raise ValueError("planted")


def test_a_failure_while_rendering_keeps_the_citations_as_written(extension, monkeypatch):
    extension, messages = extension
    monkeypatch.setattr(markdown_extension, "render_group", _broken)
    html = markdown.markdown(PAGE, extensions=["footnotes", extension])
    assert messages == [  # at the page's first citation (its @)
        f"docs/a.en.md:7:15: citations could not be rendered (ValueError: planted); {FIX}"
    ]
    assert "<p>As shown [see @ost2018, p. 5] and by @chen2020.</p>" in html
    assert "Intro." in html


def test_a_failure_while_reading_a_citation_is_located_at_it(extension, monkeypatch):
    extension, messages = extension
    monkeypatch.setattr(markdown_extension, "_scan_at", _broken)
    html = markdown.markdown(PAGE, extensions=[extension])
    assert messages[0] == (
        f"docs/a.en.md:7:10: citations could not be rendered (ValueError: planted); {FIX}"
    )
    assert "As shown [see @ost2018, p. 5] and by @chen2020." in html


def test_a_glossary_failure_is_reported_and_the_text_kept(monkeypatch):
    glossary = GlossaryExtension()
    glossary.glossary = {"SBRT": "Stereotactic body radiotherapy"}
    messages: list[str] = []
    glossary.page, glossary.report = "docs/a.en.md", messages.append
    monkeypatch.setattr(
        "healthsite.glossary.extension.ScriptAwareAbbrTreeprocessor._visit", _broken
    )
    html = markdown.markdown("SBRT helps.", extensions=["abbr", glossary])
    assert html == "<p>SBRT helps.</p>"
    assert messages == [
        "docs/a.en.md:1:1: glossary tooltips could not be added (ValueError: planted); the page "
        "is shown without the rest of them: check the page's *[TERM]: lines and the glossary "
        "file, and report this message as a bug if they look right"
    ]


def test_without_a_report_the_glossary_raises(monkeypatch):
    glossary = GlossaryExtension()
    glossary.glossary = {"SBRT": "x"}
    monkeypatch.setattr(
        "healthsite.glossary.extension.ScriptAwareAbbrTreeprocessor._visit", _broken
    )
    with pytest.raises(ValueError, match="planted"):
        markdown.markdown("SBRT", extensions=["abbr", glossary])
