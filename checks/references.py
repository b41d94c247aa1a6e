"""`python -m checks verify-references` and `python -m checks add-reference ID` (online).

verify-references asks Crossref (DOIs) and PubMed (PMIDs) about every bibliography entry and
prints compiler-style findings; add-reference appends an entry made from a registry record.
A registry that does not answer gives `SKIPPED: …` and exit status 0, never a finding.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from healthsite.citations.entry_types import DOI_PREFIX_RE
from healthsite.content.bibliography import DOI_RE, Entry, read_bibliography
from healthsite.content.findings import Finding
from healthsite.references.bibtex_writer import entry_text, new_key
from healthsite.references.client import RegistryClient, RegistryUnavailable
from healthsite.references.compare import DOI, PMID, check_entry, identifiers, unchecked
from healthsite.references.records import (
    Record,
    crossref_record,
    esearch_ids,
    pubmed_records,
)

from .content import cited_keys
from .project import Project
from .report import emit, summary, unique

DEFAULT_BIB = "bibliography/references.bib"
#: `PMID: 123`, `pmid 123` or just `123`.
PMID_INPUT_RE = re.compile(r"^(?:pmid:?\s*)?(\d+)$", re.I)


@dataclass
class Output:
    """Where results (`out`) and progress or summaries (`err`) go."""

    out: TextIO
    err: TextIO
    github: bool = False


def verify_references(project: Project, client: RegistryClient, output: Output) -> int:
    """Check every entry of bibliography/*.bib; 1 if there are errors, 0 otherwise or SKIPPED."""
    entries, problems = _entries(project)
    if problems:
        emit(problems, output.out, github=output.github)
        print("verify-references: fix the BibTeX syntax first (make check)", file=output.err)
        return 1
    cited = {
        key: list(dict.fromkeys(f"{path}:{cite.line}" for path, cite in uses))
        for key, uses in cited_keys(project).items()
    }
    findings: list[Finding] = []
    to_check: list[Entry] = []
    for entry in entries:
        notice = unchecked(entry)
        if notice is not None:
            findings.append(notice)
        else:
            to_check.append(entry)
    dois = list(dict.fromkeys(identifiers(e)[DOI] for e in to_check if DOI in identifiers(e)))
    pmids = list(dict.fromkeys(identifiers(e)[PMID] for e in to_check if PMID in identifiers(e)))
    try:
        works = {doi.lower(): client.crossref_work(doi) for doi in dois}
        summaries = pubmed_records({"result": client.pubmed_summaries(pmids)}, pmids)
    except RegistryUnavailable as error:
        why = f"reference verification needs Crossref and PubMed; {error}"
        print(f"SKIPPED: {why}", file=output.out)
        return 0
    for entry in to_check:
        ids = identifiers(entry)
        found: dict[str, Record | None] = {}
        if DOI in ids:
            work = works[ids[DOI].lower()]
            found[DOI] = None if work is None else crossref_record(ids[DOI], work)
        if PMID in ids:
            found[PMID] = summaries[ids[PMID]]
        findings += check_entry(entry, found, cited.get(entry.key, []))
    findings = unique(findings)
    emit(findings, output.out, github=output.github)
    print(
        f"verify-references: {len(entries)} entries, {len(dois)} DOIs checked with Crossref, "
        f"{len(pmids)} PMIDs with PubMed; " + summary(findings).removeprefix("checks "),
        file=output.err,
    )
    return 1 if any(f.severity == "error" for f in findings) else 0


def add_reference(
    project: Project,
    identifier: str,
    client: RegistryClient,
    output: Output,
    *,
    today: dt.date,
    bib: str = DEFAULT_BIB,
) -> int:
    """Append an entry for a DOI or PMID to `bib`; 1 if it is already there or unknown."""
    doi, pmid = _parse_identifier(identifier)
    if not doi and not pmid:
        print(
            f"add-reference: '{identifier}' is neither a DOI (10.1234/…) nor a PMID (digits)",
            file=output.err,
        )
        return 2
    entries, problems = _entries(project)
    if problems:
        emit(problems, output.out, github=output.github)
        print("add-reference: fix the BibTeX syntax first (make check)", file=output.err)
        return 1
    duplicate = _duplicate(entries, doi, pmid)
    if duplicate:
        print(f"add-reference: {duplicate}; nothing added", file=output.err)
        return 1
    notes: list[str] = []
    try:
        record = _fetch(client, doi, pmid, notes)
    except RegistryUnavailable as error:
        print(f"SKIPPED: adding a reference needs the registry; {error}", file=output.out)
        return 0
    if record is None:
        registry = "Crossref has no such DOI" if doi else "PubMed has no such PMID"
        print(f"add-reference: {doi or pmid}: {registry}; check the identifier", file=output.err)
        return 1
    duplicate = _duplicate(entries, record.doi, record.pmid)
    if duplicate:
        print(f"add-reference: {duplicate}; nothing added", file=output.err)
        return 1
    key = new_key(record, [entry.key for entry in entries])
    sources = _sources(record)
    text = entry_text(key, record, sources, today)
    line = _append(project.root / bib, text)
    if record.retraction:
        notes.append(f"warning: this paper is retracted ({record.retraction})")
    for note in notes:
        print(f"add-reference: {note}", file=output.err)
    print(f"{bib}:{line}: added @{key} ({sources})", file=output.out)
    print(text, end="", file=output.out)
    return 0


def _entries(project: Project) -> tuple[list[Entry], list[Finding]]:
    """Every parsed entry, or the syntax errors that stop a file from being read."""
    entries: list[Entry] = []
    problems: list[Finding] = []
    for path in project.bib_files():
        found, findings = read_bibliography(path, project.read(path))
        if not found and findings:
            problems += findings
        entries += [entry for entry in found if entry.fields]
    return entries, problems


def _parse_identifier(text: str) -> tuple[str, str]:
    """(doi, pmid) from `10.1/x`, `https://doi.org/10.1/x`, `doi:10.1/x`, `123` or `PMID: 123`."""
    text = text.strip()
    doi = DOI_PREFIX_RE.sub("", text)
    if DOI_RE.match(doi):
        return doi, ""
    match = PMID_INPUT_RE.match(text)
    return ("", match[1]) if match else ("", "")


def _duplicate(entries: list[Entry], doi: str, pmid: str) -> str:
    for entry in entries:
        ids = identifiers(entry)
        where = f"@{entry.key} ({entry.path}:{entry.line})"
        if doi and ids.get(DOI, "").casefold() == doi.casefold():
            return f"DOI {doi} is already in the bibliography as {where}"
        if pmid and ids.get(PMID) == pmid:
            return f"PMID {pmid} is already in the bibliography as {where}"
    return ""


def _fetch(client: RegistryClient, doi: str, pmid: str, notes: list[str]) -> Record | None:
    """The record for a DOI (Crossref, plus its PMID from PubMed) or a PMID (PubMed, plus the
    Crossref work of its DOI); None if the registry does not have the identifier."""
    if doi:
        work = client.crossref_work(doi)
        if work is None:
            return None
        record = crossref_record(doi, work)
        try:
            found = esearch_ids(client.pubmed_search_doi(doi))
            summaries = pubmed_records({"result": client.pubmed_summaries(found)}, found)
        except RegistryUnavailable as error:
            notes.append(f"{error}; the PMID was not looked up")
            return record
        matches = [r for r in summaries.values() if r and r.doi.casefold() == doi.casefold()]
        return _merge(record, matches[0]) if len(matches) == 1 else record
    summaries = pubmed_records({"result": client.pubmed_summaries([pmid])}, [pmid])
    summary = summaries[pmid]
    if summary is None or not summary.doi:
        return summary
    try:
        work = client.crossref_work(summary.doi)
    except RegistryUnavailable as error:
        notes.append(f"{error}; fields are PubMed's only")
        return summary
    if work is None:
        notes.append(f"Crossref has no DOI {summary.doi} (PubMed gives it); kept it anyway")
        return summary
    return _merge(crossref_record(summary.doi, work), summary)


def _merge(crossref: Record, pubmed: Record) -> Record:
    """Crossref's fields (full names, journal capitalization) with PubMed's identifiers, and
    PubMed's value where Crossref has none."""
    for name in ("title", "volume", "number", "pages", "language"):
        if not getattr(crossref, name):
            setattr(crossref, name, getattr(pubmed, name))
    crossref.authors = crossref.authors or pubmed.authors
    crossref.journals = crossref.journals or pubmed.journals
    crossref.year = crossref.year or pubmed.year
    crossref.pmid, crossref.pmcid = pubmed.pmid, pubmed.pmcid
    crossref.retraction = crossref.retraction or pubmed.retraction
    return crossref


def _sources(record: Record) -> str:
    parts = []
    if record.doi and record.source == "Crossref":
        parts.append(f"Crossref record for DOI {record.doi}")
    if record.pmid:
        parts.append(f"PubMed record {record.pmid}")
    return " and ".join(parts)


def _append(path: Path, text: str) -> int:
    """Append `text` after a blank line; the line number of its `@type{key,`."""
    existing = path.read_text(encoding="utf-8") if path.exists() else ""
    prefix = "" if not existing else ("\n" if existing.endswith("\n") else "\n\n")
    updated = existing + prefix + text
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(updated, encoding="utf-8")
    start = len(existing) + len(prefix)
    return updated.count("\n", 0, start) + 1 + text.count("\n", 0, text.index("\n@") + 1)
