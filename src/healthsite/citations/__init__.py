"""Pandoc-style citations for Markdown: parse, number, format and link references.

This package is a plain library: it takes Markdown text and bibliography data and
produces HTML.  It never imports MkDocs; ``hooks/citations.py`` adapts it to MkDocs.
"""

from __future__ import annotations

from .bibliography import Bibliography, BibliographyError, load_bibliography
from .errors import CitationError
from .labels import Labels, load_labels
from .markdown_extension import CitationExtension, PageContext
from .render import EntryRenderer
from .syntax import CitationItem, parse_group

__all__ = [
    "Bibliography",
    "BibliographyError",
    "CitationError",
    "CitationExtension",
    "CitationItem",
    "EntryRenderer",
    "Labels",
    "PageContext",
    "load_bibliography",
    "load_labels",
    "parse_group",
]
