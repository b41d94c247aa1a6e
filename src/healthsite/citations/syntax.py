"""Parse pandoc citation groups such as ``[see @a, p. 5; @b]``."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: A citation key: letters, digits and ``_ - : . /``; punctuation only inside the key.
KEY_PATTERN = r"\w(?:[\w:./-]*\w)?"

#: A bracketed group that contains at least one ``@key`` and is not a link (``[@x](url)``,
#: ``[@x][ref]``). A colon may follow (``… say [@a; @b]:``): link reference definitions
#: (``[@x]: url`` on a line of its own) are taken by Markdown's block parser first.
GROUP_RE = re.compile(
    r"\[(?P<body>[^\[\]]*?(?<![\w@.])@" + KEY_PATTERN + r"[^\[\]]*)\]"  # [..@key..]
    r"(?![(\[])"  # not followed by a link target
)

_ITEM_RE = re.compile(
    r"^(?P<prefix>|.*?[\s(\u3000])@(?P<key>" + KEY_PATTERN + r")(?P<rest>.*)$", re.S
)
_ANOTHER_KEY_RE = re.compile(r"(?:^|[\s(])@\w")

_TERMS = (
    "book|bk\\.|bks\\.|chapter|chap\\.|chaps\\.|ch\\.|column|col\\.|cols\\.|figure|fig\\.|figs\\."
    "|folio|fol\\.|fols\\.|number|no\\.|nos\\.|line|l\\.|ll\\.|note|n\\.|nn\\.|opus|op\\.|opp\\."
    "|page|pages|p\\.|pp\\.|paragraph|para\\.|paras\\.|part|pt\\.|pts\\.|section|sec\\.|secs\\."
    "|sub verbo|s\\.v\\.|s\\.vv\\.|verse|v\\.|vv\\.|volume|vol\\.|vols\\.|table|tbl\\.|tbls\\."
    "|tab\\.|supplement|suppl\\.|appendix|app\\.|§§|§|¶¶|¶|頁|圖|表"
)
_VALUE = r"(?:\d[\w.]*|[ivxlcdm]+\b|[A-Z]\d*\b)"
_VALUE_RANGE = _VALUE + r"(?:\s*[-–—]\s*" + _VALUE + r")?"
_LOCATOR_RE = re.compile(
    r"^(?P<locator>(?:(?:"
    + _TERMS
    + r")\s*)?"
    + _VALUE_RANGE
    + r"(?:\s*[,&]\s*"
    + _VALUE_RANGE
    + r")*)(?P<suffix>.*)$",
    re.S | re.I,
)


@dataclass(frozen=True)
class CitationItem:
    """One cited source in a group: ``prefix @key, locator suffix``."""

    key: str
    prefix: str = ""
    locator: str = ""
    suffix: str = ""


def parse_group(body: str) -> list[CitationItem] | None:
    """Parse the text between the brackets; return ``None`` if it is not a citation group."""
    items: list[CitationItem] = []
    for part in body.split(";"):
        match = _ITEM_RE.match(part.strip())
        if match is None:
            return None
        rest = match["rest"]
        if _ANOTHER_KEY_RE.search(rest):
            return None
        items.append(_item(match["key"], match["prefix"].strip(), rest))
    return items or None


def _item(key: str, prefix: str, rest: str) -> CitationItem:
    """Split what follows the key into a locator and a suffix."""
    rest = rest.strip()
    if not rest.startswith(","):
        return CitationItem(key=key, prefix=prefix, suffix=rest)
    rest = rest[1:].strip()
    match = _LOCATOR_RE.match(rest)
    if match is None:
        return CitationItem(key=key, prefix=prefix, suffix=rest)
    suffix = match["suffix"].strip()
    if suffix.startswith(","):
        suffix = suffix[1:].strip()
    elif suffix and not suffix[0].isspace() and match["suffix"][:1].isalnum():
        # the "locator" ran into a word ("p. 5a" is fine, "5x" is not a locator)
        return CitationItem(key=key, prefix=prefix, suffix=rest)
    return CitationItem(key=key, prefix=prefix, locator=match["locator"].strip(), suffix=suffix)


def find_groups(text: str) -> list[tuple[int, list[CitationItem]]]:
    """Return ``(offset of '[', items)`` for every citation group in plain text."""
    found = []
    for match in GROUP_RE.finditer(text):
        items = parse_group(match["body"])
        if items is not None:
            found.append((match.start(), items))
    return found
