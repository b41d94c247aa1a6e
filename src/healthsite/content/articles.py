"""What an article is: `<docs_dir>/articles/<slug>.<language>.md` in one of the site's languages.

The one answer to "is this file an article?", used by the build hooks, `make check`, the
tests and the benchmarks. `articles/index.<language>.md` is the list of articles, not one.
"""

from __future__ import annotations

from collections.abc import Collection

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
