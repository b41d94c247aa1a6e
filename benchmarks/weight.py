"""Page weight: bytes of article HTML, and what a first visit to an article downloads."""

from __future__ import annotations

import gzip
import re
import statistics
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

#: Font files referenced from stylesheets.
FONT_URL_RE = re.compile(r"url\(\s*['\"]?(?P<url>[^'\")]+\.(?:woff2?|ttf|otf)(?:\?[^'\")]*)?)")
GZIP_MAGIC = b"\x1f\x8b"


def gzip_size(data: bytes) -> int:
    """Bytes on the wire with gzip (level 6, what web servers use); already-compressed data
    (Pagefind's files) as is."""
    if data.startswith(GZIP_MAGIC):
        return len(data)
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def article_pages(site_dir: Path, slugs: list[str] | tuple[str, ...]) -> dict[str, list[Path]]:
    """Built article pages per language (zh-Hant at the root, English under ``en/``)."""
    return {
        "zh-Hant": [site_dir / "articles" / slug / "index.html" for slug in slugs],
        "en": [site_dir / "en" / "articles" / slug / "index.html" for slug in slugs],
    }


def html_weights(pages: list[Path]) -> dict[str, float]:
    """Median and max bytes, raw and gzipped."""
    raw = [page.stat().st_size for page in pages]
    packed = [gzip_size(page.read_bytes()) for page in pages]
    return {
        "median_raw": statistics.median(raw),
        "max_raw": max(raw),
        "median_gzip": statistics.median(packed),
        "max_gzip": max(packed),
    }


class _References(HTMLParser):
    """Collect what a browser fetches for a page: stylesheets, scripts, icons, images."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "link" and found.get("href"):
            rel = (found.get("rel") or "").split()
            if {"stylesheet", "icon", "preload", "modulepreload", "manifest"} & set(rel):
                self.urls.append(found["href"] or "")
        elif tag in ("script", "img", "source") and found.get("src"):
            self.urls.append(found["src"] or "")


def local_file(site_dir: Path, page: Path, url: str) -> Path | None:
    """The built file behind a same-site URL referenced from ``page``; None for other hosts."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or url.startswith("data:"):
        return None
    base = "/" + page.relative_to(site_dir).as_posix()
    target = unquote(urlsplit(urljoin(base, parts.path)).path).lstrip("/")
    path = site_dir / target
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() else None


def first_visit(site_dir: Path, page: Path) -> dict[str, object]:
    """Bytes of the page and every same-site file it references, fonts in its CSS included.

    Counted from the built folder by parsing the HTML (what the markup asks for, not what a
    browser would skip); external URLs are listed (there should be none).
    """
    parser = _References()
    parser.feed(page.read_text(encoding="utf-8"))
    files: dict[Path, None] = {page: None}
    external = []
    for url in parser.urls:
        path = local_file(site_dir, page, url)
        if path is None:
            if urlsplit(url).netloc:
                external.append(url)
            continue
        files[path] = None
        if path.suffix == ".css":
            for match in FONT_URL_RE.finditer(path.read_text(encoding="utf-8")):
                font = local_file(site_dir, path, match["url"])
                if font is not None:
                    files[font] = None
    sizes = {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in files}
    return {
        "raw": sum(len(data) for data in sizes.values()),
        "gzip": sum(gzip_size(data) for data in sizes.values()),
        "files": sorted(sizes),
        "external": external,
    }
