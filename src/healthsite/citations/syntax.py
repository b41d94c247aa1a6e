"""Parse pandoc citations: ``[see @a, p. 5; -@b]``, ``@a``, ``@a [p. 33; @b]``, ``@{key}``.

The grammar is pandoc's (its MANUAL, "Citations"; its Markdown reader's ``cite``); locators
are split from suffixes as pandoc's citeproc does (``Text.Pandoc.Citeproc.Locator``). The
scanner works on raw Markdown and on Python-Markdown's inline text, where code spans, links,
escapes and raw HTML already stand as opaque ``\\x02…\\x03`` placeholders.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .locators import match_locator

#: How an item cites (pandoc's ``citationMode``).
NORMAL = "NormalCitation"
AUTHOR_IN_TEXT = "AuthorInText"
SUPPRESS_AUTHOR = "SuppressAuthor"

#: Punctuation allowed inside a key when a letter, digit or ``_`` follows.
_INTERNAL = frozenset(":.#$%&-+?<>~/")
_PLACEHOLDER_RE = re.compile("\x02[^\x02\x03]*\x03")
#: An HTML entity ending just before a ``;`` (``&nbsp;``): that ``;`` separates nothing.
_ENTITY_END_RE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6})$")
#: ``\\[`` as written (Markdown source) or as Python-Markdown stashes it before inline patterns.
_ESCAPED_BRACKETS = ("\\[", "\\[-", "\x0291\x03", "\x0291\x03-")
#: Where a scan may start: a bracket or an ``@``.
START_RE = re.compile(r"\[|@")


@dataclass(frozen=True)
class CitationItem:
    """One cited source: ``prefix @key locator suffix`` (suffix keeps its leading separator)."""

    key: str
    prefix: str = ""
    locator: str = ""
    suffix: str = ""
    mode: str = NORMAL
    #: The locator's term (``page``, ``chapter``, ``sub verbo``…), ``page`` when implicit.
    label: str = ""


@dataclass(frozen=True)
class Citation:
    """A citation found at ``text[start:end]``."""

    start: int
    end: int
    items: tuple[CitationItem, ...]


@dataclass(frozen=True)
class Problem:
    """Something that looks like a citation but is not one: ``message`` says how to fix it."""

    start: int
    end: int
    message: str


def _regchar(char: str) -> bool:
    return char.isalnum() or char == "_"


def _after_word(text: str, at: int) -> bool:
    """Pandoc's ``notAfterString``: an ``@`` right after a word is not a citation."""
    return at > 0 and _regchar(text[at - 1])


def parse_key(text: str, at: int) -> tuple[str, int] | None:
    """``(key, end)`` for the key whose ``@`` is at ``text[at]``, else ``None``."""
    pos = at + 1
    if pos < len(text) and text[pos] == "{":
        close = text.find("}", pos)
        inner = text[pos + 1 : close] if close > 0 else ""
        if not inner or "{" in inner or any(c.isspace() for c in inner):
            return None
        return inner, close + 1
    found = _KEY_RE.match(text, pos)
    if found is None:
        return None
    return found.group(), found.end()


def _find_key(text: str, start: int = 0) -> tuple[int, int, str, int] | None:
    """First ``(begin, end, key, suppress)`` of a ``@key`` or ``-@key`` in ``text[start:]``."""
    at = text.find("@", start)
    while at >= 0:
        if not _after_word(text, at):
            found = parse_key(text, at)
            if found is not None:
                dash = at > 0 and text[at - 1] == "-" and not _after_word(text, at - 1)
                return (at - 1 if dash else at), found[1], found[0], int(dash)
        at = text.find("@", at + 1)
    return None


def closing_bracket(text: str, start: int) -> int:
    """Index of the ``]`` closing the ``[`` at ``start``, or -1 (placeholders are opaque)."""
    depth, pos = 0, start
    while True:
        found = _CLOSING_RE.search(text, pos)
        if found is None:
            return -1
        char, pos = found.group(), found.start()
        if char == "\x02":
            end = text.find("\x03", pos)
            pos = end + 1 if end > 0 else pos + 1
            continue
        if char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
            if depth == 0:
                return pos
        else:
            return -1  # a blank line ends the paragraph
        pos += 1


