"""What an article is: `<docs_dir>/articles/<slug>.<language>.md` in one of the site's languages.

The one answer to "is this file an article?", used by the build hooks, `make check`, the
tests and the benchmarks. `articles/index.<language>.md` is the list of articles, not one.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from .findings import Finding

#: The folder, under `docs_dir`, that holds the articles.
ARTICLES_DIR = "articles"


def language_parts(filename: str) -> tuple[str, str] | None:
    """`x.en.md` -> (`x`, `en`); None for names without a language suffix."""
    parts = filename.split(".")
    if len(parts) < 3 or parts[-1] != "md":
        return None
    return ".".join(parts[:-2]), parts[-2]


def article_parts(src_uri: str, languages: Collection[str]) -> tuple[str, str] | None:
    """(slug, language) when `src_uri` (relative to docs_dir, `/`-separated) is an article."""
    folder, _, name = src_uri.rpartition("/")
    parts = language_parts(name)
    if folder != ARTICLES_DIR or parts is None or parts[0] == "index":
        return None
    return parts if parts[1] in languages else None


#: An article slug: ASCII lower-case words joined by single hyphens (`liver-cancer`).
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slug_finding(path: str, slug: str) -> Finding | None:
    """An error at `path:1:1` when the article's file name is not a valid slug (spaces,
    capitals, CJK or other characters end up percent-encoded in the page's address)."""
    if SLUG_RE.match(slug):
        return None
    suggestion = "-".join(re.findall(r"[a-z0-9]+", slug.lower()))
    rename = (
        f"rename it to {suggestion}.<language>.md"
        if suggestion and suggestion.isascii()
        else "rename it to a short English slug such as liver-cancer.<language>.md"
    )
    return Finding.error(
        path,
        1,
        1,
        f"article file name '{slug}' is not a slug (ASCII lower-case letters, digits and hyphens)",
        f"{rename} in every language, and set `slug:` to the same",
    )
