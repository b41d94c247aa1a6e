"""Abbreviation tooltips that also work inside Chinese text.

Python-Markdown's `abbr` extension matches terms between `\\b` word boundaries. Han characters
count as word characters, so `SBRT` in 「接受SBRT治療」 or a Chinese term such as 「遠隔效應」
inside a sentence never matches. This extension swaps in a tree processor whose boundaries only
look at Latin letters and digits. It knows nothing of MkDocs.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.abbr import AbbrExtension, AbbrTreeprocessor
from markdown.treeprocessors import Treeprocessor

# A term may not be glued to Latin letters or digits on either side; Han text around it is fine.
LATIN_BOUNDARY_BEFORE = r"(?<![A-Za-z0-9])"
LATIN_BOUNDARY_AFTER = r"(?![A-Za-z0-9])"


class ScriptAwareAbbrTreeprocessor(AbbrTreeprocessor):
    """`abbr`'s tree processor with boundaries that suit mixed Han/Latin text."""

    def run(self, root):  # type: ignore[override]
        if not self.abbrs:
            return None
        terms = sorted(self.abbrs, key=len, reverse=True)
        alternatives = "|".join(re.escape(term) for term in terms)
        self.RE = re.compile(f"{LATIN_BOUNDARY_BEFORE}(?:{alternatives}){LATIN_BOUNDARY_AFTER}")
        self.iter_element(root)
        _keep_first_occurrence_only(root)
        return None


def _keep_first_occurrence_only(root: etree.Element) -> None:
    """Explain each term once per page: later `<abbr>`s go back to plain text."""
    seen: set[str] = set()
    parents = {child: parent for parent in root.iter() for child in parent}
    for abbr in list(root.iter("abbr")):
        term = abbr.text or ""
        if term not in seen:
            seen.add(term)
            continue
        _unwrap(parents[abbr], abbr)


def _unwrap(parent: etree.Element, element: etree.Element) -> None:
    """Replace `element` (text only) by its text, joined to the text around it."""
    text = (element.text or "") + (element.tail or "")
    index = list(parent).index(element)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        previous = parent[index - 1]
        previous.tail = (previous.tail or "") + text
    parent.remove(element)


class ScriptAwareAbbrExtension(Extension):
    """Replace the `abbr` tree processor; `abbr` itself must be enabled before this one."""

    def extendMarkdown(self, md: Markdown) -> None:
        registry = md.treeprocessors  # a Registry: it has no .get()
        abbr_processor: Treeprocessor | None = (
            registry["abbr"] if "abbr" in registry else None  # noqa: SIM401
        )
        if not isinstance(abbr_processor, AbbrTreeprocessor):
            raise ValueError("enable the 'abbr' Markdown extension before the glossary")
        replacement = ScriptAwareAbbrTreeprocessor(md, abbr_processor.abbrs)
        md.treeprocessors.register(replacement, "abbr", 7)


def makeExtension(**kwargs: object) -> ScriptAwareAbbrExtension:
    return ScriptAwareAbbrExtension(**kwargs)


__all__ = ["AbbrExtension", "ScriptAwareAbbrExtension"]
