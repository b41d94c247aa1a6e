"""Build a page's Content Security Policy from its own HTML and write it into the page's head.

Plain Python, no MkDocs: `secure_page(html)` finds the page's inline scripts and ``<style>``
elements with the standard library's HTML parser, hashes them, builds the policy and inserts it
as ``<meta http-equiv="Content-Security-Policy">`` before any script; it returns the new HTML,
the policy, and the inline content the policy will block (event-handler and ``style``
attributes, ``javascript:`` links, resources from other hosts), for the caller to report.

The policy is computed from the page as rendered, so a theme upgrade that changes its inline
scripts changes the hashes with it. GitHub Pages cannot send headers, hence the ``<meta>``;
directives a ``<meta>`` cannot carry (``frame-ancestors``, ``report-uri``, ``sandbox``) are left
out, since Chromium logs an error for each.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

#: The policy, directive by directive, before the per-page hashes are added.
DIRECTIVES: tuple[tuple[str, tuple[str, ...]], ...] = (
    # Anything not named below (frames, media, manifests) only from the site's own origin.
    ("default-src", ("'self'",)),
    # Scripts: the site's own files (Material's bundle, search.js, citations.js, Pagefind), plus
    # one 'sha256-…' per inline script of the page, appended per page. 'wasm-unsafe-eval' lets
    # Pagefind compile its WebAssembly search engine in the page, which it does when it cannot
    # start its worker (in the worker the page's policy does not apply); it allows no
    # JavaScript eval(). Never 'unsafe-inline' or 'unsafe-eval' (only under `mkdocs serve`,
    # for its livereload script: see SERVE_SCRIPT_SOURCES).
    ("script-src", ("'self'", "'wasm-unsafe-eval'")),
    # Stylesheets: the site's own files. Material 9.8.1 writes no style attribute and no <style>
    # element, and its scripts set styles through the CSSOM (element.style.x = …), which CSP
    # does not restrict, so no 'unsafe-inline'. A <style> element gets a hash like a script.
    ("style-src", ("'self'",)),
    # Images: the site's own, and data: URIs, which Material's stylesheet uses for every icon
    # it draws with CSS (admonitions, details, lists: `mask-image: url("data:image/svg+xml,…")`).
    ("img-src", ("'self'", "data:")),
    # Fonts: the site's own only (theme.font is false: system fonts, no Google Fonts).
    ("font-src", ("'self'",)),
    # fetch/XHR: Pagefind's index and fragments, Material's sitemap.xml for the language switch.
    ("connect-src", ("'self'",)),
    # Web workers: Pagefind runs its search in pagefind/pagefind-worker.js.
    ("worker-src", ("'self'",)),
    # No plugins (<object>, <embed>): nothing on the site needs them.
    ("object-src", ("'none'",)),
    # An injected <base href> cannot send the site's relative links and scripts elsewhere.
    ("base-uri", ("'self'",)),
    # Forms submit only to the site itself (the search form never leaves the page).
    ("form-action", ("'self'",)),
)

#: The directives that take the hashes of a page's inline scripts and <style> elements.
SCRIPT_DIRECTIVE = "script-src"
STYLE_DIRECTIVE = "style-src"

#: What `mkdocs serve` adds to script-src: its livereload script differs on every request, so it
#: cannot be hashed, and a hash in the list would make browsers ignore 'unsafe-inline'.
SERVE_SCRIPT_SOURCES = ("'unsafe-inline'",)

#: `type` values (lower-cased, parameters dropped) of scripts the browser runs, or that CSP
#: guards like scripts (import maps, speculation rules). Any other type is a data block
#: (application/json, application/ld+json), never executed, and needs no hash.
EXECUTABLE_TYPES = frozenset(
    {
        "",
        "module",
        "importmap",
        "speculationrules",
        "application/ecmascript",
        "application/javascript",
        "application/x-ecmascript",
        "application/x-javascript",
        "text/ecmascript",
        "text/javascript",
        "text/javascript1.0",
        "text/javascript1.1",
        "text/javascript1.2",
        "text/javascript1.3",
        "text/javascript1.4",
        "text/javascript1.5",
        "text/jscript",
        "text/livescript",
        "text/x-ecmascript",
        "text/x-javascript",
    }
)

#: Attributes holding a URL that a `javascript:` scheme would turn into script.
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href"})

#: Elements whose `src` the browser loads as part of the page.
LOADING_ELEMENTS = frozenset(
    {"img", "script", "iframe", "audio", "video", "source", "track", "embed", "input"}
)

#: A URL that leaves the site: a scheme with an authority, or protocol-relative.
OTHER_HOST_RE = re.compile(
    r"^\s*(?:[a-z][a-z0-9+.-]*:)?//",  # optional scheme, then "//" and a host
    re.IGNORECASE,
)

#: The `javascript:` scheme, as browsers read it (leading spaces and control characters and
#: tabs/newlines anywhere in the scheme are ignored).
JAVASCRIPT_URL_RE = re.compile(
    r"^[\x00-\x20]*"  # leading spaces and control characters
    r"j[\t\n\r]*a[\t\n\r]*v[\t\n\r]*a[\t\n\r]*s[\t\n\r]*c[\t\n\r]*r[\t\n\r]*i[\t\n\r]*p[\t\n\r]*t"
    r"[\t\n\r]*:",  # the scheme's colon
    re.IGNORECASE,
)

#: A doctype at the start of a document, with any whitespace or comments before it.
DOCTYPE_RE = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*"  # whitespace and comments before it
    r"<!doctype[^>]*>",  # the doctype itself
    re.IGNORECASE | re.DOTALL,
)

META_NAME = "content-security-policy"


class CspError(ValueError):
    """The page cannot be given a policy (it has no place for one)."""


@dataclass(frozen=True)
class Blocked:
    """Inline content of the page that the policy blocks, at `line` of the HTML."""

    line: int
    tag: str
    attribute: str
    value: str
    #: What it is and that the policy blocks it.
    reason: str
    #: How to do the same thing within the policy.
    fix: str


@dataclass(frozen=True)
class PageScan:
    """What `scan` found in a page."""

    #: Offset where the policy's <meta> goes: before any script, as early in <head> as possible.
    insert_at: int
    #: (start, end) offsets of <meta http-equiv="Content-Security-Policy"> tags already there.
    existing: tuple[tuple[int, int], ...]
    #: Text of each inline script the browser runs, in page order.
    scripts: tuple[str, ...]
    #: Text of each <style> element, in page order.
    styles: tuple[str, ...]
    #: Event-handler and style attributes, javascript: links, files from other hosts.
    blocked: tuple[Blocked, ...]
    #: Each inline script as blocked content (it is, when it comes from a page's Markdown).
    script_items: tuple[Blocked, ...] = ()


@dataclass(frozen=True)
class SecuredPage:
    """A page with its policy written in, and what the policy blocks on it."""

    html: str
    policy: str
    blocked: tuple[Blocked, ...]


def source_hash(text: str) -> str:
    """The CSP source expression (``'sha256-…'``) allowing an inline script or style with this
    text. Line breaks are normalised first, as the browser's parser does before hashing."""
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    digest = hashlib.sha256(normalised.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def build_policy(
    *,
    script_hashes: tuple[str, ...] | list[str] = (),
    style_hashes: tuple[str, ...] | list[str] = (),
    allow_inline_scripts: bool = False,
) -> str:
    """The policy text: `DIRECTIVES` with the hashes appended to script-src and style-src.

    ``allow_inline_scripts`` is for `mkdocs serve` only: script-src then allows every inline
    script ('unsafe-inline') and carries no hash, since one hash would switch 'unsafe-inline' off.
    """
    extra = {
        SCRIPT_DIRECTIVE: SERVE_SCRIPT_SOURCES if allow_inline_scripts else script_hashes,
        STYLE_DIRECTIVE: style_hashes,
    }
    parts = []
    for name, sources in DIRECTIVES:
        listed = list(dict.fromkeys([*sources, *extra.get(name, ())]))
        parts.append(" ".join([name, *listed]))
    return "; ".join(parts)


def meta_tag(policy: str) -> str:
    """The ``<meta>`` element carrying `policy` (escaped for a double-quoted attribute)."""
    content = html.escape(policy, quote=False).replace('"', "&quot;")
    return f'<meta http-equiv="Content-Security-Policy" content="{content}">'


def scan(page_html: str) -> PageScan:
    """Find where the policy goes and every inline script, style and blocked attribute."""
    scanner = _Scanner(page_html)
    scanner.feed(page_html)
    scanner.close()
    return scanner.result()


def secure_page(
    page_html: str, *, content_html: str = "", allow_inline_scripts: bool = False
) -> SecuredPage:
    """`page_html` with its policy as the first element it can be in <head>.

    ``content_html`` is the part of the page made from its Markdown (MkDocs' ``page.content``):
    an inline script there is never hashed, so it is blocked like one injected after the build
    (an escaping bug in content cannot allow itself), and it is reported with the rest of the
    blocked content found there. A policy <meta> already in the page is replaced, so securing a
    page twice gives the same page as securing it once.
    """
    found = scan(page_html)
    content = scan(content_html) if content_html else None
    untrusted = set(content.scripts) if content else set()
    policy = build_policy(
        script_hashes=[source_hash(text) for text in found.scripts if text not in untrusted],
        style_hashes=[source_hash(text) for text in found.styles],
        allow_inline_scripts=allow_inline_scripts,
    )
    pieces: list[str] = []
    position = 0
    inserted = False
    for start, end in (*found.existing, (len(page_html), len(page_html))):
        if not inserted and found.insert_at <= start:
            pieces += [page_html[position : found.insert_at], meta_tag(policy)]
            position, inserted = found.insert_at, True
        pieces.append(page_html[position:start])
        position = end
    pieces.append(page_html[position:])
    blocked = (*content.blocked, *content.script_items) if content else found.blocked
    return SecuredPage("".join(pieces), policy, tuple(sorted(blocked, key=lambda b: b.line)))


def page_policy(page_html: str) -> str | None:
    """The policy of the first CSP <meta> in the page, or None (for checks and tests)."""
    found = scan(page_html)
    if not found.existing:
        return None
    start, end = found.existing[0]
    reader = _MetaReader()
    reader.feed(page_html[start:end])
    return reader.content


def blocked_description(item: Blocked) -> str:
    """One line: what is blocked and why, and how to fix it."""
    shown = item.value if len(item.value) <= 60 else item.value[:57] + "..."
    element = (
        f'<{item.tag} {item.attribute}="{shown}">' if item.attribute else f"<{item.tag}>{shown}"
    )
    return f"{element} is {item.reason}; {item.fix}"


class _Scanner(HTMLParser):
    """Records offsets, inline scripts/styles and blocked attributes of one page."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self._line_starts = [0] + [match.end() for match in re.finditer(r"\n", text)]
        self._head_end: int | None = None  # end of the <head> start tag
        self._html_end: int | None = None  # end of the <html> start tag
        self._charset_end: int | None = None  # end of <meta charset> when first in <head>
        self._elements_in_head = 0
        self._first_resource: int | None = None
        self._existing: list[tuple[int, int]] = []
        self._scripts: list[str] = []
        self._script_lines: list[int] = []
        self._styles: list[str] = []
        self._blocked: list[Blocked] = []
        self._collecting: str | None = None  # "script" or "style" while inside one
        self._chunks: list[str] = []
        self._text = text

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        end = start + len(raw)
        values = {name: value or "" for name, value in attrs}
        if tag == "html" and self._html_end is None:
            self._html_end = end
        elif tag == "head" and self._head_end is None:
            self._head_end = end
        elif self._head_end is not None:
            self._elements_in_head += 1
            if tag == "meta" and "charset" in values and self._elements_in_head == 1:
                self._charset_end = end
        if tag == "meta" and values.get("http-equiv", "").strip().lower() == META_NAME:
            self._existing.append((start, end))
        if tag in {"script", "style", "link"} and self._first_resource is None:
            self._first_resource = start
        if tag == "script" and "src" not in values and _executable(values.get("type")):
            self._collecting, self._chunks = "script", []
            self._script_lines.append(self.getpos()[0])
        elif tag == "style":
            self._collecting, self._chunks = "style", []
        self._check_attributes(tag, attrs)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag in {"script", "style"}:
            self._collecting = None

    def handle_data(self, data: str) -> None:
        if self._collecting:
            self._chunks.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == self._collecting:
            target = self._scripts if tag == "script" else self._styles
            target.append("".join(self._chunks))
            self._collecting = None

    def _check_attributes(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            text = value or ""
            kind = None
            if name.startswith("on"):
                kind = "handler"
            elif name == "style":
                kind = "style"
            elif name in URL_ATTRIBUTES and JAVASCRIPT_URL_RE.match(text):
                kind = "javascript-url"
            elif name == "src" and tag in LOADING_ELEMENTS and OTHER_HOST_RE.match(text):
                kind = "other-host"
            if kind:
                reason, fix = BLOCKED_MESSAGES[kind]
                self._blocked.append(Blocked(line, tag, name, text, reason, fix))

    def result(self) -> PageScan:
        if self._head_end is not None:
            insert_at = self._charset_end or self._head_end
        elif self._html_end is not None:
            insert_at = self._html_end
        else:
            insert_at = _after_doctype(self._text)
        if self._first_resource is not None and self._first_resource < insert_at:
            insert_at = self._first_resource
        return PageScan(
            insert_at=insert_at,
            existing=tuple(self._existing),
            scripts=tuple(self._scripts),
            styles=tuple(self._styles),
            blocked=tuple(self._blocked),
            script_items=tuple(
                Blocked(line, "script", "", text.strip(), *BLOCKED_MESSAGES["script"])
                for line, text in zip(self._script_lines, self._scripts, strict=True)
            ),
        )


class _MetaReader(HTMLParser):
    """Reads the `content` of one <meta> tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.content: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta" and self.content is None:
            self.content = dict(attrs).get("content") or ""


def _executable(script_type: str | None) -> bool:
    """Whether a script with this `type` attribute runs (or is guarded by CSP like one)."""
    if script_type is None:
        return True
    essence = script_type.split(";", 1)[0].strip().lower()
    return essence in EXECUTABLE_TYPES


def _after_doctype(text: str) -> int:
    """Offset just after the doctype, or 0 (a page with neither <html> nor <head> tags)."""
    match = DOCTYPE_RE.match(text)
    return match.end() if match else 0


#: Blocked inline content, by kind: (what it is, how to fix it).
BLOCKED_MESSAGES = {
    "script": (
        "an inline script in the page's content, which the Content Security Policy blocks",
        "move the code into a script under overrides/assets/javascripts/ (listed in "
        "extra_javascript); if this text was meant to be shown, it was not escaped",
    ),
    "handler": (
        "an inline event handler, which the Content Security Policy blocks",
        "move the code into a script under overrides/assets/javascripts/ (listed in "
        "extra_javascript) and attach it with addEventListener",
    ),
    "style": (
        "an inline style, which the Content Security Policy blocks",
        "give the element a class and style it in overrides/assets/stylesheets/site.css",
    ),
    "javascript-url": (
        "a javascript: link, which the Content Security Policy blocks",
        "link to a page, or use a button handled by a script file",
    ),
    "other-host": (
        "loaded from another host, which the Content Security Policy blocks",
        "save the file under docs/ and refer to it with a relative link",
    ),
}
