"""Links in Markdown source and in built HTML: which URL schemes may ship, and where a link is.

Only `http`, `https` and `mailto` links (and relative ones) are allowed. `unsafe_links` reports
every other scheme (`javascript:`, `data:`, `vbscript:`, `file:`…) in a Markdown file at the
link's own line and column, for the build and `make check` alike; `neutralize` removes such
URLs from built HTML, so even a build that does not stop on warnings (`make preview`) never
ships a live one. `locate_link` finds the line of a link MkDocs reports by its target only,
and `locate_mkdocs_message` the line of the link one of MkDocs' own messages is about.
"""

from __future__ import annotations

import functools
import html
import logging
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from healthsite.citations.locate import line_col, mask_code

from .documents import FRONT_MATTER_RE
from .findings import Finding

SAFE_SCHEMES = frozenset({"http", "https", "mailto"})
#: Attributes whose value a browser follows or loads as a URL.
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "xlink:href",
        "poster",
        "background",
        "cite",
        "data",
        "longdesc",
        "ping",
        "srcset",
        "lowsrc",
        "dynsrc",
    }
)

#: A URL's scheme: a letter, then letters, digits, `+ . -`, then `:`.
SCHEME_RE = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
#: Characters browsers drop from a URL before reading its scheme (tab, line breaks).
URL_IGNORED_RE = re.compile(r"[\t\n\r]")

#: `[text](url` or `![alt](url`: the destination, with or without <angle brackets>.
INLINE_LINK_RE = re.compile(r"\]\([ \t]*<?(?P<url>(?:[^\s<>()]|\([^\s<>()]*\))*)")
#: `[label]: url` at the start of a line (a reference definition).
REFERENCE_RE = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*<?(?P<url>[^\s<>]+)", re.M)
#: A raw HTML start tag (quoted values may hold `>`).
TAG_RE = re.compile(r"<[A-Za-z][\w:-]*(?:\"[^\"]*\"|'[^']*'|[^'\">])*>")
#: One attribute with its value inside a start tag.
ATTRIBUTE_RE = re.compile(
    r"[\s\"'](?P<name>[\w:.-]+)\s*=\s*(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<uq>[^\s\"'>]+))"
)


#: MkDocs' own link messages: `Doc file 'x.en.md' contains a link 'y.md', but …` (also
#: `an absolute link`, `an unrecognized relative link`).
MKDOCS_LINK_MESSAGE_RE = re.compile(
    r"^Doc file '(?P<path>[^']+)' contains (?:a|an absolute|an unrecognized relative) "
    r"link '(?P<link>[^']*)'"
)
#: The fix printed with MkDocs' link messages, in the build and in `make check`.
MKDOCS_LINK_FIX = (
    "fix the link's target (a path relative to this file, ending in .md) or the heading its "
    "#anchor names"
)


@dataclass(frozen=True)
class Link:
    """A link target written in a Markdown file, at a 1-based line and column."""

    url: str
    line: int
    col: int


@functools.lru_cache(maxsize=8192)
def scheme(url: str) -> str | None:
    """The URL's scheme as a browser reads it (entities decoded, tabs dropped), lower-case
    (remembered: the same links, a bibliography's above all, come back on many pages)."""
    cleaned = URL_IGNORED_RE.sub("", html.unescape(url)).lstrip("\x00 \x0b\x0c")
    match = SCHEME_RE.match(cleaned)
    return match[1].lower() if match else None


def is_unsafe(url: str) -> bool:
    """True for a URL with a scheme other than http, https and mailto."""
    found = scheme(url)
    return found is not None and found not in SAFE_SCHEMES


def links(text: str) -> Iterator[Link]:
    """Every link and image target in Markdown `text` (a whole file, front matter included),
    outside code and comments: inline, reference definitions and raw HTML attributes."""
    masked = FRONT_MATTER_RE.sub(_blank, text, count=1)
    masked = mask_code(masked)
    found: list[tuple[int, str]] = []
    for pattern in (INLINE_LINK_RE, REFERENCE_RE):
        found += [(match.start("url"), match["url"]) for match in pattern.finditer(masked)]
    for tag in TAG_RE.finditer(masked):
        for attribute in ATTRIBUTE_RE.finditer(tag[0]):
            if attribute["name"].lower() in URL_ATTRIBUTES:
                group = next(g for g in ("dq", "sq", "uq") if attribute[g] is not None)
                found.append((tag.start() + attribute.start(group), attribute[group]))
    for offset, url in sorted(found):
        yield Link(url, *line_col(text, offset))


