"""Registry answers as `Record`s: a Crossref work (`/works/{DOI}`) and PubMed document summaries
(E-utilities `esummary.fcgi?db=pubmed&retmode=json`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .normalize import expand_pages, plain, pubmed_surname

CROSSREF = "Crossref"
PUBMED = "PubMed"
#: A year at the start of a PubMed date: `2016 Mar`, `2015 Dec 1`, `2018 Winter`.
YEAR_RE = re.compile(r"^\s*(\d{4})")
#: Crossref `type` -> BibTeX entry type.
CROSSREF_TYPES = {
    "journal-article": "article",
    "book": "book",
    "monograph": "book",
    "book-chapter": "incollection",
    "proceedings-article": "inproceedings",
    "report": "report",
}
#: ISO 639 codes (Crossref two-letter, PubMed three-letter) -> `langid`.
LANGUAGES = {"en": "english", "eng": "english", "zh": "chinese", "chi": "chinese"}


@dataclass(frozen=True)
class Author:
    """A person (`family`, `given`) or an organization (`name` only)."""

    family: str = ""
    given: str = ""
    name: str = ""

    @property
    def surname(self) -> str:
        return self.family or self.name


@dataclass
class Record:
    """What a registry says about one paper."""

    source: str  # CROSSREF or PUBMED
    identifier: str  # the DOI or PMID asked for
    type: str = "article"
    title: str = ""
    authors: list[Author] = field(default_factory=list)
    journals: list[str] = field(default_factory=list)  # full title first, then abbreviations
    year: int | None = None  # of the print issue (or the only date known)
    other_years: set[int] = field(default_factory=set)  # online-first, issued
    volume: str = ""
    number: str = ""
    pages: str = ""
    publisher: str = ""
    doi: str = ""
    pmid: str = ""
    pmcid: str = ""
    language: str = ""
    retraction: str = ""  # what says it is retracted, empty if it is not

    @property
    def label(self) -> str:
        """`Crossref DOI 10.1/x` or `PubMed PMID 123`, as messages name it."""
        kind = "DOI" if self.source == CROSSREF else "PMID"
        return f"{self.source} {kind} {self.identifier}"

    @property
    def first_author(self) -> Author | None:
        return self.authors[0] if self.authors else None


def crossref_record(doi: str, message: Mapping[str, Any]) -> Record:
    """A Crossref work (the `message` of `/works/{DOI}`)."""
    record = Record(CROSSREF, doi, doi=str(message.get("DOI") or doi))
    record.type = CROSSREF_TYPES.get(str(message.get("type", "")), "misc")
    titles = [plain(t) for t in message.get("title") or [] if t]
    subtitles = [plain(t) for t in message.get("subtitle") or [] if t]
    if titles:
        record.title = titles[0] + (f": {subtitles[0]}" if subtitles else "")
    authors = list(message.get("author") or [])
    authors.sort(key=lambda a: 0 if a.get("sequence") == "first" else 1)  # stable
    record.authors = [
        Author(plain(a.get("family", "")), plain(a.get("given", "")), plain(a.get("name", "")))
        for a in authors
        if a.get("family") or a.get("name")
    ]
    record.journals = [plain(t) for t in message.get("container-title") or [] if t]
    record.journals += [plain(t) for t in message.get("short-container-title") or [] if t]
    print_year = _crossref_year(message.get("published-print"))
    online_year = _crossref_year(message.get("published-online"))
    issued_year = _crossref_year(message.get("issued"))
    record.year = print_year or issued_year or online_year
    record.other_years = {y for y in (online_year, issued_year) if y and y != record.year}
    record.volume = str(message.get("volume") or "")
    record.number = str(message.get("issue") or "")
    pages = message.get("page") or message.get("article-number") or ""
    record.pages = expand_pages(str(pages)) if pages else ""
    record.publisher = plain(str(message.get("publisher") or ""))
    record.language = LANGUAGES.get(str(message.get("language") or "").lower(), "")
    for update in message.get("updated-by") or []:
        if str(update.get("type", "")).lower() in {"retraction", "removal", "withdrawal"}:
            when = _crossref_date(update.get("updated"))
            notice = update.get("DOI") or ""
            record.retraction = "Crossref: " + ", ".join(
                part
                for part in (
                    str(update.get("label") or update["type"]).lower(),
                    f"notice {notice}" if notice else "",
                    when,
                )
                if part
            )
            break
    return record


def pubmed_record(pmid: str, summary: Mapping[str, Any]) -> Record:
    """A PubMed document summary (one `result[pmid]` of esummary's JSON)."""
    record = Record(PUBMED, pmid, pmid=str(summary.get("uid") or pmid))
    title = plain(str(summary.get("title") or ""))
    if title.startswith("[") and title.rstrip(".").endswith("]"):
        title = title.rstrip(".")[1:-1]  # a translated title
    record.title = title.removesuffix(".")
    for author in summary.get("authors") or []:
        name = plain(str(author.get("name") or ""))
        if not name:
            continue
        if author.get("authtype", "Author") == "Author":
            surname = pubmed_surname(name)
            record.authors.append(Author(surname, name[len(surname) :].strip()))
        else:
            record.authors.append(Author(name=name))
    record.journals = [
        plain(str(summary[key])) for key in ("fulljournalname", "source") if summary.get(key)
    ]
    print_year = _pubmed_year(summary.get("pubdate"))
    online_year = _pubmed_year(summary.get("epubdate"))
    record.year = print_year or online_year
    record.other_years = {online_year} if online_year and online_year != record.year else set()
    record.volume = str(summary.get("volume") or "")
    record.number = str(summary.get("issue") or "")
    record.pages = expand_pages(str(summary.get("pages") or ""))
    for article_id in summary.get("articleids") or []:
        kind, value = article_id.get("idtype"), str(article_id.get("value") or "")
        if kind == "doi" and not record.doi:
            record.doi = value
        elif kind == "pmc" and not record.pmcid:
            record.pmcid = value
    languages = summary.get("lang") or []
    record.language = LANGUAGES.get(str(languages[0]).lower(), "") if languages else ""
    if "Retracted Publication" in (summary.get("pubtype") or []):
        record.retraction = "PubMed: publication type Retracted Publication"
    return record


def pubmed_records(payload: Mapping[str, Any], pmids: list[str]) -> dict[str, Record | None]:
    """esummary's JSON -> PMID -> record, or None for a PMID PubMed does not have."""
    result = payload.get("result") or {}
    found: dict[str, Record | None] = {}
    for pmid in pmids:
        summary = result.get(pmid)
        if not isinstance(summary, dict) or summary.get("error") or not summary.get("title"):
            found[pmid] = None
        else:
            found[pmid] = pubmed_record(pmid, summary)
    return found


def esearch_ids(payload: Mapping[str, Any]) -> list[str]:
    """The PMIDs an esearch JSON answer lists."""
    return [str(pmid) for pmid in (payload.get("esearchresult") or {}).get("idlist") or []]


def _crossref_year(date: Any) -> int | None:
    """The year of a Crossref date (`{"date-parts": [[2018, 2, 10]]}`)."""
    try:
        year = date["date-parts"][0][0]
    except (KeyError, IndexError, TypeError):
        return None
    return int(year) if year else None


def _crossref_date(date: Any) -> str:
    """`2020-05-05` from a Crossref date's parts or date-time, empty if there is none."""
    try:
        parts = [int(p) for p in date["date-parts"][0] if p is not None]
    except (KeyError, IndexError, TypeError, ValueError):
        parts = []
    if parts:
        return "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(parts))
    if isinstance(date, dict) and date.get("date-time"):
        return str(date["date-time"])[:10]
    return ""


def _pubmed_year(date: Any) -> int | None:
    match = YEAR_RE.match(str(date or ""))
    return int(match[1]) if match else None
