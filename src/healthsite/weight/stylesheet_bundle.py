"""One stylesheet instead of several: the site's CSS files joined in their order.

Each render-blocking stylesheet costs a phone on a slow network a request before the first
paint, so the site's own files (listed in mkdocs.yml's ``extra_css``) are served as one file.
Joining is exact: the rules keep their order, so the cascade is the one of separate files.
``@import`` and ``@charset`` are only valid at the top of a stylesheet, so a source that uses
them cannot be joined and is an error naming its line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

# An at-rule that must come first in a stylesheet: `@import` or `@charset` (any case).
TOP_ONLY_AT_RULE = re.compile(r"@(?:import|charset)\b", re.IGNORECASE)
# A comment, so that an at-rule inside one is not mistaken for a rule.
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


@dataclass(frozen=True)
class BundleError(Exception):
    """A source that cannot be joined: where and why."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def join_stylesheets(sources: Sequence[tuple[str, str]]) -> str:
    """``(path, css)`` pairs as one stylesheet, each under a comment naming its file."""
    parts = []
    for path, css in sources:
        _check(path, css)
        parts.append(f"/* {path} */\n{css.rstrip()}\n")
    return "\n".join(parts)


def _check(path: str, css: str) -> None:
    """Raise `BundleError` for an ``@import`` or ``@charset`` outside comments."""
    blanked = COMMENT.sub(lambda match: re.sub(r"[^\n]", " ", match.group()), css)
    found = TOP_ONLY_AT_RULE.search(blanked)
    if found:
        line = blanked.count("\n", 0, found.start()) + 1
        raise BundleError(
            path,
            line,
            f"{found.group()} cannot be joined into the site's one stylesheet; "
            "copy the imported rules into the file instead",
        )
