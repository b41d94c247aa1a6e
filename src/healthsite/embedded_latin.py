"""Mark English words inside Chinese text with `lang="en"`.

A zh-Hant page often names a term in English after the Chinese one: 「自發性消退
（spontaneous regression）」. Screen readers read such words with Chinese rules unless they
carry `lang="en"`, and fonts pick Latin glyphs by it. This Python-Markdown extension wraps runs
of English words in `<span lang="en">` on pages whose language is set by the caller; it knows
nothing of MkDocs. Code, abbreviations, links' own addresses and elements that already carry
`lang` are left alone.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

# A run of English words: letters with inner apostrophes/hyphens, joined by spaces or light
# punctuation, e.g. "spontaneous regression", "Cole and Everson", "tumour-associated".
ENGLISH_RUN = re.compile(
    r"(?<![A-Za-z0-9&#\x02\x03])"  # not inside a longer token, an entity or a stash placeholder
    r"[A-Za-z][A-Za-z'’-]*[A-Za-z]"  # first word (two letters or more)
    r"(?:[ ,.&/-]+[A-Za-z][A-Za-z'’-]*[A-Za-z])*"  # more words
    r"(?![A-Za-z0-9])"
)
# Worth marking: at least one ordinary lower-case word of three letters or more. Capitalised
# names and abbreviations (HCC, SBRT, Cole) read the same either way and stay as they are.
ENGLISH_WORD = re.compile(r"(?<![A-Za-z])[a-z]{3,}(?![A-Za-z])")
# Elements whose text is not prose, or already has its language.
SKIPPED_TAGS = frozenset({"code", "pre", "abbr", "script", "style", "kbd", "samp", "math"})


class EmbeddedLatinTreeprocessor(Treeprocessor):
    """Wrap English runs in `<span lang="...">` when the extension is switched on."""

    def __init__(self, md: Markdown, extension: EmbeddedLatinExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        if self.extension.enabled:
            self._visit(root)

    def _visit(self, element: etree.Element) -> None:
        for child in list(element):
            if child.tag not in SKIPPED_TAGS and "lang" not in child.attrib:
                self._visit(child)
            self._wrap_tail(element, child)
        if element.text and not isinstance(element.text, AtomicString):
            text, spans = self._split(element.text)
            if spans:
                element.text = text
                for index, span in enumerate(spans):
                    element.insert(index, span)

    def _wrap_tail(self, parent: etree.Element, child: etree.Element) -> None:
        if not child.tail or isinstance(child.tail, AtomicString):
            return
        text, spans = self._split(child.tail)
        if not spans:
            return
        child.tail = text
        position = list(parent).index(child) + 1
        for offset, span in enumerate(spans):
            parent.insert(position + offset, span)

    def _split(self, text: str) -> tuple[str, list[etree.Element]]:
        """Text before the first run, and a span per run (each span's tail: text after it)."""
        runs = [m for m in ENGLISH_RUN.finditer(text) if ENGLISH_WORD.search(m[0])]
        if not runs:
            return text, []
        spans = []
        for index, run in enumerate(runs):
            span = etree.Element("span", {"lang": self.extension.language})
            span.text = run[0]
            end = runs[index + 1].start() if index + 1 < len(runs) else len(text)
            span.tail = text[run.end() : end]
            spans.append(span)
        return text[: runs[0].start()], spans


class EmbeddedLatinExtension(Extension):
    """Switch on per page with `enabled`; runs after abbreviations (priority 7)."""

    def __init__(self, language: str = "en") -> None:
        super().__init__()
        self.language = language
        self.enabled = False

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.treeprocessors.register(EmbeddedLatinTreeprocessor(md, self), "embedded_latin", 5)
