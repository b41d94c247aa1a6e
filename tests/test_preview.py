"""`make preview` (`mkdocs serve --dirty --no-strict`): changed pages rebuilt, the rest kept."""

from __future__ import annotations

import marshal
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config

EDITED = "docs/articles/liver-cancer-spontaneous-regression.zh-Hant.md"
EDITED_URL = "articles/liver-cancer-spontaneous-regression/index.html"
UNTOUCHED_URL = "en/articles/bone-metastases-radiotherapy-immunity/index.html"
INDEX = "pagefind/pagefind-entry.json"
CITATION_CACHE = ".cache/citations/entries.marshal"


def _serve_build(project: Path, site_dir: Path) -> None:
    """One rebuild as `mkdocs serve --dirty --no-strict` runs it: a freshly loaded config."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir), strict=False)
    build(config, dirty=True)


def test_preview_rebuilds_the_saved_page_and_keeps_the_rest(
    copy_of_repo: Path, tmp_path: Path, build_mode
) -> None:
    build_mode.remember_startup(dirty=False)
    site_dir = tmp_path / "served"
    first = load_config(str(copy_of_repo / "mkdocs.yml"), site_dir=str(site_dir), strict=False)
    first.plugins.on_startup(command="serve", dirty=True)  # once per process, as serve does
    build(first, dirty=True)
    index_written = (site_dir / INDEX).stat().st_mtime_ns
    untouched = (site_dir / UNTOUCHED_URL).read_bytes()
    pages_cached = _cached_pages(copy_of_repo)

    article = copy_of_repo / EDITED
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("\n## ", "\n預覽測試段落。\n\n## ", 1), encoding="utf-8")
    _serve_build(copy_of_repo, site_dir)

    edited = (site_dir / EDITED_URL).read_text(encoding="utf-8")
    assert "預覽測試段落" in edited
    assert 'class="bibliography' in edited  # citations still resolved on the rebuilt page
    assert (site_dir / UNTOUCHED_URL).read_bytes() == untouched
    assert (site_dir / INDEX).stat().st_mtime_ns == index_written  # not indexed again
    # the citation cache still holds the rendered citations of the pages this rebuild skipped
    assert len(pages_cached) >= 4  # both articles in both languages
    assert pages_cached <= _cached_pages(copy_of_repo)


def _cached_pages(project: Path) -> set[str]:
    return set(marshal.loads((project / CITATION_CACHE).read_bytes())["pages"])


def test_a_dirty_build_into_an_empty_folder_still_indexes(
    copy_of_repo: Path, tmp_path: Path, build_mode
) -> None:
    build_mode.remember_startup(dirty=True)
    _serve_build(copy_of_repo, tmp_path / "served")
    assert (tmp_path / "served" / INDEX).is_file()
