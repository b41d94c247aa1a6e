"""The article front-matter schema: one set of rules for the build, `make check` and the tests.

`check_front_matter` reports every problem as a located `Finding`; `read_article` turns the same
front matter into the typed `Article` record that article pages show (never reporting: the
findings are the one place problems are told, so a build reports each of them once).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from .articles import language_parts
from .documents import Document
from .findings import Finding, Severity

#: An ISO calendar date, nothing else: 2026-11-22.
ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: The stored translation hash: 12 lower-case hex digits.
HASH_RE = re.compile(r"^[0-9a-f]{12}$")

REQUIRED = (
    "title",
    "description",
    "slug",
    "last_reviewed",
    "next_review",
    "review_status",
    "date_published",
)
TRANSLATION_FIELDS = ("translated_from", "translated_on", "translation_source_hash")
DATE_FIELDS = ("last_reviewed", "next_review", "date_published", "translated_on")
REVIEW_STATUSES = ("awaiting-clinical-review", "clinically-reviewed")
MATERIAL_FIELDS = ("hide", "template", "icon", "status", "search", "tags", "subtitle", "authors")
#: Fields MkDocs and Material understand; anything else is probably a typo.
KNOWN = frozenset((*REQUIRED, *TRANSLATION_FIELDS, "changes", "reviewed_by", *MATERIAL_FIELDS))


@dataclass(frozen=True)
class Change:
    """One dated line in "Changes to this article"."""

    date: dt.date
    summary: str


@dataclass
class Article:
    """An article page's front matter, typed (missing values fall back; see the findings)."""

    title: str
    description: str
    slug: str
    last_reviewed: dt.date | None
    next_review: dt.date | None
    review_status: str
    reviewed_by: str | None
    date_published: dt.date
    changes: list[Change] = field(default_factory=list)
    translated_from: str | None = None
    translated_on: dt.date | None = None

    @property
    def date_modified(self) -> dt.date:
        """The latest substantive change, or the publication date."""
        return max([self.date_published, *(change.date for change in self.changes)])

    @property
    def clinically_reviewed(self) -> bool:
        """True only when a named clinician has reviewed the article."""
        return self.review_status == "clinically-reviewed" and bool(self.reviewed_by)


