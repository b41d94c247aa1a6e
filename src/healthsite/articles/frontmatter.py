"""Read and check an article's front matter (the agreed schema in CONTRIBUTING.md).

Plain functions, no MkDocs: ``read_article(meta)`` returns the typed article data and the
problems an author can fix, each tied to the front-matter key it concerns.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from healthsite.articles.dates import parse_date

REVIEW_STATUSES = ("awaiting-clinical-review", "clinically-reviewed")
# A front-matter key at the start of a line: `last_reviewed: 2026-11-22`.
KEY_LINE = r"^{key}\s*:"


@dataclass(frozen=True)
class Change:
    """One dated line in "Changes to this article"."""

    date: dt.date
    summary: str


@dataclass
class Article:
    """An article page's front matter, checked and typed."""

    title: str
    description: str
    slug: str
    last_reviewed: dt.date
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


@dataclass(frozen=True)
class Problem:
    """Something wrong with one front-matter key, and how to fix it."""

    key: str
    message: str


def is_article(url: str, meta: Mapping[str, object], articles_prefix: str) -> bool:
    """Article pages live under `articles/` and carry a `last_reviewed` date."""
    return "last_reviewed" in meta and articles_prefix in f"/{url}"


def read_article(meta: Mapping[str, object], title: str) -> tuple[Article, list[Problem]]:
    """The article data from `meta`; missing or bad values are reported, never guessed at."""
    problems: list[Problem] = []

    def date(key: str, *, required: bool = True) -> dt.date | None:
        if key not in meta:
            if required:
                problems.append(Problem(key, f"'{key}' is missing; add '{key}: YYYY-MM-DD'"))
            return None
        value = parse_date(meta[key])
        if value is None:
            problems.append(Problem(key, f"'{key}' is not a date: {meta[key]!r}; use YYYY-MM-DD"))
        return value

    def text(key: str) -> str:
        value = meta.get(key)
        if not isinstance(value, str) or not value.strip():
            problems.append(Problem(key, f"'{key}' is missing; add a one-line '{key}:'"))
            return ""
        return value.strip()

    last_reviewed = date("last_reviewed")
    next_review = date("next_review")
    date_published = date("date_published")
    status = str(meta.get("review_status", ""))
    reviewed_by = meta.get("reviewed_by")
    if status not in REVIEW_STATUSES:
        problems.append(
            Problem(
                "review_status",
                f"review_status {status!r} is unknown; use one of {', '.join(REVIEW_STATUSES)}",
            )
        )
    elif status == "clinically-reviewed" and not reviewed_by:
        problems.append(
            Problem(
                "review_status",
                "review_status is 'clinically-reviewed' but 'reviewed_by' is missing; "
                "add 'reviewed_by: Name, credentials'",
            )
        )
    translated_from = meta.get("translated_from")
    translated_on = date("translated_on", required=bool(translated_from))
    if translated_on and not translated_from:
        problems.append(
            Problem("translated_on", "'translated_on' without 'translated_from'; add the source")
        )
    article = Article(
        title=title,
        description=text("description"),
        slug=text("slug"),
        last_reviewed=last_reviewed or dt.date.min,
        next_review=next_review,
        review_status=status,
        reviewed_by=str(reviewed_by) if reviewed_by else None,
        date_published=date_published or last_reviewed or dt.date.min,
        changes=_changes(meta.get("changes"), problems),
        translated_from=str(translated_from) if translated_from else None,
        translated_on=translated_on,
    )
    return article, problems


def key_line(source: str, key: str) -> int:
    """1-based line of `key:` in a Markdown file's front matter (1 if it is not there)."""
    pattern = re.compile(KEY_LINE.format(key=re.escape(key)))
    for number, line in enumerate(source.splitlines(), start=1):
        if number > 1 and line.strip() == "---":
            break
        if pattern.match(line):
            return number
    return 1


def _changes(value: object, problems: list[Problem]) -> list[Change]:
    """`changes:` entries, newest first."""
    if value is None:
        problems.append(Problem("changes", "'changes' is missing; add '- date: …, summary: …'"))
        return []
    if not isinstance(value, list):
        problems.append(Problem("changes", "'changes' must be a list of {date, summary} entries"))
        return []
    changes = []
    for number, entry in enumerate(value, start=1):
        when = parse_date(entry.get("date")) if isinstance(entry, Mapping) else None
        summary = entry.get("summary") if isinstance(entry, Mapping) else None
        if when is None or not isinstance(summary, str) or not summary.strip():
            problems.append(
                Problem("changes", f"changes entry {number} needs a 'date' and a 'summary'")
            )
            continue
        changes.append(Change(when, summary.strip()))
    return sorted(changes, key=lambda change: change.date, reverse=True)
