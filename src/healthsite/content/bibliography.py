"""Lint BibTeX files and the citations that use them (`make check`).

pybtex parses the entries; it keeps no line numbers, so entry and field lines come from
`healthsite.citations.bibtex_source` (the one reader of `@type{key,` heads and `name =` lines).
The rules the build enforces too (entry types, required fields, years, dates, URLs, names,
crossrefs, encoding, braces) are `healthsite.citations.entry_rules`: the same wording here and in
the build. The rest (key convention, identifiers, x-unconfirmed) are house rules for `make check`.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from pybtex.database import BibliographyData
from pybtex.database.input import bibtex
from pybtex.exceptions import PybtexError

from healthsite.citations import entry_rules
from healthsite.citations.bibliography import pybtex_problem
from healthsite.citations.bibtex_source import (
    FIELD_RE,
    Block,
    blocks,
    field_lines,
    key_column,
    unclosed_brace,
)
from healthsite.citations.crossref import inherited_fields
from healthsite.citations.entry_rules import Problem
from healthsite.citations.entry_types import DOI_PREFIX_RE

from .citations import Citation
from .findings import Finding, Severity

#: The key convention: lower-case surname, four-digit year, optional lower-case suffix.
KEY_RE = re.compile(r"^[a-z]+[0-9]{4}[a-z]*$")
DOI_RE = re.compile(r"^10\.\d{4,9}/\S+$")
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


def read_bibliography(path: str, source: str | bytes) -> tuple[list[Entry], list[Finding]]:
    """Entries of one `.bib` file (its text, or its bytes as read), plus the file's problems
    and per-entry house-rule problems (the shared entry rules run in :func:`check_bibliography`,
    which knows every file's keys)."""
    if isinstance(source, bytes):
        try:
            text = entry_rules.decode_source(source)
        except UnicodeDecodeError as error:
            return [], [_at_line(path, entry_rules.not_utf8(source, error))]
    else:
        text = source
    entry_blocks = [block for block in blocks(text) if block.key]
    for block in entry_blocks:
        line = unclosed_brace(text, block)
        if line is not None:
            return [], [_at_line(path, entry_rules.unclosed_brace(line, block.key))]
    try:
        data: BibliographyData = _Parser(person_fields=()).parse_string(text)
    except PybtexError as error:
        return [], [_at_line(path, pybtex_problem(error, text))]

    findings: list[Finding] = []
    entries: list[Entry] = []
    seen: set[str] = set()
    for block in entry_blocks:
        key = block.key
        lines = field_lines(text, block)
        names = _field_names_written(text, block)
        col = key_column(text, block)
        parsed = data.entries.get(key)
        if key.lower() in seen or parsed is None:
            entries.append(Entry(key, block.type, path, block.line, col, {}, lines))
            continue
        seen.add(key.lower())
        fields = {name.lower(): str(value) for name, value in parsed.fields.items()}
        entry = Entry(key, parsed.type.lower(), path, block.line, col, fields, lines)
        entries.append(entry)
        findings += _field_names(entry, names)
        findings += _entry(entry)
    return entries, findings


def _field_names_written(text: str, block: Block) -> list[tuple[str, int]]:
    """Every field name written in the entry, as written, with its line (repeats kept)."""
    found, line, position = [], block.line, block.start
    for match in FIELD_RE.finditer(text, block.start, block.end):
        line += text.count("\n", position, match.start())
        position = match.start()
        found.append((match["name"], line))
    return found


def _at_line(path: str, problem: Problem) -> Finding:
    """A problem of the whole file, at its own line."""
    return Finding.error(path, problem.line or 1, 1, problem.message, problem.fix)


def rule_findings(entries: list[Entry]) -> list[Finding]:
    """The shared entry rules (:mod:`healthsite.citations.entry_rules`), after crossref
    inheritance, at the line of the field each is about."""
    known = {entry.key.lower(): entry for entry in entries if entry.fields}
    names = [entry.key for entry in known.values()]

    def suggest(key: str) -> str | None:
        close = difflib.get_close_matches(key, names, n=1, cutoff=0.75)
        return close[0] if close else None

    findings: list[Finding] = []
    for entry in known.values():
        fields = _inherited(entry, known)
        for problem in entry_rules.entry_problems(
            entry.key,
            entry.type,
            fields,
            lambda key: key.lower() in known,
            suggest,
            lambda key: (
                known[key.lower()].fields.get("crossref", "") if key.lower() in known else ""
            ),
        ):
            where = entry.where(problem.field) if problem.field else (entry.line, entry.col)
            findings.append(
                Finding.error(entry.path, where[0], where[1], problem.message, problem.fix)
            )
    return findings


def _inherited(entry: Entry, known: Mapping[str, Entry], depth: int = 0) -> dict[str, str]:
    parent = known.get(entry.fields.get("crossref", "").strip().lower())
    if parent is None or parent is entry or depth > 8:
        return entry.fields
    parent_fields = _inherited(parent, known, depth + 1)
    return inherited_fields(entry.type, entry.fields, parent.type, parent_fields)


def _field_names(entry: Entry, names: list[tuple[str, int]]) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[str] = set()
    for name, line in names:
        if name != name.lower():
            findings.append(
                Finding.error(
                    entry.path,
                    line,
                    1,
                    f"field name '{name}' in @{entry.key} is not lower-case",
                    f"write '{name.lower()}'",
                )
            )
        if name.lower() in seen:
            findings.append(
                Finding.error(
                    entry.path,
                    line,
                    1,
                    f"field '{name.lower()}' appears twice in @{entry.key}",
                    "keep one",
                )
            )
        seen.add(name.lower())
    return findings


def _entry(entry: Entry) -> list[Finding]:
    findings: list[Finding] = []

    def report(where: tuple[int, int], message: str, fix: str) -> None:
        findings.append(Finding.error(entry.path, where[0], where[1], message, fix))

    here = (entry.line, entry.col)
    if not KEY_RE.match(entry.key):
        report(
            here,
            f"key '{entry.key}' does not follow the convention surnameYYYY[suffix]",
            "use the first author's surname in lower case, the year and an optional letter, "
            "e.g. ost2018 or oquinena2009b (change the citations too)",
        )
    unconfirmed = entry.listed("x-unconfirmed")
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
    files: Mapping[str, str | bytes], cited: Mapping[str, Iterable[tuple[str, Citation]]]
) -> list[Finding]:
    """Lint every `.bib` (path -> text) and cross-check the citations (key -> [(path, cite)])."""
    findings: list[Finding] = []
    entries: list[Entry] = []
    unreadable = False
    for path, source in files.items():
        found, problems = read_bibliography(path, source)
        entries += found
        findings += problems
        unreadable = unreadable or (not found and bool(problems))
    if unreadable:
        return findings  # every key would look unknown; fix the syntax first
    findings += rule_findings(entries)

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
    return [Finding.error(path, cite.line, cite.col, message, fix) for path, cite in uses]