def unsafe_links(path: str, text: str) -> list[Finding]:
    """An error at each link or image in `text` whose scheme is not http, https or mailto."""
    return [
        Finding.error(
            path,
            link.line,
            link.col,
            f"link to a '{scheme(link.url)}:' URL is not allowed: '{_shorten(link.url)}'",
            "link only to http(s) pages, mailto: addresses or files of this site "
            "(the link is removed from the page)",
        )
        for link in links(text)
        if is_unsafe(link.url)
    ]


def locate_link(text: str, target: str) -> tuple[int, int] | None:
    """Line and column of the first link in `text` whose target is `target` (as MkDocs
    reports it), or None."""
    for link in links(text):
        if link.url == target or html.unescape(link.url) == target:
            return link.line, link.col
    return None


def locate_mkdocs_message(message: str, read: Callable[[str], str]) -> tuple[str, int, int] | None:
    """`(page, line, col)` of the link MkDocs' `message` is about (`page` as MkDocs names it,
    relative to docs_dir; `read(page)` gives its text), or None for another message or a
    link not found in the text (1:1 is not a location)."""
    match = MKDOCS_LINK_MESSAGE_RE.match(message)
    if match is None:
        return None
    try:
        text = read(match["path"])
    except (OSError, UnicodeDecodeError):
        return None
    found = locate_link(text, match["link"])
    return (match["path"], *found) if found else None


class LocatedLinkMessages(logging.Filter):
    """A logging filter that puts the link's `path:line:col:` in front of MkDocs' own link
    warnings, and the fix after them; other records pass unchanged."""

    def __init__(self) -> None:
        super().__init__()
        self.docs = Path("docs")  # the docs folder the messages' pages are in
        self.shown = "docs"  # that folder as messages show it

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        found = locate_mkdocs_message(
            message, lambda page: (self.docs / page).read_text(encoding="utf-8-sig")
        )
        if found is not None:
            page, line, col = found
            record.msg = (
                f"{self.shown}/{page}:{line}:{col}: {message.rstrip('.')}; {MKDOCS_LINK_FIX}"
            )
            record.args = ()
        return True


def neutralize(page_html: str) -> tuple[str, list[str]]:
    """`page_html` without URL attributes whose scheme is unsafe; also the URLs removed."""
    if not _has_unsafe_url(page_html):
        return page_html, []  # the usual page: no parse needed
    parser = _UnsafeTags()
    parser.feed(page_html)
    parser.close()
    starts = [0] + [match.end() for match in re.finditer("\n", page_html)]
    pieces, position, removed = [], 0, []
    for line, col, original, rebuilt, urls in parser.found:
        offset = starts[line - 1] + col
        if page_html.startswith(original, offset) and offset >= position:
            pieces += [page_html[position:offset], rebuilt]
            position = offset + len(original)
            removed += urls
    pieces.append(page_html[position:])
    return "".join(pieces), removed


def _has_unsafe_url(page_html: str) -> bool:
    """True if a start tag in `page_html` has a URL attribute with an unsafe scheme.

    A value with neither ``:`` nor ``&`` has no scheme (a reference could spell the colon), so
    only the tags holding one of them are read attribute by attribute.
    """
    return any(
        attribute["name"].lower() in URL_ATTRIBUTES
        and is_unsafe(next(v for v in attribute.group("dq", "sq", "uq") if v is not None))
        for tag in TAG_RE.finditer(page_html)
        if ":" in tag[0] or "&" in tag[0]
        for attribute in ATTRIBUTE_RE.finditer(tag[0])
    )


class _UnsafeTags(HTMLParser):
    """Collects start tags that carry an unsafe URL, each with a safe rebuilt copy."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, int, str, str, list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs, closed=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs, closed=True)

    def _check(self, tag: str, attrs: list[tuple[str, str | None]], *, closed: bool) -> None:
        bad = [
            value
            for name, value in attrs
            if name in URL_ATTRIBUTES and value is not None and is_unsafe(value)
        ]
        original = self.get_starttag_text()
        if not bad or original is None:
            return
        kept = "".join(
            f" {name}" if value is None else f' {name}="{html.escape(value)}"'
            for name, value in attrs
            if not (name in URL_ATTRIBUTES and value is not None and is_unsafe(value))
        )
        line, col = self.getpos()
        self.found.append((line, col, original, f"<{tag}{kept}{' /' if closed else ''}>", bad))


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match[0])


def _shorten(url: str, limit: int = 40) -> str:
    return url if len(url) <= limit else url[: limit - 1] + "…"
