"""Lint BibTeX files and the citations that use them.

pybtex parses the entries; it keeps no line numbers, so entry and field lines are found by
scanning the file text for `@type{key,` and `name =`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pybtex.database import BibliographyData
from pybtex.database.input import bibtex
from pybtex.exceptions import PybtexError
from pybtex.scanner import PybtexSyntaxError

from .citations import Citation
from .findings import Finding, Severity

#: An entry head: `@type{key,` (or `@type(key,`), at the start of a line.
HEAD_RE = re.compile(r"^[ \t]*@[ \t]*(?P<type>[A-Za-z]+)[ \t]*[{(][ \t]*(?P<key>[^,\s{}()]+)", re.M)
#: A field name at the start of a line: `name =`.
FIELD_RE = re.compile(r"^[ \t]*(?P<name>[A-Za-z][\w:-]*)[ \t]*=", re.M)
#: The key convention: lower-case surname, four-digit year, optional lower-case suffix.
KEY_RE = re.compile(r"^[a-z]+[0-9]{4}[a-z]*$")
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
DOI_PREFIX_RE = re.compile(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", re.I)
PMID_RE = re.compile(r"^\d+$")
PMCID_RE = re.compile(r"^PMC\d+$")
#: Identifier fields: the pattern a value must match, what is wrong otherwise, how to fix it.
IDENTIFIER_FORMATS: dict[str, tuple[re.Pattern[str], str, str]] = {
    "doi": (
        DOI_RE,
        "DOI of @{key} is not a DOI",
        "a DOI looks like 10.1234/abc.5678; copy it from the publisher's page",
    ),
    "pmid": (
        PMID_RE,
        "PMID of @{key} is not a number",
        "write the digits only, e.g. pmid = {29624699}",
    ),
    "pmcid": (
        PMCID_RE,
        "PMCID of @{key} is not PMC followed by digits",
        "write it as e.g. pmcid = {PMC5940387}",
    ),
}
NOT_ENTRIES = frozenset({"comment", "string", "preamble"})

#: Required fields per entry type; a tuple inside means "one of these".
REQUIRED: dict[str, tuple[str | tuple[str, ...], ...]] = {
    "article": ("author", "title", "journal", "year"),
    "book": (("author", "editor"), "title", "publisher", "year"),
    "incollection": ("author", "title", "booktitle", "publisher", "year"),
    "inproceedings": ("author", "title", "booktitle", "year"),
    "report": ("title", "institution", "year"),
    "techreport": ("title", "institution", "year"),
    "misc": ("title", ("url", "howpublished")),
    "online": ("title", ("url", "howpublished")),
}
DEFAULT_REQUIRED: tuple[str | tuple[str, ...], ...] = ("title",)


@dataclass
class Entry:
    """A parsed entry with where it is written."""

    key: str
    type: str
    path: str
    line: int
    col: int
    fields: dict[str, str]
    field_lines: dict[str, int] = field(default_factory=dict)

    def where(self, name: str) -> tuple[int, int]:
        return (self.field_lines.get(name.lower(), self.line), 1)

    def listed(self, name: str) -> set[str]:
        """Comma-separated names in a field such as `x-unconfirmed`."""
        value = self.fields.get(name, "")
        return {part.strip().lower() for part in value.split(",") if part.strip()}


class _Parser(bibtex.Parser):
    """pybtex's parser that keeps the first of duplicate keys/fields (we report them)."""

    def handle_error(self, error: Exception) -> None:
        if isinstance(error, bibtex.DuplicateField):
            return
        super().handle_error(error)

    def process_entry(self, entry_type, key, fields):  # type: ignore[override]
        if key is not None and key in self.data.entries:
            return
        super().process_entry(entry_type, key, fields)


def read_bibliography(path: str, text: str) -> tuple[list[Entry], list[Finding]]:
    """Entries of one `.bib` file, plus parse problems and per-entry problems."""
    findings: list[Finding] = []
    try:
        data: BibliographyData = _Parser().parse_string(text)
    except PybtexSyntaxError as error:
        message = str(error).removeprefix(f"syntax error in line {error.lineno}: ")
        return [], [
            Finding(
                path,
                error.lineno or 1,
                1,
                "error",
                f"BibTeX syntax error: {message}",
                "check braces, commas and quotes in this entry and the one before it",
            )
        ]
    except PybtexError as error:
        return [], [Finding(path, 1, 1, "error", f"BibTeX error: {error}", "fix the entry")]

    heads = [m for m in HEAD_RE.finditer(text) if m["type"].lower() not in NOT_ENTRIES]
    entries: list[Entry] = []
    seen: set[str] = set()
    for index, head in enumerate(heads):
        key = head["key"]
        end = heads[index + 1].start() if index + 1 < len(heads) else len(text)
        line = text.count("\n", 0, head.start()) + 1
        col = head.start("key") - (text.rfind("\n", 0, head.start()) + 1) + 1
        field_lines: dict[str, int] = {}
        names: list[tuple[str, int]] = []
        for match in FIELD_RE.finditer(text, head.end(), end):
            field_line = text.count("\n", 0, match.start()) + 1
            names.append((match["name"], field_line))
            field_lines.setdefault(match["name"].lower(), field_line)
        parsed = data.entries.get(key)
        if key.lower() in seen or parsed is None:
            entries.append(Entry(key, head["type"].lower(), path, line, col, {}, field_lines))
            continue
        seen.add(key.lower())
        fields = {name.lower(): str(value) for name, value in parsed.fields.items()}
        for role, persons in parsed.persons.items():
            fields[role.lower()] = " and ".join(str(person) for person in persons)
        entry = Entry(key, parsed.type.lower(), path, line, col, fields, field_lines)
        entries.append(entry)
        findings += _field_names(entry, names)
        findings += _entry(entry)
    return entries, findings


