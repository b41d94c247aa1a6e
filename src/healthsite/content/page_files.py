"""Which Markdown files are one page: a file without a language suffix is the source language's.

mkdocs-static-i18n (suffix structure) reads `x.md` as the default language's version of `x`,
so `x.md` beside `x.zh-Hant.md` is the same page twice, and the plugin stops the build with a
traceback. `duplicate_pages` finds such pairs first, for the build and `make check` alike.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable

from .articles import language_parts
from .findings import Finding


def duplicate_pages(
    paths: Iterable[str], languages: Collection[str], source_language: str
) -> list[Finding]:
    """An error at each `x.md` (shown paths, `/`-separated) whose `x.<source>.md` exists too."""
    paths = list(paths)
    present = set(paths)
    findings = []
    for path in paths:
        folder, _, name = path.rpartition("/")
        parts = language_parts(name)
        if not name.endswith(".md") or (parts is not None and parts[1] in languages):
            continue
        stem = name.removesuffix(".md")
        other = (
            f"{folder}/{stem}.{source_language}.md" if folder else f"{stem}.{source_language}.md"
        )
        if other in present:
            findings.append(
                Finding.error(
                    path,
                    1,
                    1,
                    f"'{path}' and '{other}' are the same page: a file without a language "
                    f"suffix is the {source_language} version",
                    f"keep one: move what you need into {other} and delete {path} (the build "
                    f"uses {other})",
                )
            )
    return findings
