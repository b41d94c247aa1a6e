"""Author-in-text names for a numbered style: ``Palma et al. [5]``, 「Palma 等人 [5]」.

The name follows the source (a surname for Latin-script names, the whole name for Chinese
ones, whose surnames alone say little); the connecting words follow the page language.
"""

from __future__ import annotations

import functools

from pybtex.exceptions import PybtexError

from .entry_types import EntryLike
from .languages import has_cjk
from .latex import decode_latex
from .names import name_parts, split_names


@functools.lru_cache(maxsize=4096)
def short_name(raw: str) -> str:
    """How a text names one author: ``Palma``, ``De Bruycker``, ``陳大文``, ``World Health
    Organization`` (a braced corporate name is kept whole)."""
    stripped = raw.strip()
    if stripped.startswith("{") and stripped.endswith("}"):
        return decode_latex(stripped)
    if has_cjk(stripped):
        family, _, given = stripped.partition(",")
        return (decode_latex(family) + decode_latex(given)).replace(" ", "")
    try:
        family = name_parts(stripped)[0]
    except PybtexError:  # a name pybtex cannot split (reported with the entry): keep it whole
        family = ""
    return decode_latex(family) or decode_latex(stripped)


def _join(*pieces: str) -> str:
    """Join words; no space between two Chinese pieces (陳大文等人), else one (Palma 等人)."""
    text = pieces[0]
    for piece in pieces[1:]:
        text += piece if has_cjk(text[-1:]) and has_cjk(piece[:1]) else " " + piece
    return text


def author_in_text(entry: EntryLike, et_al: str, and_word: str) -> str:
    """``Palma et al.``, ``Palma and Smith``, ``Palma``; editors if there is no author, else
    the title."""
    raw = entry.fields.get("author") or entry.fields.get("editor") or ""
    every = split_names(raw) if raw.strip() else []
    names = [name for name in every if name.lower() != "others"]
    if not names:
        title = decode_latex(entry.fields.get("title", "")).strip()
        return title or "?"
    shown = [short_name(name) for name in names]
    if len(names) > 2 or len(names) < len(every):
        return _join(shown[0], et_al)
    if len(names) == 2:
        return _join(shown[0], and_word, shown[1])
    return shown[0]
