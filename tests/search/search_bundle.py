"""Read a built Pagefind bundle without a browser: its languages and what each page indexed."""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

#: Pagefind prefixes its decompressed files with this signature.
SIGNATURE = b"pagefind_dcd"
#: Pagefind's Chinese segmentation shows in the stored text as zero-width spaces between words.
SEGMENT_MARK = "\u200b"


@dataclass(frozen=True)
class Fragment:
    """One indexed page: its language (from the file name), URL, title and indexed text."""

    language: str
    url: str
    title: str
    content: str


def entry(site_dir: Path) -> dict:
    """`pagefind/pagefind-entry.json`: version and languages with their page counts."""
    return json.loads((site_dir / "pagefind" / "pagefind-entry.json").read_text("utf-8"))


def fragments(site_dir: Path) -> list[Fragment]:
    """Every page Pagefind indexed, with the text it will search and show in excerpts."""
    found = []
    for path in sorted((site_dir / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(SIGNATURE), f"{path}: not a Pagefind fragment"
        record = json.loads(data[len(SIGNATURE) :])
        language = path.name.split("_", 1)[0]  # "zh-hant_a790e44.pf_fragment"
        content = record["content"].replace(SEGMENT_MARK, "")
        found.append(Fragment(language, record["url"], record["meta"].get("title", ""), content))
    return found
