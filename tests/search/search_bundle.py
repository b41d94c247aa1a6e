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


#: A word of one language's index: the pages holding it (by fragment name, which is a hash of
#: the page's content), each with its word positions and weights as Pagefind stores them.
WordPages = dict[str, tuple[object, ...]]


def search_index(site_dir: Path) -> dict[str, tuple[list[list[object]], dict[str, WordPages]]]:
    """Per language: its pages (fragment name, word count) and every indexed word, read from
    the bundle's `pf_meta` and `pf_index` files. Pagefind numbers pages in the order it is
    given them, which the files' hashed names depend on; this view names pages by fragment
    instead, so two bundles that let a search find the same things compare equal."""
    bundle = site_dir / "pagefind"
    languages = {}
    for meta_path in bundle.glob("pagefind.*.pf_meta"):
        language = meta_path.name.split(".")[1].rsplit("_", 1)[0]
        _version, pages, chunks, *_rest = _read_cbor(meta_path)
        names = [page[0] for page in pages]
        words: dict[str, WordPages] = {}
        for chunk in chunks:  # [first word, last word, file name]
            for word, postings, *extra in _read_cbor(bundle / "index" / f"{chunk[2]}.pf_index")[0]:
                number, found = 0, {}
                for page_delta, *positions in postings:  # page numbers are delta-encoded
                    number += page_delta
                    found[names[number]] = (*_frozen(positions), *_frozen(extra))
                words[word] = found
        languages[language] = (sorted(pages), words)
    return languages


def _frozen(value: object) -> tuple[object, ...]:
    return tuple(_frozen(item) if isinstance(item, list) else item for item in value)  # type: ignore[attr-defined]


def _read_cbor(path: Path) -> object:
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(SIGNATURE), f"{path}: not a Pagefind file"
    value, end = _cbor(data, len(SIGNATURE))
    assert end == len(data), f"{path}: trailing bytes"
    return value


def _cbor(data: bytes, at: int) -> tuple[object, int]:
    """One CBOR item (RFC 8949: the integer, string, array and map types Pagefind writes)."""
    head = data[at]
    major, info = head >> 5, head & 31
    at += 1
    if info >= 28:
        raise ValueError(f"unsupported CBOR item {head:#x}")
    if info >= 24:
        size = 1 << (info - 24)
        info, at = int.from_bytes(data[at : at + size], "big"), at + size
    if major == 0:
        return info, at
    if major == 1:
        return -1 - info, at
    if major in (2, 3):
        raw = data[at : at + info]
        return (raw.decode("utf-8") if major == 3 else raw), at + info
    if major in (4, 5):
        items = []
        for _ in range(info * (2 if major == 5 else 1)):
            item, at = _cbor(data, at)
            items.append(item)
        return (dict(zip(items[::2], items[1::2], strict=True)) if major == 5 else items), at
    raise ValueError(f"unsupported CBOR major type {major}")
