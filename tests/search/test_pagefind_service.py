"""Pagefind's service as the build drives it: answers, refusals and a process that stops."""

from __future__ import annotations

import concurrent.futures
import json
import shutil
from pathlib import Path

import pytest

from healthsite.search.pagefind import (
    BackgroundIndex,
    PagefindError,
    executable,
    index_site,
    write_bundle,
)
from healthsite.search.service import PagefindService, ServiceError
from healthsite.search.site_index import SiteIndex

from .search_bundle import search_index

PAGE = (
    '<!doctype html><html lang="en"><head><title>{title}</title></head>'
    "<body><main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>"
)


def test_answers_arrive_without_a_polling_delay(tmp_path: Path):
    """400 requests answered in well under the 40 s that a 0.1 s poll per answer would take."""
    service = PagefindService(executable(), cwd=tmp_path)
    try:
        index = service.request({"type": "NewIndex", "config": {}}).result(timeout=30)
        futures = [
            service.request(
                {
                    "type": "AddFile",
                    "index_id": index["index_id"],
                    "file_path": f"page-{number}/index.html",
                    "url": None,
                    "file_contents": PAGE.format(title=f"Page {number}", text="kidney stones"),
                }
            )
            for number in range(400)
        ]
        done, _ = concurrent.futures.wait(futures, timeout=20)
        assert len(done) == 400
        assert futures[7].result()["page_url"] == "/page-7/"
    finally:
        service.close()


def test_a_refused_request_fails_its_future(tmp_path: Path):
    service = PagefindService(executable(), cwd=tmp_path)
    try:
        future = service.request({"type": "WriteFiles", "index_id": 99, "output_path": "x"})
        with pytest.raises(ServiceError):
            future.result(timeout=30)
    finally:
        service.close()


def test_a_service_that_stops_fails_what_waits(tmp_path: Path):
    service = PagefindService(Path("/bin/true"), cwd=tmp_path)
    try:
        with pytest.raises(ServiceError, match="stopped"):
            service.request({"type": "NewIndex", "config": {}}).result(timeout=30)
    finally:
        service.close()


def test_pages_handed_over_and_pages_on_disk_are_both_indexed(tmp_path: Path):
    """A page handed to `add_page` is indexed from the HTML given (what MkDocs is about to
    write); an HTML file the build wrote without handing it over is read from disk."""
    (tmp_path / "on-disk").mkdir()
    (tmp_path / "on-disk" / "index.html").write_text(
        PAGE.format(title="Disk", text="gallbladder"), "utf-8"
    )
    index = BackgroundIndex(tmp_path)
    index.add_page(tmp_path / "given" / "index.html", PAGE.format(title="Given", text="spleen"))
    report = index.finish()
    assert report.pages == 2 and report.languages == 1
    assert (tmp_path / "pagefind" / "pagefind-entry.json").is_file()


def test_a_failed_service_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/bin/true")
    index = BackgroundIndex(tmp_path)
    with pytest.raises(PagefindError, match="service"):
        index.add_page(tmp_path / "index.html", PAGE.format(title="A", text="b"))
    index.close()


def _page(language: str, title: str, text: str, *, body: bool = True) -> str:
    marker = " data-pagefind-body" if body else ""
    return (
        f'<!doctype html><html lang="{language}"><head><title>{title}</title></head>'
        f"<body><nav>menu</nav><main{marker}><h1>{title}</h1><p>{text}</p></main></body></html>"
    )


def _indexed_by_command_line(site: Path, copy: Path) -> dict:
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("pagefind"))
    index_site(copy)
    return search_index(copy)


@pytest.mark.parametrize("english_body", [True, False])
def test_languages_indexed_apart_equal_one_index(tmp_path: Path, english_body: bool):
    """Each language has its own service and the first is finished early; the bundle lets a
    search find what one index of the whole site finds, also when only one language marks
    `data-pagefind-body` (then the command line indexes the site)."""
    site = tmp_path / "site"
    pages = {
        "index.html": _page("zh-Hant", "腎結石", "多喝水可以預防腎結石"),
        "stones/index.html": _page("zh-Hant", "膽結石", "膽結石與飲食"),
        "en/index.html": _page("en", "Kidney stones", "drink water", body=english_body),
        "en/stones/index.html": _page("en", "Gallstones", "diet", body=english_body),
    }
    index = SiteIndex(site, [], other_languages=["en"])
    index.start()
    for name, html in pages.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        if name.startswith("en/"):
            index.finish_first_language()
        index.add_page(site / name, html)
        (site / name).write_text(html, "utf-8")
    index.finish()
    expected = _indexed_by_command_line(site, tmp_path / "copy")
    assert search_index(site) == expected
    # The body rule applies site-wide: English pages without the mark are not indexed at all.
    assert set(expected) == ({"zh-hant", "en"} if english_body else {"zh-hant"})


def test_a_shared_file_that_differs_is_refused(tmp_path: Path):
    entry = b'{"version":"1","languages":{"en":{"page_count":1}},"include_characters":[]}'
    other = b'{"version":"1","languages":{"fr":{"page_count":1}},"include_characters":[]}'
    with pytest.raises(PagefindError, match=r"two different pagefind\.js"):
        write_bundle(
            tmp_path,
            [
                {"pagefind-entry.json": entry, "pagefind.js": b"a"},
                {"pagefind-entry.json": other, "pagefind.js": b"b"},
            ],
        )
    report = write_bundle(
        tmp_path, [{"pagefind-entry.json": entry}, {"pagefind-entry.json": other}]
    )
    assert report.languages == 2 and report.pages == 2
    written = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text("utf-8"))
    assert list(written["languages"]) == ["en", "fr"]
