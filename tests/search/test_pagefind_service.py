"""Pagefind's service as the build drives it: answers, refusals and a process that stops."""

from __future__ import annotations

import concurrent.futures
from pathlib import Path

import pytest

from healthsite.search.pagefind import BackgroundIndex, PagefindError, executable
from healthsite.search.service import PagefindService, ServiceError

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
