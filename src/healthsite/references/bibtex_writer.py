"""Write a BibTeX entry from a registry record, in the bibliography's own layout."""

from __future__ import annotations

import datetime as dt
import re
import string
from collections.abc import Collection

from healthsite.citations.entry_types import required_fields

from .normalize import RETRACTED_RE, ascii_letters
from .records import Author, Record

#: Characters that would unbalance or escape a braced BibTeX value.
UNSAFE_RE = re.compile(r"[{}\\]")
#: Field order in a written entry (as in bibliography/references.bib).
ORDER = (
    "author",
    "title",
    "journal",
    "publisher",
    "year",
    "volume",
    "number",
    "pages",
    "doi",
    "pmid",
    "pmcid",
    "langid",
    "x-unconfirmed",
)
#: What the `% VERIFIED:` comment calls each field.
COMMENT_NAMES = {"author": "authors", "number": "number", "pages": "pages"}


def new_key(record: Record, taken: Collection[str]) -> str:
    """`surnameYYYY` from the first author (an organization's first word) and the year; a
    letter from b on if the key is taken (`ost2018b`). Matches the bibliography lint's
    `^[a-z]+[0-9]{4}[a-z]*$`."""
    first = record.first_author
    surname = ""
    if first is not None:
        surname = ascii_letters(first.family) or ascii_letters(first.name.split(" ")[0])
    base = f"{surname or 'anon'}{record.year or 0:04d}"
    lowered = {key.lower() for key in taken}
    if base not in lowered:
        return base
    for letter in string.ascii_lowercase[1:]:
        if base + letter not in lowered:
            return base + letter
    raise ValueError(f"every key from {base}b to {base}z is taken")


def entry_fields(record: Record) -> dict[str, str]:
    """The fields the record confirms, plus `x-unconfirmed` for required ones it lacks."""
    fields = {
        "author": " and ".join(_name(author) for author in record.authors),
        "title": RETRACTED_RE.sub("", record.title, count=1),
        "journal": record.journals[0] if record.journals and record.type == "article" else "",
        "publisher": record.publisher if record.type in {"book", "incollection"} else "",
        "year": str(record.year or ""),
        "volume": record.volume,
        "number": record.number,
        "pages": record.pages,
        "doi": record.doi,
        "pmid": record.pmid,
        "pmcid": record.pmcid,
        "langid": record.language,
    }
    fields = {
        name: value if name == "author" else _clean(value)
        for name, value in fields.items()
        if value
    }
    missing = []
    for spec in required_fields(record.type) or ("title",):
        options = spec.split("|")  # `url|howpublished`: either
        if not any(name in fields for name in options):
            missing.append(options[0])
    if missing:
        fields["x-unconfirmed"] = ", ".join(missing)
    return fields


def entry_text(key: str, record: Record, sources: str, today: dt.date) -> str:
    """The `% VERIFIED: …` comment and the `@type{key, …}` entry, ending in a newline."""
    fields = entry_fields(record)
    confirmed = [COMMENT_NAMES.get(name, name) for name in fields if name != "x-unconfirmed"]
    comment = (
        f"% VERIFIED: {', '.join(confirmed)} ({sources}, fetched {today.isoformat()} "
        "by make add-reference)"
    )
    width = max(len(name) for name in fields)
    lines = [f"  {name.ljust(width)} = {{{value}}}" for name, value in _ordered(fields)]
    body = ",\n".join(lines)
    return f"{comment}\n@{record.type}{{{key},\n{body}\n}}\n"


def _ordered(fields: dict[str, str]) -> list[tuple[str, str]]:
    return sorted(fields.items(), key=lambda item: ORDER.index(item[0]))


def _name(author: Author) -> str:
    if not author.family:
        return "{" + _clean(author.name) + "}"  # an organization, kept whole
    family, given = _clean(author.family), _clean(author.given)
    return f"{family}, {given}" if given else family


def _clean(value: str) -> str:
    """One line, without braces or backslashes that would break the entry."""
    return " ".join(UNSAFE_RE.sub("", value).split())
