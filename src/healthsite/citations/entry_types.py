"""Entry types, the fields each needs, and the language of a source (no pybtex needed)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from .languages import normalize_lang, script_lang
from .latex import decode_latex


class EntryLike(Protocol):
    """A pybtex entry or a :class:`bibliography.RawEntry`: a type and a field mapping."""

    type: str
    fields: Mapping[str, str]


#: Fields each entry type needs; a missing one is reported but the entry still renders.
REQUIRED_FIELDS: Mapping[str, tuple[str, ...]] = {
    "article": ("author", "title", "journal", "year"),
    "book": ("author|editor", "title", "publisher", "year"),
    "incollection": ("author", "title", "booktitle", "publisher", "year"),
    "inproceedings": ("author", "title", "booktitle", "year"),
    "report": ("author|institution", "title", "institution", "year"),
    "techreport": ("author|institution", "title", "institution", "year"),
    "misc": ("title",),
    "online": ("title", "url"),
}
_ALIASES = {
    "conference": "inproceedings",
    "inbook": "incollection",
    "electronic": "online",
    "www": "online",
    "webpage": "online",
    "manual": "report",
    "phdthesis": "book",
    "mastersthesis": "book",
    "thesis": "book",
    "booklet": "book",
}


def entry_kind(entry: EntryLike) -> str:
    """The template used for an entry type (unknown types fall back to ``misc``)."""
    kind = entry.type.lower()
    kind = _ALIASES.get(kind, kind)
    return kind if kind in REQUIRED_FIELDS else "misc"


def missing_fields(entry: EntryLike) -> list[str]:
    """Required fields (``a|b`` means either) absent from ``entry``."""
    present = {name.lower() for name, value in entry.fields.items() if value.strip()}
    if "date" in present:
        present.add("year")
    if entry.type.lower() in ("misc", "online") and "organization" in present:
        present.add("author")
    return [
        spec.replace("|", " or ")
        for spec in REQUIRED_FIELDS.get(entry.type.lower(), REQUIRED_FIELDS["misc"])
        if not present & set(spec.split("|"))
    ]


def entry_language(entry: EntryLike) -> str:
    """Language of a source: ``langid``/``language`` field, else the script of its names."""
    for name in ("langid", "language"):
        value = entry.fields.get(name)
        if value:
            lang = normalize_lang(decode_latex(value))
            if lang:
                return lang
    names = " ".join(entry.fields.get(name, "") for name in ("author", "editor", "organization"))
    title = script_lang(entry.fields.get("title", ""))
    if not names.strip():
        return title or "en"
    lang = script_lang(names)
    # kana in the title marks Japanese even when the names are written in kanji
    return "ja" if lang == "zh-Hant" and title == "ja" else lang or "en"
