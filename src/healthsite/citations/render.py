"""Turn resolved citations into HTML: citation groups and the bibliography list."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

import jinja2
from markupsafe import Markup

from .bibliography import Bibliography, Entry
from .entry_types import entry_language
from .errors import CitationError
from .labels import LABEL_NAMES, Labels
from .numbering import compress
from .store import FORMATTED
from .syntax import AUTHOR_IN_TEXT, CitationItem


class Reference(NamedTuple):
    """A formatted bibliography entry."""

    key: str
    html: str
    lang: str


class Cited(NamedTuple):
    """One item of a group after resolution (``reference`` is ``None`` when unknown)."""

    item: CitationItem
    reference: Reference | None = None
    number: int = 0
    cite_id: str = ""
    #: The item's place in its group as written (names its affix slots).
    slot: int = 0
    #: Author-in-text name (``Palma et al.``), escaped when rendered.
    author: str = ""


class Backlink(NamedTuple):
    """A link from a bibliography entry back to one citing spot."""

    href: str
    letter: str


class BibliographyRow(NamedTuple):
    """What the bibliography template gets for each entry (attributes, for fast Jinja access)."""

    #: The entry's number when the list's own numbering would not give it, else "".
    number: str
    id: str
    #: The id of the entry's text (``ref:N``), which citations are described by.
    text_id: str
    key: str
    lang: str
    html: Markup
    backlinks: list[Backlink]


#: Stand-ins for page-language words: pybtex formats each entry once, then every language
#: gets its words swapped in (formatting is by far the most expensive step).
_SLOT = "\ue000{}\ue001"
_SLOT_RE = re.compile("\ue000([a-z_]+)\ue001")
_SLOTS = {name: _SLOT.format(name) for name in LABEL_NAMES}


class EntryRenderer:
    """Formats entries lazily: pybtex once per key, then cached per (key, page language)."""

    def __init__(
        self, bibliography: Bibliography, labels: Labels, report: Callable[[str], None]
    ) -> None:
        self.bibliography = bibliography
        self.labels = labels
        self.report = report
        # a small int stands for the labels in cache keys (hashing the labels each time is slow)
        label_ids = bibliography.cache.setdefault("labels", {})
        self.labels_id = label_ids.setdefault(labels.fingerprint(), len(label_ids))

    def reference(self, entry: Entry, page_lang: str) -> Reference:
        """The formatted entry in ``page_lang``; the cache lives as long as the .bib data."""
        cache_key = (entry.key, page_lang, self.labels_id)
        cached = self.bibliography.cache.get(cache_key)
        if cached is not None:
            self.check(entry)
            return cached
        base = self._base(entry)
        words = self.labels.for_lang(page_lang)
        html_text = _SLOT_RE.sub(lambda m: html.escape(words[m.group(1)]), base.html)
        reference = base._replace(html=html_text)
        self.bibliography.cache[cache_key] = reference
        return reference

    def check(self, entry: Entry) -> None:
        """Report what is wrong with a cited entry (once per build, see ``begin_build``);
        ``Bibliography.problems`` has every entry's problems, cited or not."""
        checked = self.bibliography.cache.setdefault("checked", set())
        if entry.key not in checked:
            checked.add(entry.key)
            for message in self.bibliography.problems_of(entry):
                self.report(message)

    def prepare(self, entry: Entry) -> None:
        """Format ``entry`` into the store without reporting (what a prefetch child does)."""
        self._base(entry)

    def _base(self, entry: Entry) -> Reference:
        """Format with pybtex once per key, page-language words left as slots.

        The result is also kept in the bibliography's store (between builds, when on), so
        pybtex formats only entries that are new or changed since the last build.
        """
        cache_key = ("base", entry.key, self.labels_id)
        cached = self.bibliography.cache.get(cache_key)
        if cached is not None:
            return cached
        self.check(entry)
        lang = entry_language(entry.data)
        et_al = self.labels.get(lang, "et_al")  # 「等」 for Chinese sources, else "et al."
        store, store_key = self.bibliography.store, f"{entry.digest}:{et_al}"
        html_text = store.get(FORMATTED, store_key) if entry.digest else None
        if html_text is None:
            from .style import vancouver_html  # pybtex's formatter: imported on first use

            html_text = vancouver_html(entry.data, _SLOTS, et_al)
            if entry.digest:
                store.put(FORMATTED, store_key, html_text)
        reference = Reference(entry.key, html_text, lang)
        self.bibliography.cache[cache_key] = reference
        return reference


@functools.lru_cache(maxsize=65536)
def _attr(value: str) -> str:
    """HTML-escape ids and keys, which repeat a lot (memoized)."""
    return html.escape(value)


#: Stands for an item's rendered prefix or suffix (Markdown, rendered per page) in a group's
#: HTML, so that HTML can be remembered between builds.
_AFFIX_SLOT = "\ue010{}{}\ue011"


