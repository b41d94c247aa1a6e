"""Machine-readable facts about a cited entry (for JSON-LD and similar), not its display."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from pybtex.backends.plaintext import Backend as PlainTextBackend
from pybtex.richtext import Text

if TYPE_CHECKING:
    from .bibliography import Entry

IDENTIFIER_FIELDS = ("doi", "pmid", "pmcid", "url")
# One backend for every call: `render_as("text")` looks the backend up through the installed
# packages' entry points each time, which cost seconds per build.
PLAIN_TEXT = PlainTextBackend()


def entry_metadata(entry: Entry) -> dict[str, str]:
    """``{key, title, doi, pmid, pmcid, url}`` with LaTeX markup decoded; absent fields left out."""
    fields = entry.data.fields
    facts = {"key": entry.key, "title": plain_text(fields.get("title", ""))}
    for name in IDENTIFIER_FIELDS:
        value = fields.get(name, "").strip()
        if value:
            facts[name] = value
    return facts


@lru_cache(maxsize=4096)
def plain_text(latex: str) -> str:
    """``{Taiwan} \\& {M{\\"u}ller}`` -> ``Taiwan & Müller``."""
    return Text.from_latex(latex).render(PLAIN_TEXT) if latex else ""
