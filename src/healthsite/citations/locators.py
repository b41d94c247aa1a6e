"""Locators (``p. 33``, ``chap. 3``, ``{iv–vi}``), recognised as pandoc's citeproc does.

Citeproc reads the English CSL terms of every locator it knows (its ``locatorTerms``), in
long, short and symbol forms, singular and plural, case-insensitively; a term must be
followed by a locator word holding a digit or a roman numeral. Without a term, a word with
a digit is a page. ``{…}`` forces whatever is inside to be the locator. Chinese terms are
this site's addition, as are ``table``/``supplement``/``appendix`` (medical papers cite them).
"""

from __future__ import annotations

import re

#: term -> locator label (en-US CSL locale terms, as pandoc's citeproc reads them).
TERMS: dict[str, str] = {}
for _label, _forms in {
    "book": "book books bk. bks.",
    "chapter": "chapter chapters chap. chaps. ch.",
    "column": "column columns col. cols.",
    "figure": "figure figures fig. figs.",
    "folio": "folio folios fol. fols.",
    "issue": "issue issues number numbers no. nos.",
    "line": "line lines l. ll.",
    "note": "note notes n. nn.",
    "opus": "opus opera op. opp.",
    "page": "page pages p. pp.",
    "paragraph": "paragraph paragraphs para. paras. ¶ ¶¶",
    "part": "part parts pt. pts.",
    "section": "section sections sec. secs. § §§",
    "sub verbo": "sub_verbo sub_verbis s.v. s.vv.",
    "verse": "verse verses v. vv.",
    "volume": "volume volumes vol. vols.",
    # this site's additions
    "table": "table tables tbl. tbls. tab.",
    "supplement": "supplement suppl.",
    "appendix": "appendix app.",
    "page ": "頁",
    "figure ": "圖",
    "table ": "表",
}.items():
    for _form in _forms.split():
        TERMS[_form.replace("_", " ")] = _label.strip()

_SPACE = r"(?:\s|&nbsp;|&#160;|&#[xX][aA]0;|\xa0)"
_DASH = r"(?:[-\u2010-\u2015]|&ndash;|&mdash;|&#821[12];|&#[xX]201[34];)"
#: A locator word: letters, digits, dots, colons, parentheses and ranges; no trailing dot.
_WORD = r"(?:[\w.:/()\[\]]|" + _DASH + r")*[\w)\]]"
_TERM_RE = re.compile(
    "(?:" + "|".join(re.escape(term) for term in sorted(TERMS, key=len, reverse=True)) + ")",
    re.I,
)
_LEAD_RE = re.compile(r"\s*,?" + _SPACE + r"*")
_WORD_RE = re.compile(_WORD)
_NEXT_RE = re.compile(_SPACE + r"*[,&]?" + _SPACE + r"*")
_ROMAN_RE = re.compile(
    r"(?=[ivxlcdm]+$)m{0,4}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$", re.I
)


def _counts(word: str, explicit: bool) -> bool:
    """Citeproc's rule: a digit, or (after a term) a roman numeral."""
    if any(char.isdigit() for char in word):
        return True
    return explicit and _ROMAN_RE.match(word.strip("()[]")) is not None


def match_locator(text: str) -> tuple[str, str, int] | None:
    """``(locator, label, end)`` at the start of what follows a key, else ``None``."""
    pos = _LEAD_RE.match(text).end()  # type: ignore[union-attr]
    if text.startswith("{", pos):
        return _forced(text, pos)
    label, explicit = "page", False
    term = _TERM_RE.match(text, pos)
    if term is not None:
        after = term.end()
        space = re.compile(_SPACE + "*").match(text, after).end()  # type: ignore[union-attr]
        needs_space = term.group(0)[-1].isascii() and term.group(0)[-1].isalpha()
        if space > after or not needs_space:
            word = _WORD_RE.match(text, space)
            if word is not None and _counts(word.group(0), True):
                label, explicit, start = TERMS[term.group(0).lower()], True, pos
                return _words(text, start, word, label, explicit)
    word = _WORD_RE.match(text, pos)
    if word is None or not _counts(word.group(0), explicit):
        return None
    return _words(text, pos, word, label, explicit)


def _words(
    text: str, start: int, word: re.Match[str], label: str, explicit: bool
) -> tuple[str, str, int]:
    """Extend the locator over further words (``33, 35–37``)."""
    end = word.end()
    while True:
        gap = _NEXT_RE.match(text, end)
        assert gap is not None
        if gap.end() == end:
            break
        following = _WORD_RE.match(text, gap.end())
        if following is None or not _counts(following.group(0), explicit):
            break
        end = following.end()
    return text[start:end], label, end


def _forced(text: str, pos: int) -> tuple[str, str, int] | None:
    """``{…}``: everything inside (braces balanced) is the locator; ``{}`` is none."""
    depth = 0
    for index in range(pos, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                inner = text[pos + 1 : index].strip()
                term = _TERM_RE.match(inner)
                label = TERMS[term.group(0).lower()] if term else "page"
                return inner, label, index + 1
    return None
