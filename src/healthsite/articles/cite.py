""" "Cite this page": an article's own reference, in Vancouver style and as BibTeX.

Plain functions, no MkDocs: the wording of the Vancouver reference is a configured pattern
(``vancouver`` label), so only the BibTeX syntax itself lives here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# Characters with a meaning in BibTeX field values, and their escaped form.
BIBTEX_SPECIAL = re.compile(r"[\\{}%&#$_^~]")
BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "#": r"\#",
    "$": r"\$",
    "_": r"\_",
    "^": r"\^{}",
    "~": r"\~{}",
}
# BibTeX's built-in month macros (syntax, not labels).
BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# Anything that may not appear in a BibTeX key.
BIBTEX_KEY_UNSAFE = re.compile(r"[^A-Za-z0-9_:-]+")


@dataclass(frozen=True)
class PageReference:
    """What a reader needs to cite one language version of an article."""

    title: str
    publisher: str
    url: str
    language: str
    slug: str
    published: dt.date
    updated: dt.date


def vancouver(ref: PageReference, pattern: str, published: str, updated: str) -> str:
    """The reference in Vancouver style, from the language's pattern and formatted dates."""
    return pattern.format(
        title=ref.title.rstrip("."),
        publisher=ref.publisher,
        published=published,
        updated=updated,
        url=ref.url,
    )


def bibtex(ref: PageReference) -> str:
    """A ``@misc`` BibTeX entry (works with BibTeX and biblatex) for the page."""
    key = BIBTEX_KEY_UNSAFE.sub("-", f"{ref.slug}-{ref.language}-{ref.published.year}")
    fields = [
        ("author", "{" + bibtex_escape(ref.publisher) + "}"),
        ("title", bibtex_escape(ref.title)),
        ("howpublished", bibtex_escape(ref.publisher)),
        ("year", str(ref.updated.year)),
        ("month", BIBTEX_MONTHS[ref.updated.month - 1]),
        ("url", ref.url),
        ("language", ref.language),
    ]
    width = max(len(name) for name, _ in fields)
    body = ",\n".join(
        f"  {name.ljust(width)} = {value if name == 'month' else '{' + value + '}'}"
        for name, value in fields
    )
    return f"@misc{{{key},\n{body}\n}}"


def bibtex_escape(text: str) -> str:
    """Escape BibTeX's special characters in a field value."""
    return BIBTEX_SPECIAL.sub(lambda match: BIBTEX_ESCAPES[match.group()], text)
