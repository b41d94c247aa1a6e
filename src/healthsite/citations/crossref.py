"""``crossref``: what an entry inherits from the entry it points to, as BibTeX and biblatex do.

A chapter or paper names its book or proceedings with ``crossref = {key}`` and inherits every
field it does not have itself (its authors, editors, publisher, year, journal …). As in
biblatex, the parent's ``title`` becomes the child's ``booktitle`` (for chapters and papers) or
``journal`` (for an article in a ``@periodical``), not its title; fields that identify or
steer an entry (``crossref``, ``ids``, ``x-unverified``, …) are not inherited.
"""

from __future__ import annotations

from collections.abc import Mapping

#: Fields never inherited (biblatex's list, plus this project's review markers).
NOT_INHERITED = frozenset(
    {
        "crossref", "xref", "ids", "entryset", "entrysubtype", "execute", "label", "options",
        "presort", "related", "relatedoptions", "relatedstring", "relatedtype", "shorthand",
        "shorthandintro", "sortkey", "x-unverified", "x-unconfirmed",
    }
)  # fmt: skip
#: Child types whose parent's title is their ``booktitle``.
_IN_A_BOOK = frozenset({"incollection", "inproceedings", "inbook", "bookinbook", "inreference"})


def inherited_fields(
    child_type: str, child: Mapping[str, str], parent_type: str, parent: Mapping[str, str]
) -> dict[str, str]:
    """The child's fields plus what it inherits from ``parent`` (lower-case field names)."""
    fields = dict(child)
    mapped: dict[str, str] = {}
    if child_type.lower() in _IN_A_BOOK:
        mapped = {"title": "booktitle", "subtitle": "booksubtitle"}
    elif child_type.lower() == "article" and parent_type.lower() == "periodical":
        mapped = {"title": "journal"}
    for name, value in parent.items():
        target = mapped.get(name, name)
        if target not in fields and name not in NOT_INHERITED:
            fields[target] = value
    return fields
