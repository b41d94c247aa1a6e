"""Remember a page's rendered citations, so an unchanged page is not rendered again.

A page's citation HTML (every group and the bibliography) depends only on its citation
groups in reading order (keys, modes, affixes, whether in a heading), its ``nocite`` keys,
the page language, the cited
entries' source text, the labels, the bibliography template and this library's code (the
store's version). A digest of all that is the page's key in the store; a page citing an
unknown key, or an entry that could not be given a digest, is never remembered, so its
messages are produced on every build.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .bibliography import Bibliography
from .store import text_digest
from .syntax import NORMAL, CitationItem


class Group(NamedTuple):
    """One citation group of a page, in reading order."""

    index: int
    items: list[CitationItem]
    in_heading: bool


class RenderedPage(NamedTuple):
    """What rendering a page's citations produced."""

    groups: list[str]
    bibliography: str | None
    #: Cited keys in number order.
    keys: list[str]


def page_key(
    groups: Sequence[Group],
    lang: str,
    fingerprint: str,
    bibliography: Bibliography,
    nocite: Sequence[str] = (),
) -> str | None:
    """The page's digest, or ``None`` if the page must be rendered (and checked) every time.

    Group HTML holds stand-ins for affixes (rendered per page), so affixes are part of the
    key as written."""
    parts = [lang, fingerprint]
    for group in groups:
        parts.append("h" if group.in_heading else "t")
        for item in group.items:
            entry = bibliography.get(item.key)
            if entry is None or not entry.digest:
                return None
            if item.prefix or item.locator or item.suffix or item.mode != NORMAL:
                parts.append(
                    "\x1f".join((item.key, item.mode, item.prefix, item.locator, item.suffix))
                )
            else:
                parts.append(item.key)
            parts.append(entry.digest)
    for key in nocite:
        entry = bibliography.get(key)
        if entry is None or not entry.digest:
            return None
        parts += ["n", key, entry.digest]
    return text_digest(*parts)


def to_record(page: RenderedPage) -> list[object]:
    """JSON-friendly form of a rendered page."""
    return [page.groups, page.bibliography, page.keys]


def from_record(record: object, group_count: int) -> RenderedPage | None:
    """A rendered page from the store, or ``None`` if the record does not fit the page."""
    if not isinstance(record, list) or len(record) != 3:
        return None
    groups, bibliography, keys = record
    if not isinstance(groups, list) or len(groups) != group_count:
        return None
    return RenderedPage(groups, bibliography, keys)
