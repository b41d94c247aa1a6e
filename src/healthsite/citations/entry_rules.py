"""The rules a BibTeX entry and file must follow, worded once for the build and ``make check``.

The build (:meth:`bibliography.Bibliography.problems`, a ``log.warning`` each, fatal under
``mkdocs build --strict``) and the lint (``healthsite.content.bibliography``, a ``make check``
finding each) both call these functions, so a contributor reads the same message from both.
Each problem names the field it is in, so it can be reported at that field's line.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from typing import NamedTuple

from .entry_types import KNOWN_TYPES, REQUIRED_FIELDS, missing_fields
from .latex import SAFE_LINK_RE, decode_latex, link_addresses, unknown_commands


class Problem(NamedTuple):
    """What is wrong and how to fix it; ``field`` is where (empty: the entry's head line, or
    ``line`` for a problem of the whole file)."""

    field: str
    message: str
    fix: str
    line: int = 0

    def text(self) -> str:
        """``message; fix``, as both the build and ``make check`` print it."""
        return f"{self.message}; {self.fix}"


class _Typed(NamedTuple):
    type: str
    fields: Mapping[str, str]


#: A year: four digits (BibTeX's ``year``).
YEAR_RE = re.compile(r"^\d{4}$")
#: biblatex's ``date``: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, or a range of those with ``/``
#: (an open end allowed).
DATE_RE = re.compile(r"^(\d{4}(-\d{2}(-\d{2})?)?)?(/(\d{4}(-\d{2}(-\d{2})?)?)?)?$")
#: How to write a name list, for fixes.
_NAME_LIST_FIX = "separate the names with 'and' and write each as 'Surname, Given'"
#: How to fix a link that is not http, https or mailto.
_LINK_FIX = "write the web address starting with https:// (other links are never published)"
#: Fields that hold no LaTeX text (identifiers and addresses, checked on their own).
_NOT_TEXT = frozenset({"url", "doi", "pmid", "pmcid", "crossref", "file", "eprint"})


def entry_problems(
    key: str,
    kind: str,
    fields: Mapping[str, str],
    has_key: Callable[[str], bool],
    suggest: Callable[[str], str | None],
    crossref_of: Callable[[str], str] = lambda key: "",
) -> list[Problem]:
    """Everything wrong with one entry (fields as written, after ``crossref`` inheritance).

    ``has_key`` and ``suggest`` look keys up in the whole bibliography (for ``crossref``);
    ``crossref_of`` gives the ``crossref`` written in another entry ("" if none)."""
    problems: list[Problem] = []
    kind = kind.lower()
    if kind not in KNOWN_TYPES:
        problems.append(unknown_type(key, kind))
    else:
        for wanted in missing_fields(_Typed(kind, fields)):
            problems.append(
                Problem(
                    "",
                    f"@{kind}{{{key}}} is missing the required field {wanted}",
                    f"add {wanted} from the publisher's record, or list it in "
                    "`x-unconfirmed = {...}` if it cannot be confirmed",
                )
            )
    year = decode_latex(fields.get("year", "")).strip()
    if "year" in fields and not YEAR_RE.match(year):
        problems.append(
            Problem(
                "year",
                f"year of @{key} is not a year: '{year}'",
                "write the four-digit year of publication, e.g. year = {2021}; if the source "
                "gives none, leave year out and list it in `x-unconfirmed = {year}`",
            )
        )
    date = decode_latex(fields.get("date", "")).strip()
    if "date" in fields and (not date or not DATE_RE.match(date)):
        problems.append(
            Problem(
                "date",
                f"date of @{key} is not a date: '{date}'",
                "write YYYY, YYYY-MM or YYYY-MM-DD (a range as YYYY-MM-DD/YYYY-MM-DD)",
            )
        )
    url = fields.get("url", "").strip().removeprefix("\\url{").removesuffix("}").strip("{} ")
    if "url" in fields and not SAFE_LINK_RE.match(url):
        problems.append(
            Problem(
                "url",
                f"url of @{key} is not an http, https or mailto address: '{url}'",
                _LINK_FIX,
            )
        )
    problems += _latex_problems(key, fields)
    for role in ("author", "editor"):
        if fields.get(role):
            problems += _name_problems(key, role, fields[role])
    parent = fields.get("crossref", "").strip()
    if "crossref" in fields and not has_key(parent):
        hint = suggest(parent)
        problems.append(
            Problem(
                "crossref",
                f"crossref of @{key} names '{parent}', which is not in the bibliography"
                + (f" (did you mean '{hint}'?)" if hint else ""),
                "fix the key, or add the entry it inherits from (the book or proceedings)",
            )
        )
    cycle = _crossref_cycle(key, parent, crossref_of) if parent else None
    if cycle:
        problems.append(
            Problem(
                "crossref",
                f"crossref of @{key} makes a cycle: " + " → ".join(f"@{k}" for k in cycle),
                "remove crossref from the entry that is the book or proceedings (only the "
                "chapter or paper names its parent)",
            )
        )
    return problems


def _latex_problems(key: str, fields: Mapping[str, str]) -> list[Problem]:
    """``\\url{javascript:…}`` in a text field, and LaTeX commands nobody can render."""
    problems: list[Problem] = []
    for name, value in fields.items():
        if name in _NOT_TEXT or "\\" not in value:
            continue
        for address in link_addresses(value):
            if not SAFE_LINK_RE.match(address):
                problems.append(
                    Problem(
                        name,
                        f"\\url in {name} of @{key} is not an http, https or mailto address: "
                        f"'{address}'",
                        _LINK_FIX,
                    )
                )
        for command in unknown_commands(value):
            problems.append(
                Problem(
                    name,
                    f"unknown LaTeX command '\\{command}' in {name} of @{key} (the reference "
                    "would show its argument without it)",
                    "write the text without it; for formatting use \\emph, \\textit, \\textbf "
                    "or \\textsc, for a link \\url{https://…}",
                )
            )
    return problems


def _crossref_cycle(key: str, parent: str, crossref_of: Callable[[str], str]) -> list[str] | None:
    """``[key, parent, …, key]`` when following ``crossref`` from ``key`` comes back to it."""
    chain, current = [key], parent
    seen = {key.lower()}
    while current:
        chain.append(current)
        if current.lower() == key.lower():
            return chain
        if current.lower() in seen:
            return None  # a cycle further up, reported at its own entries
        seen.add(current.lower())
        current = crossref_of(current).strip()
    return None


def unknown_type(key: str, kind: str) -> Problem:
    """An entry type the style does not know (a typo would lose journal, volume, pages)."""
    close = difflib.get_close_matches(kind, sorted(KNOWN_TYPES), n=1, cutoff=0.6)
    hint = f" (did you mean '@{close[0]}'?)" if close else ""
    return Problem(
        "",
        f"unknown entry type '@{kind}' of '{key}'{hint}",
        "use one of " + ", ".join(f"@{name}" for name in REQUIRED_FIELDS) + " (see "
        "CONTRIBUTING, Bibliography entries); an unknown type would lose fields",
    )


def _name_problems(key: str, role: str, value: str) -> list[Problem]:
    """A name list pybtex cannot split (``Chong, B. M., Specia, L., & Mitkov, R.``)."""
    from pybtex.exceptions import PybtexError

    from .names import name_parts, split_names

    try:
        for name in split_names(value):
            name_parts(name)
    except PybtexError as error:
        suggestion = _suggest_name_list(value)
        fix = f"{_NAME_LIST_FIX}: {role} = {{{suggestion}}}" if suggestion else _NAME_LIST_FIX
        return [Problem(role, f"{role} of @{key} is not a BibTeX name list: {error}", fix)]
    return []


def _suggest_name_list(value: str) -> str | None:
    """``Chong, B. M., Specia, L., & Mitkov, R.`` -> ``Chong, B. M. and Specia, L. and Mitkov, R.``
    (``None`` when the commas do not pair up into surnames and given names)."""
    parts = [part.strip() for part in re.split(r",|\s&\s|\band\b", value) if part.strip()]
    parts = [part.removeprefix("& ").strip() for part in parts]
    if len(parts) < 2 or len(parts) % 2:
        return None
    return " and ".join(f"{parts[i]}, {parts[i + 1]}" for i in range(0, len(parts), 2))


# Problems of a whole file: the same wording in the build and in ``make check``.


def not_utf8(data: bytes, error: UnicodeDecodeError) -> Problem:
    """A ``.bib`` that is not UTF-8, at the line of the first bad byte."""
    line = data[: error.start].count(b"\n") + 1
    return Problem(
        "",
        "bibliography is not valid UTF-8",
        "save the file as UTF-8 (in most editors: Save with Encoding, UTF-8)",
        line,
    )


def unclosed_brace(line: int, key: str) -> Problem:
    """A ``{`` in entry ``key`` that is never closed."""
    return Problem(
        "",
        f"unclosed brace in entry '{key}': the '{{' on this line is never closed",
        "add the missing '}' (BibTeX would read on into the entries after it)",
        line,
    )


def syntax_error(line: int, message: str, key: str | None) -> Problem:
    """Any other BibTeX syntax error pybtex reports."""
    within = f" (in entry '{key}')" if key else ""
    return Problem(
        "",
        f"BibTeX syntax error: {message}{within}",
        "check braces, commas and quotes in this entry and the one before it",
        line,
    )


def decode_source(data: bytes) -> str:
    """The text of a ``.bib`` file (a UTF-8 BOM dropped); raises :class:`UnicodeDecodeError`."""
    return data.decode("utf-8-sig")
