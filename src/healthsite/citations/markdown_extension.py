"""Python-Markdown extension: an InlineProcessor for citations and a bibliography postprocessor.

Running as an inline pattern (after code spans, escapes, autolinks and inline HTML have
been stashed) means code, ``\\[@key]``, ``<a@b.c>`` and ``name@example.com`` are never touched.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
from markdown import Extension, Markdown, util
from markdown.inlinepatterns import InlineProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from .bibliography import Bibliography
from .labels import Labels
from .locate import check_directives, has_marker, key_positions, replace_marker
from .metadata import entry_metadata
from .numbering import Numbering
from .page_memo import Group, RenderedPage, from_record, page_key, to_record
from .render import BibliographyRenderer, Cited, EntryRenderer, load_template, render_group
from .store import PAGES, text_digest
from .syntax import GROUP_RE, CitationItem, parse_group

#: Runs after inline HTML (90) and before entities/emphasis.
INLINE_PRIORITY = 85
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_PLACEHOLDER_RE = re.compile(util.HTML_PLACEHOLDER % r"([0-9]+)")


@dataclass
class PageContext:
    """What the extension needs to know about the page being rendered.

    ``line_offset`` counts the lines before the Markdown text in its file (front matter); it
    only matters for messages, so it may be a function, called the first time it is needed.
    """

    path: str = "<markdown>"
    lang: str = "en"
    line_offset: int | Callable[[], int] = 0
    source: str = ""

    def offset(self) -> int:
        """``line_offset``, computed on first use."""
        if callable(self.line_offset):
            self.line_offset = self.line_offset()
        return self.line_offset


@dataclass
class _PageState:
    numbering: Numbering = field(default_factory=Numbering)
    groups: int = 0
    seen_unknown: dict[str, int] = field(default_factory=dict)
    #: stash index -> a group waiting to be numbered in document order
    pending: dict[int, list[CitationItem]] = field(default_factory=dict)


class CitationExtension(Extension):
    """Resolve ``[@key]`` citations against a :class:`Bibliography`."""

    def __init__(
        self,
        bibliography: Bibliography,
        labels: Labels,
        template: jinja2.Template | Path,
        report: Callable[[str], None] = lambda message: None,
    ) -> None:
        super().__init__()
        self.bibliography = bibliography
        self.labels = labels
        if not isinstance(template, jinja2.Template):
            template = load_template(template)
        self.list_renderer = BibliographyRenderer(template, labels)
        #: What, besides its citations, a page's HTML depends on ("" if unknown: no memo).
        self._fingerprint = _fingerprint(labels, template)
        self.report = report
        self.renderer = EntryRenderer(bibliography, labels, self._report)
        self.context = PageContext()
        self.state = _PageState()

    def _report(self, message: str) -> None:
        self.report(message)

    def begin_page(self, context: PageContext) -> None:
        """Set the page the next ``convert`` belongs to."""
        self.context = context

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the processors on ``md``."""
        md.registerExtension(self)
        md.preprocessors.register(_ResetPreprocessor(md, self), "pandoc_citations_reset", 100)
        md.inlinePatterns.register(
            CitationInlineProcessor(GROUP_RE.pattern, md, self), "pandoc_citation", INLINE_PRIORITY
        )
        md.treeprocessors.register(_BibliographyTreeprocessor(md, self), "pandoc_bibliography", 15)

    def reset(self) -> None:
        """Forget the previous page's numbers."""
        self.state = _PageState()

    # used by the processors ------------------------------------------------------------
    def resolve_group(self, items: list[CitationItem], in_heading: bool = False) -> str:
        """Number and render one group (called in document order).

        Headings get the group without its descriptions (no preview), since heading text
        also becomes the table of contents.
        """
        state, context = self.state, self.context
        group: list[Cited] = []
        for item in items:
            entry = self.bibliography.get(item.key)
            if entry is None:
                self._unknown(item.key)
                group.append(Cited(item))
                continue
            number, cite_id = state.numbering.cite(entry.key)
            group.append(Cited(item, self.renderer.reference(entry, context.lang), number, cite_id))
        state.groups += 1
        unresolved = self.labels.get(context.lang, "unresolved")
        return render_group(group, unresolved, described=not in_heading)

    def _unknown(self, key: str) -> None:
        context = self.context
        index = self.state.seen_unknown.get(key, 0)
        self.state.seen_unknown[key] = index + 1
        positions = key_positions(context.source, key) if context.source else []
        line, col = positions[min(index, len(positions) - 1)] if positions else (0, 0)
        where = f"{context.path}:{line + context.offset()}:{col}" if line else context.path
        hint = self.bibliography.suggest(key)
        message = f"{where}: unknown citation key '{key}'"
        self._report(message + (f" (did you mean '{hint}'?)" if hint else ""))

    def cited_entries(self) -> list[dict[str, str]]:
        """The page's cited entries in citation order, as plain facts (see ``metadata``).

        The dictionaries are shared by every page citing the entry: read them, do not change
        them."""
        cache, facts = self.bibliography.cache, []
        for key in self.state.numbering.ordered_keys():
            entry = self.bibliography.get(key)
            if entry is not None:
                metadata = cache.get(("metadata", entry.key))
                if metadata is None:
                    metadata = cache[("metadata", entry.key)] = entry_metadata(entry)
                facts.append(metadata)
        return facts

    def render_page(self, groups: Sequence[Group]) -> RenderedPage:
        """Render the page's groups (given in reading order) and its bibliography.

        A page whose groups, language and cited entries are as in an earlier build is taken
        from the store instead (see :mod:`page_memo`).
        """
        if not groups:
            return RenderedPage([], None, [])
        lang, store = self.context.lang, self.bibliography.store
        key = page_key(groups, lang, self._fingerprint, self.bibliography)
        if key is not None and self._fingerprint:
            page = from_record(store.get(PAGES, key), len(groups))
            if page is not None:
                self._replay(page)
                return page
        page = RenderedPage(
            [self.resolve_group(group.items, group.in_heading) for group in groups],
            self.bibliography_html(),
            self.state.numbering.ordered_keys(),
        )
        if key is not None and self._fingerprint and not self.state.seen_unknown:
            store.put(PAGES, key, to_record(page))
        return page

    def _replay(self, page: RenderedPage) -> None:
        """Restore what rendering the page leaves behind: its numbers (for
        :meth:`cited_entries`) and each cited entry's check for missing fields."""
        numbers = self.state.numbering.numbers
        for number, key in enumerate(page.keys, 1):
            numbers[key] = number
            entry = self.bibliography.get(key)
            if entry is not None:
                self.renderer.check(entry)

    def bibliography_html(self) -> str | None:
        """The page's bibliography, or ``None`` when nothing was cited."""
        numbering = self.state.numbering
        if not numbering.numbers:
            return None
        rows = []
        for key in numbering.ordered_keys():
            entry = self.bibliography.get(key)
            assert entry is not None
            reference = self.renderer.reference(entry, self.context.lang)
            rows.append((numbering.numbers[key], reference, numbering.cite_ids[key]))
        return self.list_renderer.render(rows, self.context.lang)


