"""Search payload per language: what a reader downloads to search a built site (Pagefind).

    python benchmarks/search_payload.py site/        # JSON, one entry per indexed language

`search_payload_bytes(site_dir, language)` returns, raw (bytes on disk) and gzip (each file
compressed at level 9, as a compressing server would send it; never more than raw):

- ``index``: the whole index of that language (metadata, index chunks, fragments);
- ``runtime``: Pagefind's loader, worker, entry file and the language's wasm (shared code);
- ``first_search``: an upper bound for a reader's first search: the Pagefind loader, worker,
  entry file, language metadata and wasm, the largest index chunk, and the 20 largest fragments
  (the search box shows up to 20 results), plus the site's own search.js/search.css.
"""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Iterable
from pathlib import Path

BUNDLE = "pagefind"
RESULTS_SHOWN = 20
UI_FILES = ("assets/javascripts/search.js", "assets/stylesheets/search.css")
LOADER_FILES = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json")


def search_payload_bytes(site_dir: Path | str, language: str) -> dict[str, dict[str, int]]:
    """Index and first-search bytes of `language` ("zh-Hant" or "en") in a built site."""
    bundle = Path(site_dir) / BUNDLE
    entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    key = language.lower()
    if key not in entry["languages"]:
        raise KeyError(f"{bundle}: no index for {language!r} (have {sorted(entry['languages'])})")
    wasm = bundle / f"wasm.{entry['languages'][key]['wasm'] or 'unknown'}.pagefind"
    meta = sorted(bundle.glob(f"pagefind.{key}_*.pf_meta"))
    chunks = sorted(bundle.glob(f"index/{key}_*.pf_index"))
    fragments = sorted(bundle.glob(f"fragment/{key}_*.pf_fragment"))
    by_size = lambda paths: sorted(paths, key=lambda p: p.stat().st_size, reverse=True)  # noqa: E731
    first_search = [
        *(bundle / name for name in LOADER_FILES),
        *meta,
        wasm,
        *by_size(chunks)[:1],
        *by_size(fragments)[:RESULTS_SHOWN],
        *(Path(site_dir) / name for name in UI_FILES),
    ]
    return {
        "index": _sizes([*meta, *chunks, *fragments]),
        "runtime": _sizes([*(bundle / name for name in LOADER_FILES), wasm]),
        "first_search": _sizes(first_search),
        "files": {"index_chunks": len(chunks), "fragments": len(fragments)},
    }


def _sizes(paths: Iterable[Path]) -> dict[str, int]:
    raw = packed = 0
    for path in paths:
        data = path.read_bytes()
        raw += len(data)
        packed += min(len(data), len(gzip.compress(data, compresslevel=9, mtime=0)))
    return {"raw": raw, "gzip": packed}


def main(argv: list[str]) -> int:
    site_dir = Path(argv[1] if len(argv) > 1 else "site")
    entry = json.loads((site_dir / BUNDLE / "pagefind-entry.json").read_text("utf-8"))
    report = {language: search_payload_bytes(site_dir, language) for language in entry["languages"]}
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