def _field_names(entry: Entry, names: list[tuple[str, int]]) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[str] = set()
    for name, line in names:
        if name != name.lower():
            findings.append(
                Finding(
                    entry.path,
                    line,
                    1,
                    "error",
                    f"field name '{name}' in @{entry.key} is not lower-case",
                    f"write '{name.lower()}'",
                )
            )
        if name.lower() in seen:
            findings.append(
                Finding(
                    entry.path,
                    line,
                    1,
                    "error",
                    f"field '{name.lower()}' appears twice in @{entry.key}",
                    "keep one",
                )
            )
        seen.add(name.lower())
    return findings


def _entry(entry: Entry) -> list[Finding]:
    findings: list[Finding] = []

    def report(where: tuple[int, int], message: str, fix: str) -> None:
        findings.append(Finding(entry.path, where[0], where[1], "error", message, fix))

    here = (entry.line, entry.col)
    if not KEY_RE.match(entry.key):
        report(
            here,
            f"key '{entry.key}' does not follow the convention surnameYYYY[suffix]",
            "use the first author's surname in lower case, the year and an optional letter, "
            "e.g. ost2018 or oquinena2009b (change the citations too)",
        )
    unconfirmed = entry.listed("x-unconfirmed")
    for group in REQUIRED.get(entry.type, DEFAULT_REQUIRED):
        options = group if isinstance(group, tuple) else (group,)
        if any(name in entry.fields or name in unconfirmed for name in options):
            continue
        wanted = " or ".join(options)
        report(
            here,
            f"@{entry.type}{{{entry.key}}} is missing the required field {wanted}",
            f"add {wanted} from the publisher's record, or list it in "
            "`x-unconfirmed = {...}` if it cannot be confirmed",
        )
    for name in sorted(unconfirmed & entry.fields.keys()):
        report(
            entry.where(name),
            f"'{name}' is listed in x-unconfirmed of @{entry.key} but is present",
            f"remove '{name}' from x-unconfirmed if it is confirmed, or delete the field",
        )
    doi = entry.fields.get("doi")
    prefixed = doi is not None and DOI_PREFIX_RE.match(doi) is not None
    if prefixed:
        report(
            entry.where("doi"),
            f"DOI of @{entry.key} has a prefix: '{doi}'",
            f"write only the DOI: doi = {{{DOI_PREFIX_RE.sub('', doi or '')}}}",
        )
    for name, (pattern, problem, fix) in IDENTIFIER_FORMATS.items():
        value = entry.fields.get(name)
        if value is not None and not (name == "doi" and prefixed) and not pattern.match(value):
            report(entry.where(name), f"{problem.format(key=entry.key)}: '{value}'", fix)
    return findings


def check_bibliography(
    files: Mapping[str, str], cited: Mapping[str, Iterable[tuple[str, Citation]]]
) -> list[Finding]:
    """Lint every `.bib` (path -> text) and cross-check the citations (key -> [(path, cite)])."""
    findings: list[Finding] = []
    entries: list[Entry] = []
    unreadable = False
    for path, text in files.items():
        found, problems = read_bibliography(path, text)
        entries += found
        findings += problems
        unreadable = unreadable or (not found and bool(problems))
    if unreadable:
        return findings  # every key would look unknown; fix the syntax first

    by_key: dict[str, list[Entry]] = {}
    for entry in entries:
        by_key.setdefault(entry.key.lower(), []).append(entry)
    for group in by_key.values():
        for entry in group:
            others = ", ".join(f"{o.path}:{o.line}" for o in group if o is not entry)
            if others:
                findings.append(
                    _at_entry(
                        entry,
                        "error",
                        f"duplicate key '{entry.key}' (also at {others})",
                        "delete the duplicate or give one entry another key",
                    )
                )

    known = {entry.key: entry for entry in entries if entry.fields}
    for key, uses in cited.items():
        uses = list(uses)
        entry = known.get(key)
        if entry is None:
            suggestion = difflib.get_close_matches(key, known, n=1)
            hint = f" (did you mean '{suggestion[0]}'?)" if suggestion else ""
            findings += _at_uses(
                uses,
                f"unknown citation key '{key}'{hint}",
                "fix the key or add the source to bibliography/references.bib",
            )
            continue
        reason = entry.fields.get("x-unverified")
        if reason is not None:
            findings += _at_uses(
                uses,
                f"cites @{key}, which is marked x-unverified ({reason}) at "
                f"{entry.path}:{entry.line}",
                "verify the source against PubMed or the publisher and remove "
                "x-unverified, or cite another source",
            )
        if entry.type == "article" and not ({"doi", "pmid"} & entry.fields.keys()):
            path, cite = uses[0]
            findings.append(
                _at_entry(
                    entry,
                    "error",
                    f"journal article @{key} (cited at {path}:{cite.line}) "
                    "has neither DOI nor PMID",
                    "add doi = {10.…} or pmid = {…} from PubMed or the publisher",
                )
            )
    for entry in entries:
        if entry.fields and entry.key not in cited:
            findings.append(
                _at_entry(
                    entry,
                    "notice",
                    f"@{entry.key} is not cited by any page",
                    "cite it or delete it",
                )
            )
    return findings


def _at_entry(entry: Entry, severity: Severity, message: str, fix: str) -> Finding:
    """A finding at the entry's ``@type{key,`` line."""
    return Finding(entry.path, entry.line, entry.col, severity, message, fix)


def _at_uses(uses: Iterable[tuple[str, Citation]], message: str, fix: str) -> list[Finding]:
    """The same error at every place a key is cited."""
    return [Finding(path, cite.line, cite.col, "error", message, fix) for path, cite in uses]
