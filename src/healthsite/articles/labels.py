"""The texts an article page shows (``extra.article_page.labels.<lang>`` in mkdocs.yml).

One table: each label's name and the placeholders it may use. The hook validates the
configuration against it (MkDocs' config classes), so a missing label or a mistyped
placeholder stops the build at startup, not on a page.
"""

from __future__ import annotations

from collections.abc import Mapping

#: Label name -> the `{placeholders}` it may use. `date` and `vancouver_date` are CLDR date
#: patterns (Babel: "d MMMM y", "y年M月d日"); `language_names` maps language codes to names.
LABELS: Mapping[str, tuple[str, ...]] = {
    "about_article": (),
    "date": (),
    "published": (),
    "updated": (),
    "last_reviewed": (),
    "next_review": (),
    "review_status": (),
    "status_awaiting": (),
    "status_reviewed": ("name",),
    "translated": ("language", "date"),
    "language_names": (),
    "disclaimer_title": (),
    "disclaimer_text": (),
    "disclaimer_link": (),
    "report_error": (),
    "report_issue_title": ("title",),
    "report_issue_body": ("title", "url"),
    "cite_heading": (),
    "cite_vancouver": (),
    "cite_bibtex": (),
    "copy_button": (),
    "vancouver": ("title", "publisher", "published", "updated", "url"),
    "vancouver_date": (),
    "changes_heading": (),
    "colon": (),
}
#: Labels that are mappings rather than text.
MAPPING_LABELS = ("language_names",)


def placeholder_problem(name: str, text: str) -> str | None:
    """What is wrong with a pattern label's placeholders, or None."""
    allowed = LABELS.get(name, ())
    if not allowed:
        return None
    try:
        text.format(**dict.fromkeys(allowed, ""))
    except (KeyError, IndexError, ValueError) as error:
        return f"bad placeholder {error} in {text!r}; allowed: {', '.join(allowed)}"
    return None
