"""Python-Markdown extension: an InlineProcessor for citations and a bibliography treeprocessor.

Running as an inline pattern (after code spans, escapes, autolinks and inline HTML have
been stashed) means code, ``\\[@key]``, ``<a@b.c>`` and ``name@example.com`` are never touched.
A citation becomes an element whose prefixes and suffixes are child elements, so
Python-Markdown renders the Markdown in them like any other text; the treeprocessor then
numbers and renders the citations in reading order.
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

from .bibliography import Bibliography, Entry
from .errors import CitationError
from .in_text import author_in_text
from .labels import Labels
from .locate import (
    check_directives,
    citation_positions,
    has_marker,
    key_positions,
    line_col,
    link_text_citations,
    problem_positions,
    replace_marker,
)
from .metadata import entry_metadata
from .nocite import nocite_keys
from .numbering import Numbering
from .page_memo import Group, RenderedPage, from_record, page_key, to_record
from .prefetch import Prefetch
from .render import (
    BibliographyRenderer,
    Cited,
    EntryRenderer,
    affix_slot,
    load_template,
    render_group,
)
from .store import PAGES, text_digest
from .syntax import AUTHOR_IN_TEXT, START_RE, Citation, CitationItem, Problem, scan_at

#: Runs after inline HTML (90) and before entities/emphasis.
INLINE_PRIORITY = 85
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: Attributes of the elements standing for a citation and its affixes until rendered.
_MARK = "data-healthsite-citation"
_AFFIX = "data-healthsite-affix"
#: An inline placeholder right before a position, and what an escaped ``[`` is stashed as.
_STASHED_BEFORE_RE = re.compile(re.escape(util.INLINE_PLACEHOLDER_PREFIX) + r"([0-9]+)\x03$")
_ESCAPED_BRACKET = f"{util.STX}{ord('[')}{util.ETX}"
#: Python-Markdown's placeholders for stashed inline content (code, links, raw HTML).
_PLACEHOLDER_RE = re.compile(f"{util.STX}[^{util.STX}{util.ETX}]*{util.ETX}")


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
    #: Front matter ``nocite`` (``"@a, @b"``, ``"@*"`` or a list): listed without a marker.
    nocite: object = None
    #: Line of ``nocite:`` in the file, for messages (may be a function).
    nocite_line: int | Callable[[], int] = 0

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
    #: citation number -> a group waiting to be numbered in document order
    pending: dict[int, list[CitationItem]] = field(default_factory=dict)
    #: citation number -> its text as written (what the page shows if rendering fails)
    written: dict[int, str] = field(default_factory=dict)
    problems: int = 0


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
        #: A child process warming the entry store for this build (see :mod:`prefetch`).
        self.prefetch: Prefetch | None = None

    def _report(self, message: str) -> None:
        self.report(message)

    def begin_page(self, context: PageContext) -> None:
        """Set the page the next ``convert`` belongs to (taking in what a prefetch child
        has sent by now)."""
        self.context = context
        if self.prefetch is not None:
            self.prefetch.merge_ready()

    def extendMarkdown(self, md: Markdown) -> None:
        """Register the processors on ``md``."""
        md.registerExtension(self)
        if "@" not in md.ESCAPED_CHARS:
            md.ESCAPED_CHARS.append("@")  # pandoc's way to write a literal @key: \@key
        md.preprocessors.register(_ResetPreprocessor(md, self), "pandoc_citations_reset", 100)
        md.inlinePatterns.register(
            CitationInlineProcessor(START_RE.pattern, md, self), "pandoc_citation", INLINE_PRIORITY
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
        state, lang = self.state, self.context.lang
        group: list[Cited] = []
        for slot, item in enumerate(items):
            entry = self.bibliography.get(item.key)
            if entry is None:
                self._unknown(item.key)
                group.append(Cited(item, slot=slot))
                continue
            number, cite_id = state.numbering.cite(entry.key)
            reference = self.renderer.reference(entry, lang)
            author = self._author(entry, lang) if item.mode == AUTHOR_IN_TEXT else ""
            group.append(Cited(item, reference, number, cite_id, slot, author))
        state.groups += 1
        words = self.labels.for_lang(lang)
        return render_group(
            group,
            words["unresolved"],
            described=not in_heading,
            number_label=words["reference_number"],
        )

    def _author(self, entry: Entry, lang: str) -> str:
        """``Palma et al.`` in the page language (cached per entry, language and labels)."""
        cache_key = ("in_text", entry.key, lang, self.renderer.labels_id)
        name = self.bibliography.cache.get(cache_key)
        if name is None:
            words = self.labels.for_lang(lang)
            name = author_in_text(entry.data, words["in_text_et_al"], words["in_text_and"])
            self.bibliography.cache[cache_key] = name
        return name

    def problem(self, message: str) -> None:
        """Report a malformed citation, located by the same scan over the page's source."""
        context, index = self.context, self.state.problems
        self.state.problems += 1
        found = problem_positions(context.source) if context.source else []
        if found:
            message, line, col = found[min(index, len(found) - 1)]
            self._report(f"{context.path}:{line + context.offset()}:{col}: {message}")
        else:
            self._report(f"{context.path}: {message}")

    def failure(self, error: Exception, near: str = "") -> None:
        """Report an exception inside the extension at ``path:line:col`` (near the text
        ``near``, else the page's first citation): a bug or an input nobody foresaw, never a
        traceback. The citations concerned stay as written on the page."""
        context = self.context
        line, col = 0, 0
        if context.source:
            at = context.source.find(near) if near else -1
            if at >= 0:
                line, col = line_col(context.source, at)
            else:
                positions = citation_positions(context.source)
                line, col = positions[0][1:] if positions else (1, 1)
        where = f"{context.path}:{line + context.offset()}:{col}" if line else context.path
        self._report(
            f"{where}: citations could not be rendered ({type(error).__name__}: {error}); they "
            "are shown as written: check the citation syntax here, and report this message as a "
            "bug if it looks right"
        )

    def _unknown(self, key: str, where: str = "") -> None:
        context = self.context
        index = self.state.seen_unknown.get(key, 0)
        self.state.seen_unknown[key] = index + 1
        if not where:
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

        A page whose groups, language, ``nocite`` keys and cited entries are as in an
        earlier build is taken from the store instead (see :mod:`page_memo`).
        """
        nocite = self._nocite()
        if not groups and not nocite:
            return RenderedPage([], None, [])
        lang, store = self.context.lang, self.bibliography.store
        key = page_key(groups, lang, self._fingerprint, self.bibliography, nocite)
        if key is not None and self._fingerprint:
            page = from_record(store.get(PAGES, key), len(groups))
            if page is not None:
                self._replay(page)
                return page
        rendered = [self.resolve_group(group.items, group.in_heading) for group in groups]
        for entry_key in nocite:
            self.state.numbering.add(entry_key)
        page = RenderedPage(rendered, self.bibliography_html(), self.state.numbering.ordered_keys())
        if key is not None and self._fingerprint and not self.state.seen_unknown:
            store.put(PAGES, key, to_record(page))
        return page

    def _nocite(self) -> list[str]:
        """Entry keys listed by front matter ``nocite`` (unknown ones are reported)."""
        context = self.context
        if context.nocite is None:
            return []
        keys, problem = nocite_keys(
            context.nocite, [e.key for e in self.bibliography.entries.values()]
        )
        entries = [self.bibliography.get(key) for key in keys]
        if problem or None in entries:
            line = context.nocite_line() if callable(context.nocite_line) else context.nocite_line
            where = f"{context.path}:{line}" if line else context.path
            if problem:
                self._report(f"{where}: {problem}")
            for key, entry in zip(keys, entries, strict=True):
                if entry is None:
                    self._unknown(key, where)
        return list(dict.fromkeys(entry.key for entry in entries if entry is not None))

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
        text = "\n".join(lines)
        check_directives(text, context.path, context.offset)
        for key, line, col in link_text_citations(text):
            self.extension.report(
                f"{context.path}:{line + context.offset()}:{col}: citation '@{key}' in link text "
                "is not rendered (a citation is a link, and a link cannot hold one); put it "
                f"after the link: [text](url) [@{key}]"
            )
        return lines


class CitationInlineProcessor(InlineProcessor):
    """Replace a citation with an element the treeprocessor renders in reading order."""

    #: Link text is no place for a citation (a link in a link); ``[@a](url)`` stays a link.
    ANCESTOR_EXCLUDES = ("a",)

    def __init__(self, pattern: str, md: Markdown, extension: CitationExtension) -> None:
        super().__init__(pattern, md)
        self.extension = extension

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[str | etree.Element | None, int | None, int | None]:
        """An element for the citation at ``m`` (or no match; a near miss is reported).

        An exception is reported at the text and leaves it as written (see ``failure``)."""
        try:
            return self._handle(m, data)
        except CitationError:
            raise
        except Exception as error:  # reported with its location; the text stays as written
            near = _PLACEHOLDER_RE.split(data[m.start() :], maxsplit=1)[0].split("\n")[0]
            self.extension.failure(error, near)
            return None, None, None

    def _handle(
        self, m: re.Match[str], data: str
    ) -> tuple[str | etree.Element | None, int | None, int | None]:
        if self._after_escaped_bracket(data, m.start()):
            return None, None, None  # \\[@key] is literal (see CONTRIBUTING)
        found = _scan_at(data, m.start())
        if isinstance(found, Problem):
            self.extension.problem(found.message)
        if not isinstance(found, Citation):
            return None, None, None
        pending = self.extension.state.pending
        number = len(pending) + 1
        pending[number] = list(found.items)
        self.extension.state.written[number] = data[found.start : found.end]
        element = etree.Element("span", {_MARK: str(number)})
        for slot, item in enumerate(found.items):
            for kind, text in (("p", item.prefix), ("s", item.suffix)):
                if text:
                    etree.SubElement(element, "span", {_AFFIX: f"{slot}{kind}"}).text = text
        return element, found.start, found.end

    def _after_escaped_bracket(self, data: str, pos: int) -> bool:
        """True for the ``@`` of ``\\[@key]``: the escape stands before it as a stashed node."""
        if not data.startswith("@", pos):
            return False
        match = _STASHED_BEFORE_RE.search(data, 0, pos - 1 if data[pos - 1 : pos] == "-" else pos)
        if match is None:
            return False
        inline = self.md.treeprocessors["inline"]
        return getattr(inline, "stashed_nodes", {}).get(match.group(1)) == _ESCAPED_BRACKET


class _BibliographyTreeprocessor(Treeprocessor):
    """Render the page's citations in reading order; put the list at the stashed
    ``<!-- bibliography -->`` block, else at the end.

    A treeprocessor rather than a postprocessor: the ``toc`` extension re-runs every
    postprocessor on each heading's HTML.
    """

    def __init__(self, md: Markdown, extension: CitationExtension) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, root: etree.Element) -> None:
        """Render the page's citations; an exception is reported, and each citation not yet
        rendered is put back as written."""
        try:
            self._run(root)
        except CitationError:
            raise
        except Exception as error:  # reported with its location; the text stays as written
            self.extension.failure(error)
            _restore_written(root, self.extension.state.written)

    def _run(self, root: etree.Element) -> None:
        found = self._citations(root)
        groups = [Group(index, items, heading) for index, (_, items, heading) in enumerate(found)]
        page = self.extension.render_page(groups)
        if found:
            parents = {child: parent for parent in root.iter() for child in parent}
            for (element, _, _), html in zip(found, page.groups, strict=True):
                for affix in element:
                    html = html.replace(affix_slot(*_slot(affix)), self._inner_html(affix))
                _replace(element, parents[element], self.md.htmlStash.store(html))
        if page.bibliography is None:
            return
        blocks = self.md.htmlStash.rawHtmlBlocks
        placed = False
        for index, block in enumerate(blocks):
            if isinstance(block, str) and "bibliography" in block and has_marker(block):
                blocks[index] = replace_marker(block, "" if placed else page.bibliography)
                placed = True
        if not placed:
            paragraph = etree.SubElement(root, "p")
            paragraph.text = self.md.htmlStash.store(page.bibliography)

    def _citations(
        self, root: etree.Element
    ) -> list[tuple[etree.Element, list[CitationItem], bool]]:
        """The citation elements in reading order, their items, and whether in a heading.

        Python-Markdown inlines nested blocks (lists, tables, admonitions) after top-level
        paragraphs, so numbering while inlining would not follow the page.
        """
        pending = self.extension.state.pending
        if not pending:
            return []
        in_headings = {
            element
            for tag in _HEADINGS
            for heading in root.iter(tag)
            for element in heading.iter("span")
            if element.get(_MARK) is not None
        }
        found = []
        for element in root.iter("span"):  # reading order
            number = element.get(_MARK)
            if number is not None and int(number) in pending:
                found.append((element, pending.pop(int(number)), element in in_headings))
        pending.clear()
        return found

    def _inner_html(self, element: etree.Element) -> str:
        """An affix's rendered Markdown (raw HTML in it stays stashed, restored later)."""
        element.tail = None
        html = self.md.serializer(element)
        return html[html.index(">") + 1 : html.rindex("<")]


