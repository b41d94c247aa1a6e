"""Compare a bibliography entry with what Crossref and PubMed say about it.

Every finding is placed at the entry's `@type{key,` line, so it reads like compiler output:
`bibliography/references.bib:42:10: error: title of @ost2018 does not match …; fix`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from pybtex.database import Person

from healthsite.citations.names import split_names
from healthsite.content.bibliography import DOI_RE, PMID_RE, Entry
from healthsite.content.findings import Finding, Severity

from .normalize import (
    journal_variants,
    journals_match,
    normalize_journal,
    normalize_title,
    plain,
    surname_key,
)
from .records import Record

DOI = "doi"
PMID = "pmid"
#: A year as written in an entry (`2018`, `{2018}`).
YEAR_RE = re.compile(r"\d{4}")


def identifiers(entry: Entry) -> dict[str, str]:
    """The entry's well-formed DOI and PMID (malformed ones are `make check`'s to report)."""
    found = {}
    doi = entry.fields.get(DOI, "").strip()
    if DOI_RE.match(doi):
        found[DOI] = doi
    pmid = entry.fields.get(PMID, "").strip()
    if PMID_RE.match(pmid):
        found[PMID] = pmid
    return found


def unchecked(entry: Entry) -> Finding | None:
    """A notice for an entry that is not checked: marked x-unverified, or without DOI and PMID."""
    reason = entry.fields.get("x-unverified")
    if reason is not None:
        return _at(
            entry,
            "notice",
            f"@{entry.key} is marked x-unverified ({plain(reason)}): "
            "not checked against a registry",
            "verify it against PubMed or the publisher, then remove x-unverified",
        )
    if not identifiers(entry):
        return _at(
            entry,
            "notice",
            f"@{entry.key} has no DOI or PMID: not checked against a registry",
            "add doi = {…} or pmid = {…} if the source has one",
        )
    return None


def check_entry(
    entry: Entry, found: Mapping[str, Record | None], cited_at: Sequence[str]
) -> list[Finding]:
    """Findings for one entry. `found` maps `doi`/`pmid` to the registry's record, or to None
    when the registry does not have that identifier; `cited_at` lists `path:line` of its uses."""
    findings: list[Finding] = []
    ids = identifiers(entry)
    records: list[Record] = []
    for kind, value in ids.items():
        if kind not in found:
            continue
        record = found[kind]
        if record is None:
            findings.append(_missing(entry, kind, value))
        else:
            records.append(record)
    crossref = found.get(DOI)
    pubmed = found.get(PMID)
    if crossref is not None and pubmed is not None:
        mismatch = _different_papers(entry, crossref, pubmed)
        if mismatch:
            findings.append(mismatch)
    for record in records:
        findings += _fields(entry, record)
    retracted = [record.retraction for record in records if record.retraction]
    if retracted:
        findings.append(_retracted(entry, retracted, cited_at))
    if pubmed is not None and DOI not in ids and pubmed.doi:
        findings.append(
            _at(
                entry,
                "notice",
                f"@{entry.key} has no DOI, but {pubmed.label} gives {pubmed.doi}",
                f"add doi = {{{pubmed.doi}}}",
            )
        )
    return findings


def _missing(entry: Entry, kind: str, value: str) -> Finding:
    if kind == DOI:
        return _at(
            entry,
            "error",
            f"DOI {value} of @{entry.key} does not exist (Crossref has no such DOI)",
            "copy the DOI from the publisher's page or PubMed, or remove it",
        )
    return _at(
        entry,
        "error",
        f"PMID {value} of @{entry.key} does not exist (PubMed has no such PMID)",
        "copy the PMID from the article's PubMed page, or remove it",
    )


def _different_papers(entry: Entry, crossref: Record, pubmed: Record) -> Finding | None:
    """The DOI's work and the PMID's record are not the same paper."""
    if pubmed.doi:
        same = pubmed.doi.casefold() == crossref.identifier.casefold()
    else:
        same = normalize_title(pubmed.title) == normalize_title(crossref.title)
    if same:
        return None
    pubmed_doi = f", DOI {pubmed.doi}" if pubmed.doi else ""
    return _at(
        entry,
        "error",
        f"DOI {crossref.identifier} and PMID {pubmed.identifier} of @{entry.key} point to "
        f"different papers: the DOI is '{crossref.title}', the PMID is '{pubmed.title}'"
        f"{pubmed_doi}",
        "keep the identifier of the paper you cite and correct the other",
    )


def _fields(entry: Entry, record: Record) -> list[Finding]:
    """Title, first author, year and journal of the entry against one record."""
    findings: list[Finding] = []
    title = entry.fields.get("title")
    if title and record.title and normalize_title(title) != normalize_title(record.title):
        findings.append(
            _at(
                entry,
                "error",
                f"title of @{entry.key} does not match {record.label}: '{record.title}'",
                "copy the title from the record, or correct the identifier if it names "
                "another paper",
            )
        )
    findings += _first_author(entry, record)
    findings += _year(entry, record)
    journal = entry.fields.get("journal")
    if journal and record.journals and entry.type == "article":
        wanted = set().union(*(journal_variants(j) for j in record.journals))
        ours = normalize_journal(journal)
        if not any(journals_match(ours, theirs) for theirs in wanted):
            names = "' or '".join(dict.fromkeys(record.journals))
            findings.append(
                _at(
                    entry,
                    "error",
                    f"journal of @{entry.key} is '{plain(journal)}', but {record.label} "
                    f"has '{names}'",
                    "write the journal's full or abbreviated title as the record gives it",
                )
            )
    return findings


def _first_author(entry: Entry, record: Record) -> list[Finding]:
    names = split_names(entry.fields.get("author", ""))
    registry = record.first_author
    if not names or registry is None or not registry.family:
        return []  # no authors, or an organization in the registry
    if names[0].startswith("{"):
        return []  # a corporate author in the entry
    person = Person(names[0])
    surname = " ".join(person.prelast_names + person.last_names)
    ours, theirs = surname_key(surname), surname_key(registry.family)
    if not ours or ours == theirs or theirs.endswith(ours) or ours.endswith(theirs):
        return []
    return [
        _at(
            entry,
            "error",
            f"first author of @{entry.key} is '{plain(surname)}', but {record.label} "
            f"has '{registry.family}'",
            "copy the authors from the record, in its order, or correct the identifier",
        )
    ]


def _year(entry: Entry, record: Record) -> list[Finding]:
    match = YEAR_RE.search(entry.fields.get("year", ""))
    if match is None or record.year is None:
        return []
    year = int(match[0])
    if year == record.year:
        return []
    if year in record.other_years and abs(year - record.year) <= 1:
        return [
            _at(
                entry,
                "notice",
                f"year of @{entry.key} is {year}, the online-first year; {record.label} "
                f"dates the print issue {record.year}",
                f"the print year is usual: year = {{{record.year}}}",
            )
        ]
    return [
        _at(
            entry,
            "error",
            f"year of @{entry.key} is {year}, but {record.label} says {record.year}",
            f"write year = {{{record.year}}}, or correct the identifier if it names another paper",
        )
    ]


def _retracted(entry: Entry, reasons: list[str], cited_at: Sequence[str]) -> Finding:
    where = f"cited at {', '.join(cited_at)}" if cited_at else "not cited by any page"
    return _at(
        entry,
        "error",
        f"@{entry.key} is retracted ({'; '.join(reasons)}); {where}",
        "remove the citations and the entry, or cite the retraction notice where the "
        "retraction itself is the point",
    )


def _at(entry: Entry, severity: Severity, message: str, fix: str) -> Finding:
    return Finding(entry.path, entry.line, entry.col, severity, message, fix)