def affix_slot(slot: int, kind: str) -> str:
    """The stand-in for item ``slot``'s prefix (``kind`` "p") or suffix ("s")."""
    return _AFFIX_SLOT.format(slot, kind)


def _affixed(cited: Cited) -> bool:
    item = cited.item
    return bool(item.prefix or item.locator or item.suffix)


def _ref_link(
    cited: Cited, described: bool, number_label: str, hidden: Sequence[Cited] = ()
) -> str:
    """The number's link; ``number_label`` (``Reference {number}``) names it for screen
    readers, since a bare "1" says nothing. When ``described``, its own reference's text
    describes it (``aria-describedby``), followed by the texts of ``hidden``: the sources a
    collapsed range (``1–3``) stands for without a link of their own."""
    assert cited.reference is not None
    described_by = ""
    if described:
        numbers = dict.fromkeys(c.number for c in (cited, *hidden) if c.reference)
        described_by = " ".join(reference_text_id(number) for number in numbers)
    described_attr = f' aria-describedby="{described_by}"' if described_by else ""
    name = html.escape(number_label.replace("{number}", str(cited.number)))
    named = f' aria-label="{name}"' if name else ""
    return (
        f'<a id="{_attr(cited.cite_id)}" '
        f'href="#ref-{_attr(cited.reference.key)}"{named}{described_attr}>{cited.number}</a>'
    )


def _anchor(cited: Cited) -> str:
    """A back-link target for a citing spot without a link (inside a collapsed range)."""
    return f'<span id="{_attr(cited.cite_id)}"></span>'


def _item_html(cited: Cited, described: bool, unresolved_label: str, number_label: str) -> str:
    item = cited.item
    if cited.reference is None:
        core = (
            f'<span class="citation__unresolved" title="{html.escape(unresolved_label)}: '
            f'{html.escape(item.key)}">?{html.escape(item.key)}</span>'
        )
    else:
        core = _ref_link(cited, described, number_label)
    parts = [affix_slot(cited.slot, "p") + " " if item.prefix else "", core]
    if item.locator:
        # entities as written (p.&nbsp;30) become characters, then everything is escaped
        parts.append(", " + html.escape(html.unescape(item.locator)))
    if item.suffix:
        parts.append(affix_slot(cited.slot, "s"))  # keeps its leading space or comma
    return "".join(parts)


def reference_text_id(number: int | str) -> str:
    """Id of the formatted text of the page's reference ``number`` in the bibliography
    (partials/bibliography.html): ``ref:3``. Short, as every citation repeats it; the colon
    keeps it apart from the entries' ``ref-KEY`` anchors and from heading ids (slugs have none),
    as Python-Markdown's footnote ids ``fn:1``."""
    return f"ref:{number}"


def render_group(
    group: Sequence[Cited],
    unresolved_label: str,
    *,
    described: bool = True,
    number_label: str = "",
) -> str:
    """``[1–3, 5, p. 7]`` with links and range anchors; ``Palma et al. [5]`` when the first
    item is an author-in-text citation (``@palma2019``) of a known source.

    Every link is described (``aria-describedby``) by its own source's bibliography text (a
    range's first link also by the sources inside the range), so screen readers read each
    full reference once; citations.js shows the group's texts as a preview on hover, focus or
    tap. ``described=False`` leaves the descriptions
    out, for headings (their text also becomes the table of contents). ``number_label``
    (``Reference {number}``) is each number link's accessible name.
    """
    lead = ""
    if group[0].item.mode == AUTHOR_IN_TEXT and group[0].reference is not None:
        lead = f'<span class="citation__author">{html.escape(group[0].author)}</span> '
    if len(group) == 1 and group[0].reference is not None and not _affixed(group[0]) and not lead:
        only = group[0]  # the usual [@key]: skip sorting and range compression
        link = _ref_link(only, described, number_label)
        return f'<span class="citation">[{link}]</span>'
    resolved = sorted((c for c in group if c.reference), key=lambda c: c.number)
    unresolved = [c for c in group if not c.reference]
    classes = "citation" if not unresolved else "citation citation--unresolved"
    if lead:
        classes += " citation--in-text"
    first = ""
    if lead:  # the named source's number comes first: "Palma et al. [5, p. 3; 2]"
        author = group[0]
        resolved = [c for c in resolved if c is not author]
        first = _item_html(author, described, unresolved_label, number_label)
    labels = (unresolved_label, number_label)
    body = _group_body(resolved, unresolved, described, labels, first, group)
    if lead:  # the bracketed numbers apart from the name (search indexes the name only)
        body = f'<span class="citation__group">{body}</span>'
    return f'<span class="{classes}">{lead}{body}</span>'