#: What ``_closing`` looks at: a placeholder's start, a bracket, a blank line.
_CLOSING_RE = re.compile(r"\x02|\[|\]|\n(?=\n)")
#: A key after its ``@``: word characters (``str.isalnum`` or ``_``, as ``_regchar``), and
#: pandoc's internal punctuation when a word character follows, ``:`` or ``/`` before ``/``.
_KEY_RE = re.compile(r"\w(?:\w|[:.#$%&\-+?<>~/](?=\w)|[:/](?=/))*")


def _split_items(body: str) -> list[str]:
    """Split a group body on ``;`` outside brackets and placeholders."""
    parts, depth, begin, pos = [], 0, 0, 0
    while pos < len(body):
        char = body[pos]
        if char == "\x02":
            end = body.find("\x03", pos)
            pos = end + 1 if end > 0 else pos + 1
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
        elif char == ";" and depth <= 0 and not _ENTITY_END_RE.search(body, begin, pos):
            parts.append(body[begin:pos])
            begin = pos + 1
        pos += 1
    parts.append(body[begin:])
    return parts


def _short(text: str) -> str:
    text = " ".join(_PLACEHOLDER_RE.sub("…", text).split())
    return text if len(text) <= 40 else text[:39] + "…"


def _item(part: str, mode_if_plain: str = NORMAL) -> CitationItem | Problem | None:
    """One ``prefix @key suffix`` item; ``None`` if it has no key."""
    found = _find_key(part)
    if found is None:
        return None
    begin, end, key, suppress = found
    rest = part[end:]
    another = _find_key(rest)
    if another is not None:
        return Problem(
            0,
            len(part),
            f"two citations in one item '{_short(part)}' "
            f"(separate them with ';': '@{key}; @{another[2]}')",
        )
    locator, label, suffix = split_locator(rest)
    return CitationItem(
        key=key,
        prefix=" ".join(part[:begin].split()),
        locator=locator,
        suffix=suffix,
        mode=SUPPRESS_AUTHOR if suppress else mode_if_plain,
        label=label,
    )


def split_locator(rest: str) -> tuple[str, str, str]:
    """``(locator, label, suffix)`` of what follows a key, as pandoc's citeproc splits it.

    The suffix keeps a leading space or punctuation; one that would run into the locator
    starts with ``", "`` (citeproc's ``maybeAddComma``).
    """
    text = rest.rstrip()
    if not text.strip():
        return "", "", ""
    found = match_locator(text)
    if found is None:
        return "", "", _normalize_suffix(text)
    locator, label, end = found
    label = label if locator else ""
    suffix = text[end:]
    if suffix and not suffix[0].isspace() and not _is_punct(suffix[0]):
        suffix = ", " + suffix
    return locator, label, _normalize_suffix(suffix)


def _is_punct(char: str) -> bool:
    return not char.isalnum() and not char.isspace() and char != "\x02"


def _normalize_suffix(text: str) -> str:
    """One space for any leading white space; none at the end."""
    stripped = text.lstrip()
    if not stripped:
        return ""
    return (" " if stripped != text else "") + " ".join(stripped.split(" ")).rstrip()


def parse_group(body: str) -> list[CitationItem] | None:
    """Parse the text between a group's brackets; ``None`` if it is not a citation group."""
    items = []
    for part in _split_items(body):
        item = _item(part)
        if not isinstance(item, CitationItem):
            return None
        items.append(item)
    return items or None


def scan_at(text: str, pos: int) -> Citation | Problem | None:
    """The citation (or near miss) starting at ``text[pos]`` (a ``[`` or an ``@``)."""
    if text.startswith("[", pos):
        return _bracketed(text, pos)
    if text.startswith("@", pos):
        return _in_text(text, pos)
    return None