def iso_date(value: Any) -> dt.date | None:
    """The date if `value` is a valid ISO date (YYYY-MM-DD text, or a YAML date), else None."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not ISO_DATE_RE.match(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def check_front_matter(
    path: str,
    document: Document,
    *,
    language: str,
    source_language: str,
    today: dt.date,
) -> list[Finding]:
    """Every schema problem in the front matter of the article at `path` (repo-relative)."""
    findings: list[Finding] = []

    def report(where: tuple[int, int], message: str, fix: str, severity: Severity = "error"):
        findings.append(Finding(path, where[0], where[1], severity, message, fix))

    template = f"templates/article.{language}.md"
    if not document.has_front_matter:
        report((1, 1), "article has no front matter", f"copy the block at the top of {template}")
        return findings
    if document.yaml_error is not None:
        error = document.yaml_error
        report(
            (error.line, error.col),
            f"front matter is not valid YAML: {error.problem}",
            "fix the YAML syntax (quote values that contain ': ' or start with a symbol)",
        )
        return findings

    data = document.data
    translation = language != source_language
    end = (document.front_matter_end_line, 1)
    required = REQUIRED + (TRANSLATION_FIELDS if translation else ())
    for name in required:
        if name not in data or data[name] in (None, ""):
            where = document.where(name) if name in data else end
            report(where, f"required field '{name}' is missing", f"add it; see {template}")

    for name in data:
        if name not in KNOWN:
            report(
                document.where(name),
                f"unknown front-matter field '{name}'",
                "check its spelling against " + template,
                "warning",
            )
    if not translation:
        for name in TRANSLATION_FIELDS:
            if name in data:
                report(
                    document.where(name),
                    f"'{name}' in a {source_language} (source-language) article",
                    "remove it; only translations record what they were translated from",
                )

    for name in ("title", "description", "reviewed_by"):
        if name in data and data[name] is not None and not isinstance(data[name], str):
            report(document.where(name), f"'{name}' is not text", "write it as a single line")

    dates: dict[str, dt.date] = {}
    for name in DATE_FIELDS:
        if data.get(name) in (None, ""):
            continue
        parsed = iso_date(data[name])
        if parsed is None:
            report(
                document.where(name),
                f"'{name}' is not an ISO date: '{data[name]}'",
                "write the date as YYYY-MM-DD, e.g. 2026-11-22",
            )
        else:
            dates[name] = parsed

    last, following = dates.get("last_reviewed"), dates.get("next_review")
    if last and following and following <= last:
        report(
            document.where("next_review"),
            f"next_review {following} is not after last_reviewed {last}",
            "set next_review to a later date (usually one year after last_reviewed)",
        )
    if following and following < today:
        report(
            document.where("next_review"),
            f"review overdue since {following}: '{data.get('title', path)}'",
            "review the article against current evidence, then update last_reviewed and "
            "next_review (and add a changes entry if anything changed)",
            "warning",
        )

    status = data.get("review_status")
    if status not in (None, "") and status not in REVIEW_STATUSES:
        report(
            document.where("review_status"),
            f"review_status '{status}' is not allowed",
            "use one of: " + ", ".join(REVIEW_STATUSES),
        )
    if status == "clinically-reviewed" and not data.get("reviewed_by"):
        report(
            document.where("review_status"),
            "review_status is clinically-reviewed but reviewed_by is missing",
            "add `reviewed_by: Name, credentials` of the clinician who reviewed it",
        )

    stem = language_parts(path.rsplit("/", 1)[-1])
    slug = data.get("slug")
    if stem and slug not in (None, "") and slug != stem[0]:
        report(
            document.where("slug"),
            f"slug '{slug}' does not match the file name '{stem[0]}'",
            f"set `slug: {stem[0]}` or rename the file (in both languages)",
        )

    if translation:
        source = data.get("translated_from")
        if source not in (None, "") and source != source_language:
            report(
                document.where("translated_from"),
                f"translated_from '{source}' is not the source language",
                f"set `translated_from: {source_language}`",
            )
        stored = data.get("translation_source_hash")
        if stored not in (None, "") and not HASH_RE.match(str(stored)):
            report(
                document.where("translation_source_hash"),
                f"translation_source_hash '{stored}' is not 12 hex digits",
                f"run `make mark-translated FILE={path}` after checking the translation",
            )

    _check_changes(document, report)
    return findings


def _check_changes(document: Document, report) -> None:
    changes = document.data.get("changes")
    if changes is None:
        return
    fix = "write each entry as `- date: YYYY-MM-DD` with `summary: what changed`"
    if not isinstance(changes, list):
        report(document.where("changes"), "'changes' is not a list", fix)
        return
    for index, entry in enumerate(changes):
        where = document.where("changes", index)
        if not isinstance(entry, dict):
            report(where, f"changes entry {index + 1} is not a date and summary", fix)
            continue
        if iso_date(entry.get("date")) is None:
            report(
                document.where("changes", index, "date"),
                f"changes entry {index + 1} has no ISO date (got '{entry.get('date')}')",
                fix,
            )
        summary = entry.get("summary")
        if not isinstance(summary, str) or not summary.strip():
            report(
                document.where("changes", index, "summary"),
                f"changes entry {index + 1} has no summary",
                fix,
            )


def read_article(data: Mapping[str, Any], title: str) -> Article:
    """The typed article record from front matter `data` (problems are `check_front_matter`'s)."""

    def text(name: str) -> str:
        value = data.get(name)
        return value.strip() if isinstance(value, str) else ""

    def date(name: str) -> dt.date | None:
        return iso_date(data.get(name))

    changes = []
    for entry in data.get("changes") or []:
        if isinstance(entry, Mapping):
            when, summary = iso_date(entry.get("date")), entry.get("summary")
            if when is not None and isinstance(summary, str) and summary.strip():
                changes.append(Change(when, summary.strip()))
    last_reviewed = date("last_reviewed")
    reviewed_by = data.get("reviewed_by")
    translated_from = data.get("translated_from")
    return Article(
        title=title,
        description=text("description"),
        slug=text("slug"),
        last_reviewed=last_reviewed,
        next_review=date("next_review"),
        review_status=text("review_status"),
        reviewed_by=str(reviewed_by) if reviewed_by else None,
        date_published=date("date_published") or last_reviewed or dt.date.min,
        changes=sorted(changes, key=lambda change: change.date, reverse=True),
        translated_from=str(translated_from) if translated_from else None,
        translated_on=date("translated_on"),
    )
