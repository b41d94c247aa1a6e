"""Dates on article pages, in the page's language, formatted by Babel (CLDR data).

Patterns are CLDR date patterns from configuration (``extra.article_page.labels.<lang>``):
``"y年M月d日"``, ``"d MMMM y"``, ``"y MMM d"``; Babel supplies the month names.
"""

from __future__ import annotations

import datetime as dt
from functools import cache, lru_cache

from babel import Locale, UnknownLocaleError
from babel.dates import format_date as babel_format_date


@cache
def babel_locale(language: str) -> Locale:
    """The Babel locale for a site language code such as ``zh-Hant`` or ``en``."""
    try:
        return Locale.parse(language, sep="-")
    except (ValueError, UnknownLocaleError):
        return Locale.parse("en")


@lru_cache(maxsize=4096)
def format_date(value: dt.date, pattern: str, language: str) -> str:
    """`value` written with a CLDR `pattern` in `language` (remembered: a site's pages
    share a few dates, and Babel formats each one anew)."""
    return babel_format_date(value, pattern, locale=babel_locale(language))