def _restore_written(root: etree.Element, written: dict[int, str]) -> None:
    """Replace each citation element still in the tree with its text as written."""
    parents = {child: parent for parent in root.iter() for child in parent}
    for element in list(root.iter("span")):
        number = element.get(_MARK)
        if number is not None and element in parents:
            text = _PLACEHOLDER_RE.sub("", written.get(int(number), ""))
            _replace(element, parents[element], text)


def _slot(affix: etree.Element) -> tuple[int, str]:
    """``(item index, "p" or "s")`` of an affix element."""
    name = affix.get(_AFFIX, "0p")
    return int(name[:-1]), name[-1]


def _replace(element: etree.Element, parent: etree.Element, text: str) -> None:
    """Put ``text`` where ``element`` is in ``parent``."""
    text += element.tail or ""
    index = list(parent).index(element)
    if index == 0:
        parent.text = (parent.text or "") + text
    else:
        before = parent[index - 1]
        before.tail = (before.tail or "") + text
    parent.remove(element)


@functools.lru_cache(maxsize=8192)
def _scan_at(data: str, start: int) -> Citation | Problem | None:
    """:func:`scan_at`, remembered: both languages of an article cite the same groups."""
    return scan_at(data, start)


def _fingerprint(labels: Labels, template: jinja2.Template) -> str:
    """Digest of the labels and the bibliography template's source ("" if it has no file)."""
    if not template.filename:
        return ""
    source = Path(template.filename).read_text(encoding="utf-8")
    return text_digest(repr(labels.fingerprint()), source)