def _bracketed(text: str, pos: int) -> Citation | Problem | None:
    if text.startswith("[^", pos):
        return None  # a footnote reference
    close = closing_bracket(text, pos)
    if close < 0:
        end = text.find("\n\n", pos)
        end = len(text) if end < 0 else end
        inner = text[pos + 1 : end]
        found = _find_key(inner)
        if found is None or "[" in inner[: found[0]] or "]" in inner[: found[0]]:
            return None
        return Problem(
            pos,
            pos + 1 + found[1],
            f"citation group '[{_short(inner[: found[1]])}' is not closed "
            "(add ']' after it, or write '\\[' for a literal bracket)",
        )
    body = text[pos + 1 : close]
    if text.startswith(("(", "["), close + 1):
        return None  # a link: [text](url) or [text][ref]
    parsed = _group_body(body)
    if isinstance(parsed, str):
        return Problem(pos, close + 1, parsed)
    return None if parsed is None else Citation(pos, close + 1, parsed)


@functools.lru_cache(maxsize=16384)
def _group_body(body: str) -> tuple[CitationItem, ...] | str | None:
    """The items between a group's brackets, the message of a near miss, or ``None`` when
    the brackets hold no citation. Remembered: the translation check, the page's Markdown
    and the other language's page read the same groups (the result is immutable)."""
    items: list[CitationItem] = []
    for part in _split_items(body):
        item = _item(part)
        if isinstance(item, Problem):
            return item.message
        if item is None:
            if _find_key(body) is None:
                return None  # no citation in these brackets
            return (
                f"'{_short(part) or '(empty)'}' in citation group '[{_short(body)}]' "
                "has no @key (every item separated by ';' needs one)"
            )
        items.append(item)
    return tuple(items)


def _in_text(text: str, pos: int) -> Citation | None:
    """``@key``, optionally followed by ``[locator, suffix; @more]`` or ``[@more]``."""
    if _after_word(text, pos) or text.endswith(_ESCAPED_BRACKETS, 0, pos):
        return None  # name@example.com; \\[@key] is literal here (see CONTRIBUTING)
    found = parse_key(text, pos)
    if found is None:
        return None
    key, end = found
    first = CitationItem(key=key, mode=AUTHOR_IN_TEXT)
    bracket = re.compile(r"[ \t]*\n?[ \t]*\[").match(text, end)
    if bracket is None:
        return Citation(pos, end, (first,))
    opening = bracket.end() - 1
    close = closing_bracket(text, opening)
    if close < 0 or text.startswith("^", opening + 1) or text.startswith(("(", "["), close + 1):
        return Citation(pos, end, (first,))
    parts = _split_items(text[opening + 1 : close])
    items = [first]
    head = _item(parts[0])
    if head is None:  # [locator, suffix; @more]
        locator, label, suffix = split_locator(parts[0])
        items[0] = CitationItem(key, "", locator, suffix, AUTHOR_IN_TEXT, label)
    elif isinstance(head, CitationItem):
        items.append(head)
    else:
        return Citation(pos, end, (first,))
    for part in parts[1:]:
        item = _item(part)
        if not isinstance(item, CitationItem):
            return Citation(pos, end, (first,))
        items.append(item)
    return Citation(pos, close + 1, tuple(items))


def scan(text: str) -> list[Citation | Problem]:
    """Every citation and near miss in ``text``, in order (nested ones are not repeated)."""
    found: list[Citation | Problem] = []
    pos = 0
    for match in START_RE.finditer(text):
        if match.start() < pos:
            continue
        result = scan_at(text, match.start())
        if isinstance(result, Citation):
            found.append(result)
            pos = result.end
        elif isinstance(result, Problem):
            found.append(result)
    return found


def find_groups(text: str) -> list[tuple[int, list[CitationItem]]]:
    """``(offset, items)`` of every citation in plain text."""
    return [(c.start, list(c.items)) for c in scan(text) if isinstance(c, Citation)]
