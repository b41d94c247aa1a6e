"""Entry types, the fields each needs, and the language of a source (no pybtex needed)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Protocol

from .languages import normalize_lang, script_lang
from .latex import decode_latex

#: A DOI written with a resolver or `doi:` in front (the field holds the bare DOI): the lint
#: reports it, the style strips it.
DOI_PREFIX_RE = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)


class EntryLike(Protocol):
    """A pybtex entry or a :class:`bibliography.RawEntry`: a type and a field mapping."""

    type: str
    fields: Mapping[str, str]


#: The one table of fields each entry type needs, used by the build, ``make check``, the tests
#: and CONTRIBUTING ("Bibliography entries"). ``a|b`` means either. A missing one is reported
#: (the entry still renders), unless the entry names it in ``x-unconfirmed``. A web source
#: (``@misc``, ``@online``) needs something to find it by: a ``url``, or for ``@misc`` a
#: ``howpublished`` note (a leaflet, a press release).
REQUIRED_FIELDS: Mapping[str, tuple[str, ...]] = {
    "article": ("author", "title", "journal", "year"),
    "book": ("author|editor", "title", "publisher", "year"),
    "incollection": ("author", "title", "booktitle", "publisher", "year"),
    "inproceedings": ("author", "title", "booktitle", "year"),
    "report": ("title", "institution", "year"),
    "techreport": ("title", "institution", "year"),
    "misc": ("title", "url|howpublished"),
    "online": ("title", "url"),
}
#: Other BibTeX and biblatex types, and the template each is formatted with.
ALIASES: Mapping[str, str] = {
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
    "proceedings": "book",
    "collection": "book",
    "periodical": "book",
    "unpublished": "misc",
}
#: Every entry type the build knows; any other is an error (it would lose fields).
KNOWN_TYPES = frozenset(REQUIRED_FIELDS) | frozenset(ALIASES)


def entry_kind(entry: EntryLike) -> str:
    """The template used for an entry type (unknown types fall back to ``misc``)."""
    kind = entry.type.lower()
    kind = ALIASES.get(kind, kind)
    return kind if kind in REQUIRED_FIELDS else "misc"


def required_fields(kind: str) -> tuple[str, ...]:
    """The required fields of a type: its row of the table, ``title`` for the other known
    types, none for an unknown type (reported as unknown instead)."""
    kind = kind.lower()
    return REQUIRED_FIELDS.get(kind, ("title",) if kind in KNOWN_TYPES else ())


def missing_fields(entry: EntryLike) -> list[str]:
    """Required fields (``a|b`` means either) absent from ``entry`` and not listed in its
    ``x-unconfirmed``. Unknown types are reported as such, not here."""
    present = {name.lower() for name, value in entry.fields.items() if value.strip()}
    present |= {name.strip().lower() for name in entry.fields.get("x-unconfirmed", "").split(",")}
    if "date" in present:
        present.add("year")
    if entry.type.lower() in ("misc", "online") and "organization" in present:
        present.add("author")
    return [
        spec.replace("|", " or ")
        for spec in required_fields(entry.type)
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
