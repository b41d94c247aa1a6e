"""Dates for article pages: read front-matter values, format them with language patterns.

Patterns come from configuration (``extra.article_page.labels.<lang>``), never from code:
``"{year}年{month}月{day}日"`` or ``"{day} {month_name} {year}"``. ``month_name`` and
``month_abbr`` are looked up in the ``month_names``/``month_abbr`` label lists.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence


def parse_date(value: object) -> dt.date | None:
    """A front-matter date (YAML gives ``date`` objects; quoted ISO strings also work)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def format_date(value: dt.date, pattern: str, labels: Mapping[str, object]) -> str:
    """Format `value` with a language pattern such as ``"{day} {month_name} {year}"``."""
    return pattern.format(
        year=value.year,
        month=value.month,
        day=value.day,
        month_name=_month(labels.get("month_names"), value.month),
        month_abbr=_month(labels.get("month_abbr"), value.month),
    )


def _month(names: object, month: int) -> str:
    """The month's name from a twelve-item label list, or its number without one."""
    if isinstance(names, Sequence) and not isinstance(names, str) and len(names) == 12:
        return str(names[month - 1])
    return str(month)