def _group_body(
    resolved: list[Cited],
    unresolved: list[Cited],
    described: bool,
    labels: tuple[str, str],
    leading: str,
    group: Sequence[Cited],
) -> str:
    """The bracketed numbers; ``leading`` (an author-in-text item's) comes first if given.
    ``labels``: the unresolved label and the number links' name."""
    number_label = labels[1]
    bare = [c for c in resolved if not _affixed(c)]
    by_number: dict[int, list[Cited]] = {}
    for cited in bare:
        by_number.setdefault(cited.number, []).append(cited)
    ordered: list[tuple[int, str]] = []
    for start, end in compress(by_number):
        first = by_number[start]
        middle = [c for n in range(start + 1, end) for c in by_number[n]]
        text = _ref_link(first[0], described, number_label, middle) + "".join(
            _anchor(c) for c in first[1:]
        )
        if end != start:
            last = by_number[end]
            text += (
                "".join(_anchor(c) for c in middle)
                + "\u2013"
                + _ref_link(last[0], described, number_label)
            )
            text += "".join(_anchor(c) for c in last[1:])
        ordered.append((start, text))
    for cited in resolved:
        if _affixed(cited):
            ordered.append((cited.number, _item_html(cited, described, *labels)))
    ordered.sort(key=lambda pair: pair[0])
    pieces = ([leading] if leading else []) + [text for _, text in ordered]
    pieces += [_item_html(c, described, *labels) for c in unresolved]
    # "[1–3, 5]", but "[1, p. 7; 2]" once an item has a locator or words of its own
    separator = "; " if len(pieces) > 1 and any(_affixed(c) for c in group) else ", "
    return f"[{separator.join(pieces)}]"


def load_template(path: Path) -> jinja2.Template:
    """The bibliography template (autoescaping on)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(path.parent)),
        autoescape=True,
        keep_trailing_newline=False,
    )
    return env.get_template(path.name)


#: Stands for an entry's number while its rendered ``<li>`` is cached.
_NUMBER_SLOT = "\ue002"
#: Stands for the items while the list's body is cached.
_ITEMS_SLOT = "\ue003"


class BibliographyRenderer:
    """Renders the list with the template's ``entry`` macro and its body.

    An entry's HTML depends on its key, page language and how often it is cited, not on its
    number, so each variant is rendered once and reused on every page (numbers are swapped in).
    The body depends only on the page language: it is rendered once per language around a
    stand-in for the items.
    """

    def __init__(self, template: jinja2.Template, labels: Labels) -> None:
        self.template = template
        # make_module renders the body once; give it harmless values
        module = template.make_module({"items": "", "labels": {}, "lang": ""})
        self.entry_macro = module.entry  # type: ignore[attr-defined]
        self.labels = labels
        self._items: dict[tuple[Reference, tuple[str, ...], str, bool], str] = {}
        self._bodies: dict[str, tuple[str, str]] = {}
        if _ITEMS_SLOT not in template.render(items=Markup(_ITEMS_SLOT), labels={}, lang=""):
            raise CitationError(
                f"{template.filename}: the bibliography template does not output {{{{ items }}}}"
            )

    def render(
        self, references: Sequence[tuple[int, Reference, Sequence[str]]], page_lang: str
    ) -> str:
        """Render ``(number, reference, cite ids)`` rows. An entry says its number
        (``value``) only where the list's own numbering (1, 2, 3...) would not give it."""
        words = self.labels.for_lang(page_lang)
        items = []
        for position, (number, reference, cite_ids) in enumerate(references, 1):
            numbered = number != position
            cache_key = (reference, tuple(cite_ids), page_lang, numbered)
            item = self._items.get(cache_key)
            if item is None:
                row = BibliographyRow(
                    _NUMBER_SLOT if numbered else "",
                    f"ref-{reference.key}",
                    reference_text_id(_NUMBER_SLOT),
                    reference.key,
                    reference.lang,
                    Markup(reference.html),  # already escaped by pybtex's HTML backend
                    [Backlink(f"#{cite_id}", _letter(i)) for i, cite_id in enumerate(cite_ids)],
                )
                item = self._items[cache_key] = str(self.entry_macro(row, words, page_lang))
            items.append(item.replace(_NUMBER_SLOT, str(number)))
        before, after = self._body(page_lang, words)
        return before + "".join(items) + after

    def _body(self, page_lang: str, words: Mapping[str, str]) -> tuple[str, str]:
        """The body's HTML before and after the items, for ``page_lang``."""
        body = self._bodies.get(page_lang)
        if body is None:
            html_text = self.template.render(
                items=Markup(_ITEMS_SLOT), labels=words, lang=page_lang
            )
            before, _, after = html_text.partition(_ITEMS_SLOT)
            body = self._bodies[page_lang] = (before, after)
        return body


def _letter(index: int) -> str:
    """a, b, ..., z, aa, ab, ..."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters
