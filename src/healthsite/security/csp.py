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
import dataclasses
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


def scan(page_html: str, *, attributes: bool = True) -> PageScan:
    """Find where the policy goes and every inline script, style and blocked attribute.

    A fast scan (:func:`_fast_scan`: regular expressions that tokenise exactly as the standard
    library's ``HTMLParser`` does, which it is tested against) reads pages made of ordinary
    markup; anything it does not model (an unterminated tag or comment, ``<![CDATA[``, a bare
    ``&#``) goes to ``HTMLParser`` itself. ``attributes=False`` skips looking for blocked
    attributes (``blocked`` is then empty) when the caller takes them from another scan.
    """
    found = _fast_scan(page_html, attributes)
    return found if found is not None else reference_scan(page_html, attributes=attributes)


def reference_scan(page_html: str, *, attributes: bool = True) -> PageScan:
    """:func:`scan` done by the standard library's ``HTMLParser`` (slower; the reference)."""
    scanner = _Scanner(page_html)
    scanner.feed(page_html)
    scanner.close()
    found = scanner.result()
    return found if attributes else dataclasses.replace(found, blocked=())


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
    found = scan(page_html, attributes=not content_html)
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
        self._blocked += _blocked_attributes(tag, attrs, self.getpos()[0])

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


def _blocked_attributes(tag: str, attrs: list[tuple[str, str | None]], line: int) -> list[Blocked]:
    """The attributes of one start tag that the policy blocks."""
    found = []
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
            found.append(Blocked(line, tag, name, text, reason, fix))
    return found


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


# The fast scan. Its expressions are the standard library's (``html.parser``, Python 3.11), so
# it splits a page into tags, comments, text and script/style text exactly as ``_Scanner``
# does; every construct whose handling in ``HTMLParser`` depends on more than these (end of
# input inside a tag, comment or character reference, ``<![``, a tag ending in a stray ``/``)
# makes it give up, and the caller falls back to ``HTMLParser``.

#: Where the next markup can start in text: ``<`` and a letter, ``/``, ``!`` or ``?``.
_MARKUP_RE = re.compile(r"<[a-zA-Z/!?]")
#: A start tag's name, then the rest of ``html.parser.locatestarttagend_tolerant``.
_TAG_NAME = r"[a-zA-Z][^\t\n\r\f />\x00]*"
_TAG_REST = (
    r"""(?:[\s/]*(?:(?<=['"\s/])[^\s/>][^\s/=>]*"""  # attribute name
    r"""(?:\s*=+\s*(?:'[^']*'|"[^"]*"|(?!['"])[^>\s]*)\s*)?"""  # value
    r"""(?:\s|/(?!>))*)*)?\s*"""  # separators, trailing whitespace
)
#: A whole start tag: the locating expression taken as a whole (atomic, like its one
#: ``match`` call), then ``>`` or ``/>`` (what HTMLParser checks next).
_START_TAG_RE = re.compile(rf"(?><(?P<name>{_TAG_NAME}){_TAG_REST})(?P<close>/?>)?")
#: ``html.parser``'s attribute reader (``attrfind_tolerant``) and tag-name reader.
_ATTRIBUTE_RE = re.compile(
    r"""((?<=['"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*"""
    r"""('[^']*'|"[^"]*"|(?!['"])[^>\s]*))?(?:\s|/(?!>))*"""
)
_TAG_NAME_RE = re.compile(r"([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*")
#: A comment as ``_markupbase.parse_comment`` ends it; a doctype; a processing instruction;
#: an end tag or bogus comment (both end at the first ``>``, or ``</>``).
_COMMENT_RE = re.compile(r"<!--.*?--\s*>", re.DOTALL)
_DOCTYPE_RE = re.compile(r"<![dD][oO][cC][tT][yY][pP][eE][^>]*>")
_TO_GREATER_RE = re.compile(r"<[/!?][^>]*>")
#: The end of a script's or style's text (``HTMLParser.set_cdata_mode``).
_CDATA_END_RE = {
    name: re.compile(rf"</\s*{name}\s*>", re.IGNORECASE) for name in ("script", "style")
}
#: Character references ``HTMLParser`` (``convert_charrefs=False``) handles by waiting for more
#: input, which changes where the rest of the page is read: ``&#`` without a number, or a
#: reference cut off by the end of the page.
_AWKWARD_REFERENCE_RE = re.compile(
    r"&#(?![0-9]|[xX][0-9a-fA-F])|&[a-zA-Z#][-.a-zA-Z0-9]*\Z|<\Z|&\Z"
)
#: Its first branch alone (found anywhere), and the rest (only at the end of the page).
_BARE_NUMBER_SIGN_RE = re.compile(r"&#(?![0-9]|[xX][0-9a-fA-F])")
_CUT_REFERENCE_RE = re.compile(r"&[a-zA-Z#][-.a-zA-Z0-9]*\Z|&\Z")


def _awkward_reference(text: str) -> bool:
    """``_AWKWARD_REFERENCE_RE.search(text)``, without trying the end-of-page branches at
    every ``&`` and ``<`` of the page: a reference cut off by the end starts at the last
    ``&`` (the characters it may contain include no ``&``)."""
    if _BARE_NUMBER_SIGN_RE.search(text) or text.endswith("<"):
        return True
    last = text.rfind("&")
    return last >= 0 and _CUT_REFERENCE_RE.match(text, last) is not None


#: A start tag that may carry a blocked attribute: a name starting with "on" or "style", or a
#: value that may be (or, through a character reference, hide) a javascript: or //host URL.
_MAYBE_BLOCKED_RE = re.compile(
    r"""[\s"'/](?:[oO][nN]|[sS][tT][yY][lL][eE])|&|//"""
    r"|[jJ][\t\n\r]*[aA][\t\n\r]*[vV][\t\n\r]*[aA][\t\n\r]*[sS]"
)
#: Start tags whose attributes the policy's placement depends on.
_PLACEMENT_TAGS = frozenset({"html", "head", "meta", "script", "style", "link"})
_NOT_PLACEMENT = r"(?!(?i:html|head|meta|script|style|link)(?:[\t\n\r\f />\x00]|\Z))"
#: What the scan can step over without looking: text, comments, end tags, doctypes, and
#: start tags of other elements (``_SKIP_PAGE_RE``), or (``_SKIP_RE``, when blocked attributes
#: are looked for) only those whose attributes cannot be blocked: no name starting with "on"
#: or "style", and quoted values without ``&``, ``/`` or ``:``. What it stops at is read
#: token by token.
_SKIP_COMMON = r"""[^<]++|<!--.*?--\s*>|<(?:/|!(?![-\[])|\?)[^>]*>|<(?![a-zA-Z/!?])"""
_SKIP_PAGE_RE = re.compile(
    rf"(?:{_SKIP_COMMON}|(?><{_NOT_PLACEMENT}{_TAG_NAME}{_TAG_REST})/?>)*+",
    re.DOTALL,
)
_SKIP_RE = re.compile(
    rf"(?:{_SKIP_COMMON}|<{_NOT_PLACEMENT}[a-zA-Z]"
    r"""(?:[^<>"'&/=:\x00\s]|\s(?![oO][nN]|[sS][tT][yY][lL][eE])"""
    r"""|=\s*"[^"<>&/:]*"(?=[\s>])|=\s*'[^'<>&/:]*'(?=[\s>]))*>)*+""",
    re.DOTALL,
)


def _fast_scan(text: str, attributes: bool) -> PageScan | None:
    """:func:`scan` without ``HTMLParser``; ``None`` when the page needs it."""
    if _awkward_reference(text):
        return None
    head_end = html_end = charset_end = first_resource = None
    elements_in_head = 0
    existing: list[tuple[int, int]] = []
    scripts: list[str] = []
    script_lines: list[int] = []
    styles: list[str] = []
    blocked: list[Blocked] = []
    position = 0
    # Line numbers: line breaks before `counted_to` (tags are read in page order, so each
    # stretch of the page is counted once).
    counted_to = breaks = 0
    skip = (_SKIP_RE if attributes else _SKIP_PAGE_RE).match
    while True:
        if head_end is None or elements_in_head:  # never skip the first tag in <head>
            position = skip(text, position).end()
        found = _MARKUP_RE.search(text, position)
        if found is None:
            break
        start = found.start()
        kind = text[start + 1]
        if kind.isalpha():
            tag = _START_TAG_RE.match(text, start)
            if tag is None or tag["close"] is None:
                return None
            end = tag.end()
            name = tag["name"].lower()
            # the same branches as _Scanner.handle_starttag
            counted = head_end is not None and not (
                (name == "html" and html_end is None) or name == "head"
            )
            elements_in_head += counted
            maybe_blocked = attributes and _MAYBE_BLOCKED_RE.search(text, start, end)
            if name in _PLACEMENT_TAGS or maybe_blocked or (counted and elements_in_head == 1):
                attrs = _attributes(text, start, end)
                if attrs is None:
                    return None
                values = {key: value or "" for key, value in attrs}
                if name == "html" and html_end is None:
                    html_end = end
                elif name == "head" and head_end is None:
                    head_end = end
                elif counted and name == "meta" and elements_in_head == 1 and "charset" in values:
                    charset_end = end
                if name == "meta" and values.get("http-equiv", "").strip().lower() == META_NAME:
                    existing.append((start, end))
                if name in {"script", "style", "link"} and first_resource is None:
                    first_resource = start
                if maybe_blocked:
                    breaks, counted_to = breaks + text.count("\n", counted_to, start), start
                    blocked += _blocked_attributes(name, attrs, breaks + 1)
                if name in {"script", "style"}:
                    if tag["close"] == "/>":
                        return None  # HTMLParser's <script/> handling: leave it to HTMLParser
                    closing = _CDATA_END_RE[name].search(text, end)
                    if closing is None:
                        return None
                    if name == "style":
                        styles.append(text[end : closing.start()])
                    elif "src" not in values and _executable(values.get("type")):
                        scripts.append(text[end : closing.start()])
                        breaks, counted_to = breaks + text.count("\n", counted_to, start), start
                        script_lines.append(breaks + 1)
                    position = closing.end()
                    continue
            position = end
            continue
        if text.startswith("<!--", start):
            token = _COMMENT_RE.match(text, start)
        elif text.startswith("<![", start):
            return None
        elif kind == "!" and text[start : start + 9].lower() == "<!doctype":
            token = _DOCTYPE_RE.match(text, start)
        else:
            token = _TO_GREATER_RE.match(text, start)
        if token is None:
            return None
        position = token.end()
    insert_at = charset_end or head_end
    if insert_at is None:
        insert_at = html_end if html_end is not None else _after_doctype(text)
    if first_resource is not None and first_resource < insert_at:
        insert_at = first_resource
    return PageScan(
        insert_at=insert_at,
        existing=tuple(existing),
        scripts=tuple(scripts),
        styles=tuple(styles),
        blocked=tuple(blocked),
        script_items=tuple(
            Blocked(line, "script", "", script.strip(), *BLOCKED_MESSAGES["script"])
            for line, script in zip(script_lines, scripts, strict=True)
        ),
    )


def _attributes(text: str, start: int, end: int) -> list[tuple[str, str | None]] | None:
    """A start tag's attributes as ``HTMLParser.parse_starttag`` reads them (``None`` when it
    would not read the tag as a tag)."""
    name = _TAG_NAME_RE.match(text, start + 1)
    if name is None:
        return None
    attrs: list[tuple[str, str | None]] = []
    position = name.end()
    while position < end:
        found = _ATTRIBUTE_RE.match(text, position)
        if found is None:
            break
        attribute, rest, value = found.group(1, 2, 3)
        if not rest:
            value = None
        elif value[:1] == "'" == value[-1:] or value[:1] == '"' == value[-1:]:
            value = value[1:-1]
        if value:
            value = html.unescape(value)
        attrs.append((attribute.lower(), value))
        position = found.end()
    if text[position:end].strip() not in (">", "/>"):
        return None
    return attrs
