"""Decode the LaTeX found in BibTeX fields into plain Unicode text.

latexcodec handles any LaTeX but costs about a millisecond per field, which adds up over a
bibliography; the accents and escapes that BibTeX files mostly hold (``{\\"u}``, ``\\'e``,
``\\c{c}``, ``\\&``, ``\\%``, ``{\\o}``) are decoded here directly, with the same result
(the tests compare both), and anything else goes to latexcodec.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

#: Accent commands and the combining mark each puts on the next letter.
_ACCENT_MARKS = {
    '"': "\u0308",
    "'": "\u0301",
    "`": "\u0300",
    "^": "\u0302",
    "~": "\u0303",
    "=": "\u0304",
    ".": "\u0307",
    "u": "\u0306",
    "v": "\u030c",
    "H": "\u030b",
    "c": "\u0327",
    "k": "\u0328",
    "r": "\u030a",
}
#: ``\"u``, ``\"{u}``, ``\c{c}``, ``\c c``: a symbol accent may touch its letter; a letter
#: accent needs braces or a space before it.
_ACCENT_RE = re.compile(
    r"\\(?:(?P<symbol>[\"'`^~=.])\s*(?:\{(?P<braced>[A-Za-z])\}|(?P<bare>[A-Za-z]))"
    r"|(?P<word>[uvHckr])(?:\{(?P<wbraced>[A-Za-z])\}|\s+(?P<wbare>[A-Za-z])))"
)
#: Escaped characters and letter macros, when not followed by another letter.
_SYMBOLS = {
    "&": "&",
    "%": "%",
    "_": "_",
    "#": "#",
    "o": "ø",
    "O": "Ø",
    "l": "ł",
    "L": "Ł",
    "ss": "ß",
    "aa": "å",
    "AA": "Å",
    "ae": "æ",
    "AE": "Æ",
    "oe": "œ",
    "OE": "Œ",
}
_SYMBOL_RE = re.compile(
    r"\\(?:(?P<char>[&%_#])|(?P<macro>ss|aa|AA|ae|AE|oe|OE|o|O|l|L)(?![A-Za-z])[ \t]*)"
)


def decode_latex(text: str) -> str:
    """Turn ``M{\\"u}ller \\& {Taiwan}`` into ``Müller & Taiwan`` (braces removed, case kept)."""
    if "\\" in text:
        common = decode_common_latex(text)
        text = common if common is not None else decode_with_latexcodec(text)
    else:
        text = _dashes_and_ties(text)
    text = text.replace("{", "").replace("}", "")
    return " ".join(text.split())


def decode_common_latex(text: str) -> str | None:
    """Decode the common accents and escapes; ``None`` if other LaTeX commands remain."""
    decoded = _SYMBOL_RE.sub(_symbol, _ACCENT_RE.sub(_accent, text))
    if "\\" in decoded:
        return None
    return _dashes_and_ties(decoded)


def decode_with_latexcodec(text: str) -> str:
    """Decode any LaTeX with latexcodec (``%`` is a literal, not a comment, in BibTeX)."""
    import latexcodec  # noqa: F401  (registers "ulatex"; imported only when needed)

    return codecs.decode(text.replace("%", "\\%").replace("\\\\%", "\\%"), "ulatex")


def _accent(match: re.Match[str]) -> str:
    """The accented letter, if it is one of Latin-1 or Latin Extended-A (as in latexcodec's
    table); else the LaTeX unchanged, for latexcodec."""
    mark = _ACCENT_MARKS[match["symbol"] or match["word"]]
    letter = match["braced"] or match["bare"] or match["wbraced"] or match["wbare"]
    composed = unicodedata.normalize("NFC", letter + mark)
    return composed if len(composed) == 1 and ord(composed) <= 0x17F else match.group(0)


def _symbol(match: re.Match[str]) -> str:
    return _SYMBOLS[match["char"] or match["macro"]]


def _dashes_and_ties(text: str) -> str:
    if "--" in text or "~" in text:
        text = text.replace("---", "\u2014").replace("--", "\u2013").replace("~", "\u00a0")
    return text
