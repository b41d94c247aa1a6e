"""Shared fixtures for the citation engine tests (hooks/citations.py + healthsite.citations)."""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import markdown
import pytest
from citation_helpers import SAMPLE_BIB, TEMPLATE, Rendered, make_site
from pybtex.database.input import bibtex
from site_testing import Build

from healthsite.citations import CitationExtension, PageContext, load_bibliography, load_labels
from healthsite.citations import bibliography as bibliography_module


@pytest.fixture
def write_bib(tmp_path: Path) -> Callable[..., Path]:
    """Write a .bib file into tmp_path and return its path."""

    def write(text: str = SAMPLE_BIB, name: str = "references.bib") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def render(write_bib: Callable[..., Path], tmp_path: Path) -> Callable[..., Rendered]:
    """Render Markdown with the extension against SAMPLE_BIB (or a given .bib text)."""

    def run(
        text: str,
        *,
        bib: str = SAMPLE_BIB,
        lang: str = "en",
        path: str = "docs/x.md",
        line_offset: int = 0,
        extensions: tuple[str, ...] = (),
    ) -> Rendered:
        bibliography = load_bibliography([write_bib(bib)], tmp_path)
        messages: list[str] = []
        extension = CitationExtension(bibliography, load_labels(), TEMPLATE, report=messages.append)
        extension.begin_page(
            PageContext(path=path, lang=lang, line_offset=line_offset, source=text)
        )
        html = markdown.markdown(text, extensions=[*extensions, extension])
        return Rendered(html, messages)

    return run


@pytest.fixture
def build_site(tmp_path: Path) -> Callable[..., Build]:
    """Factory: write a tiny zh-Hant/en site into tmp_path and run ``mkdocs build --strict``."""
    return lambda pages, **kwargs: make_site(tmp_path / "site-src", pages, **kwargs)


@pytest.fixture
def parsed_texts(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Every text handed to pybtex's parser (the per-process caches emptied first)."""
    texts: list[str] = []
    original = bibtex.Parser.parse_string

    def parse_string(self, text):  # type: ignore[no-untyped-def]
        texts.append(text)
        return original(self, text)

    monkeypatch.setattr(bibtex.Parser, "parse_string", parse_string)
    monkeypatch.setattr(bibliography_module, "_file_cache", {})
    monkeypatch.setattr(bibliography_module, "_merged_cache", {})
    yield texts
