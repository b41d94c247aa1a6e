"""Format author names the Vancouver way (``Ost P``, ``Müller HP``, ``陳大文``)."""

from __future__ import annotations

import re
import unicodedata

from pybtex.bibtex.utils import split_name_list
from pybtex.database import Person

from .languages import has_cjk
from .latex import decode_latex


def split_names(raw: str) -> list[str]:
    """Split a BibTeX name list on top-level ``and``."""
    return [name.strip() for name in split_name_list(raw) if name.strip()]


def _initials(given: str) -> str:
    letters = []
    for part in re.split(r"[\s\-.\u2010]+", given):
        for char in part:
            if unicodedata.category(char).startswith("L"):
                letters.append(char.upper())
                break
    return "".join(letters)


def format_name(raw: str) -> str:
    """One name, Vancouver style: ``Ost P``, ``Müller HP``, ``陳大文``, ``{WHO}`` kept whole."""
    stripped = raw.strip()
    if stripped.startswith("{") and stripped.endswith("}") and _balanced(stripped[1:-1]):
        return decode_latex(stripped)  # corporate author, kept whole
    if has_cjk(stripped):
        if "," in stripped:
            family, _, given = stripped.partition(",")
            return decode_latex(family).replace(" ", "") + decode_latex(given).replace(" ", "")
        return decode_latex(stripped).replace(" ", "")
    person = Person(stripped)
    family = decode_latex(" ".join(person.prelast_names + person.last_names))
    given = decode_latex(" ".join(person.first_names + person.middle_names))
    lineage = decode_latex(" ".join(person.lineage_names))
    return " ".join(part for part in (family, _initials(given), lineage) if part)


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def format_name_list(raw: str, et_al: str, limit: int = 6) -> str:
    """``A, B, C, D, E, F, et al.``: up to ``limit`` names, then ``et_al``."""
    names = split_names(raw)
    truncated = len(names) > limit or any(n.lower() == "others" for n in names)
    names = [n for n in names if n.lower() != "others"][:limit]
    formatted = [format_name(name) for name in names]
    if truncated:
        formatted.append(et_al)
    return ", ".join(formatted)
