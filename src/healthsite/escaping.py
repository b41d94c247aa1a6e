"""Which theme templates are autoescaped, and how `tojson` writes JSON-LD.

MkDocs' Jinja environment does not autoescape (Material's templates insert rendered Markdown
as HTML). The templates listed here print values from front matter, BibTeX, the glossary or
configuration, so they are autoescaped: a title such as ``</title><svg onload=…>`` is text.
"""

from __future__ import annotations

from collections.abc import Callable

#: Our templates, and Material's partials that print page titles (front matter `title`) in
#: navigation, breadcrumbs, tabs and the previous/next footer. (`partials/article-content.html`
#: inserts the rendered Markdown and is not autoescaped.)
AUTOESCAPED_TEMPLATES = frozenset(
    {
        "main.html",
        "404.html",
        "partials/header.html",
        "partials/article-head-links.html",
        "partials/article-review.html",
        "partials/article-disclaimer.html",
        "partials/article-cite.html",
        "partials/article-changes.html",
        "partials/article-report.html",
        "partials/translation-outdated.html",
        "partials/nav-item.html",
        "partials/path-item.html",
        "partials/tabs-item.html",
        "partials/footer.html",
    }
)
#: `tojson` for JSON-LD: compact UTF-8 (Jinja still escapes < > & ' as \\u003c and so on, so
#: no value can end the <script> element or open an HTML comment).
JSON_DUMPS = {"ensure_ascii": False, "separators": (",", ":"), "sort_keys": False}


def autoescape(fallback: bool | Callable[[str | None], bool]) -> Callable[[str | None], bool]:
    """Jinja's `autoescape` setting: on for `AUTOESCAPED_TEMPLATES`, else as `fallback`."""

    def decide(name: str | None) -> bool:
        if name in AUTOESCAPED_TEMPLATES:
            return True
        return fallback(name) if callable(fallback) else bool(fallback)

    return decide