class _ResetPreprocessor(Preprocessor):
    def __init__(self, md: Markdown, extension: CitationExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        self.extension.reset()
        context = self.extension.context
        check_directives("\n".join(lines), context.path, context.offset)
        return lines


class CitationInlineProcessor(InlineProcessor):
    """Replace a citation group with stashed HTML."""

    def __init__(self, pattern: str, md: Markdown, extension: CitationExtension) -> None:
        super().__init__(pattern, md)
        self.compiled_re = re.compile(pattern, re.DOTALL | re.UNICODE)
        self.extension = extension

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[str | etree.Element | None, int | None, int | None]:
        """Return a placeholder, filled in document order by the treeprocessor (or no match)."""
        items = _parse_group(m.group("body"))
        if items is None:
            return None, None, None
        placeholder = self.md.htmlStash.store("")
        self.extension.state.pending[self.md.htmlStash.html_counter - 1] = items
        return placeholder, m.start(0), m.end(0)


class _BibliographyTreeprocessor(Treeprocessor):
    """Put the list at the stashed ``<!-- bibliography -->`` block, else at the end.

    A treeprocessor rather than a postprocessor: the ``toc`` extension re-runs every
    postprocessor on each heading's HTML.
    """

    def __init__(self, md: Markdown, extension: CitationExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        groups = self._groups_in_reading_order(root)
        page = self.extension.render_page(groups)
        blocks = self.md.htmlStash.rawHtmlBlocks
        for group, html in zip(groups, page.groups, strict=True):
            blocks[group.stash_index] = html
        if page.bibliography is None:
            return
        placed = False
        for index, block in enumerate(blocks):
            if isinstance(block, str) and "bibliography" in block and has_marker(block):
                blocks[index] = replace_marker(block, "" if placed else page.bibliography)
                placed = True
        if not placed:
            paragraph = etree.SubElement(root, "p")
            paragraph.text = self.md.htmlStash.store(page.bibliography)

    def _groups_in_reading_order(self, root: etree.Element) -> list[Group]:
        """The stashed groups in reading order.

        Python-Markdown inlines nested blocks (lists, tables, admonitions) after top-level
        paragraphs, so numbering while inlining would not follow the page.
        """
        pending = self.extension.state.pending
        if not pending:
            return []
        in_headings = {
            int(index)
            for tag in _HEADINGS
            for heading in root.iter(tag)
            for text in heading.itertext()
            if "\x02" in text
            for index in _PLACEHOLDER_RE.findall(text)
        }
        groups = []
        for text in root.itertext():  # reading order; itertext and iter run in C
            if "\x02" not in text:
                continue
            for index in _PLACEHOLDER_RE.findall(text):
                items = pending.pop(int(index), None)
                if items is not None:
                    groups.append(Group(int(index), items, int(index) in in_headings))
        # not in the tree (should not happen)
        groups += [Group(index, items, False) for index, items in sorted(pending.items())]
        pending.clear()
        return groups


@functools.lru_cache(maxsize=8192)
def _parse_group(body: str) -> list[CitationItem] | None:
    """:func:`parse_group`, remembered: both languages of an article cite the same groups."""
    return parse_group(body)


def _fingerprint(labels: Labels, template: jinja2.Template) -> str:
    """Digest of the labels and the bibliography template's source ("" if it has no file)."""
    if not template.filename:
        return ""
    source = Path(template.filename).read_text(encoding="utf-8")
    return text_digest(repr(labels.fingerprint()), source)
