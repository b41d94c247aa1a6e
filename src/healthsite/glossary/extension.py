"""Abbreviation tooltips from a glossary, explained once per page, inside Chinese text too.

Python-Markdown's `abbr` extension matches terms between `\\b` word boundaries. Han characters
count as word characters, so `SBRT` in 「接受SBRT治療」 or a Chinese term such as 「遠隔效應」
inside a sentence never matches; and it wraps every occurrence. This extension replaces its
tree processor: boundaries only look at Latin letters and digits, the first occurrence of a
term on a page gets the `<abbr>`, and the caller's glossary (`glossary` attribute, switched
per page) is used without being parsed as Markdown. It knows nothing of MkDocs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from functools import lru_cache

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrTreeprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

# Not explained inside these: a heading's or link's text is not the place for a dotted underline
# and a tooltip (and a link cannot hold a focusable term). The next occurrence is explained.
SKIPPED_TAGS = frozenset({"abbr", "a", "h1", "h2", "h3", "h4", "h5", "h6", "code", "pre"})

# A term may not be glued to Latin letters or digits on either side; Han text around it is fine.
LATIN_BOUNDARY_BEFORE = r"(?<![A-Za-z0-9])"
LATIN_BOUNDARY_AFTER = r"(?![A-Za-z0-9])"


class ScriptAwareAbbrTreeprocessor(Treeprocessor):
    """Wrap the first occurrence of each term outside headings and links in
    `<abbr title="…" tabindex="0">`, in document order."""

    def __init__(self, md: Markdown, page_terms: dict[str, str], extension: GlossaryExtension):
        super().__init__(md)
        self.page_terms = page_terms  # filled by abbr's block processor: `*[X]: …` on the page
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        """Explain the page's terms; with a ``report`` set on the extension, an exception is
        reported (the page keeps its text, with the terms explained so far)."""
        try:
            self._run(root)
        except Exception as error:
            report = self.extension.report
            if report is None:
                raise
            report(
                f"{self.extension.page}:1:1: glossary tooltips could not be added "
                f"({type(error).__name__}: {error}); the page is shown without the rest of "
                "them: check the page's *[TERM]: lines and the glossary file, and report this "
                "message as a bug if they look right"
            )

    def _run(self, root: etree.Element) -> None:
        terms = {**self.extension.glossary, **self.page_terms}
        terms = {term: title for term, title in terms.items() if title}
        if not terms:
            return
        self.terms = terms
        self.pattern = _pattern(tuple(sorted(terms, key=len, reverse=True)))
        self.unseen = set(terms)
        self._visit(root)

    def _visit(self, element: etree.Element) -> None:
        if element.tag in SKIPPED_TAGS:
            return
        if element.text and not isinstance(element.text, AtomicString):
            element.text, explained = self._explain(element.text)
            for index, abbr in enumerate(explained):
                element.insert(index, abbr)
        for child in list(element):
            if not self.unseen:
                return
            self._visit(child)
            if child.tail and not isinstance(child.tail, AtomicString):
                child.tail, explained = self._explain(child.tail)
                position = list(element).index(child) + 1
                for offset, abbr in enumerate(explained):
                    element.insert(position + offset, abbr)

    def _explain(self, text: str) -> tuple[str, list[etree.Element]]:
        """`text` up to the first new term, and an `<abbr>` per new term (tail: what follows)."""
        if not self.unseen:
            return text, []
        explained: list[etree.Element] = []
        before, cursor = text, 0
        for match in self.pattern.finditer(text):
            term = match[0]
            if term not in self.unseen:
                continue
            self.unseen.discard(term)
            # tabindex: keyboard users can reach the term, and Material shows its tooltip on focus.
            abbr = etree.Element("abbr", {"title": self.terms[term], "tabindex": "0"})
            abbr.text = AtomicString(term)
            if explained:
                explained[-1].tail = text[cursor : match.start()]
            else:
                before = text[: match.start()]
            explained.append(abbr)
            cursor = match.end()
        if explained:
            explained[-1].tail = text[cursor:]
        return before, explained


class GlossaryExtension(Extension):
    """Replaces `abbr`'s tree processor; `abbr` must be enabled before this one.

    Set `glossary` (term -> explanation) before converting a page; terms defined on the page
    itself with `*[TERM]: …` take precedence. With `report` set, an exception while explaining
    terms is reported at `page` (`path:1:1: …`) instead of raised.
    """

    def __init__(self) -> None:
        super().__init__()
        self.glossary: dict[str, str] = {}
        self.page = "<markdown>"
        self.report: Callable[[str], None] | None = None

    def extendMarkdown(self, md: Markdown) -> None:
        registry = md.treeprocessors  # a Registry: it has no .get()
        abbr_processor = registry["abbr"] if "abbr" in registry else None  # noqa: SIM401
        if not isinstance(abbr_processor, AbbrTreeprocessor):
            raise ValueError("enable the 'abbr' Markdown extension before the glossary")
        replacement = ScriptAwareAbbrTreeprocessor(md, abbr_processor.abbrs, self)
        md.treeprocessors.register(replacement, "abbr", 7)


@lru_cache(maxsize=16)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str]:
    """One alternation of all terms, longest first, with Latin-only boundaries.

    It starts with a look at the next character (one a term starts with): the regular
    expression engine then skips to such characters instead of trying every term at every
    position of the text. The matches are the same (an empty term would not be: none then).
    """
    alternatives = "|".join(re.escape(term) for term in terms)
    first = "".join(sorted({re.escape(term[0]) for term in terms})) if all(terms) else ""
    ahead = f"(?=[{first}])" if first else ""
    return re.compile(f"{ahead}{LATIN_BOUNDARY_BEFORE}(?:{alternatives}){LATIN_BOUNDARY_AFTER}")
