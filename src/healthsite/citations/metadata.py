"""Machine-readable facts about a cited entry (for JSON-LD and similar), not its display."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .latex import SAFE_LINK_RE, decode_latex

if TYPE_CHECKING:
    from .bibliography import Entry

IDENTIFIER_FIELDS = ("doi", "pmid", "pmcid", "url")
#: Where each identifier links to (the bibliography's links and JSON-LD's addresses).
LINK_URLS = {
    "doi": "https://doi.org/{value}",
    "pmid": "https://pubmed.ncbi.nlm.nih.gov/{value}/",
    "pmcid": "https://pmc.ncbi.nlm.nih.gov/articles/{value}/",
    "url": "{value}",
}


def entry_metadata(entry: Entry) -> dict[str, str]:
    """``{key, title, doi, pmid, pmcid, url}`` with LaTeX markup decoded; absent fields left out,
    and so is a ``url`` that is not an http, https or mailto link (``entry_rules`` reports it)."""
    fields = entry.data.fields
    facts = {"key": entry.key, "title": plain_text(fields.get("title", ""))}
    for name in IDENTIFIER_FIELDS:
        value = fields.get(name, "").strip()
        if name == "url":
            value = value.removeprefix("\\url{").removesuffix("}") if value else value
            if not SAFE_LINK_RE.match(value):
                continue
        if value:
            facts[name] = value
    return facts


def plain_text(latex: str) -> str:
    """``{Taiwan} \\& {M{\\"u}ller}`` -> ``Taiwan & Müller``."""
    return decode_latex(latex) if latex else ""
