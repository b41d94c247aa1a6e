"""A stand-in for Crossref and NCBI E-utilities on 127.0.0.1 serving tests/checks/registry_fixtures.

`/works/{DOI}` answers the fixture or Crossref's 404; `/esummary.fcgi` answers every PMID asked
(unknown ones with PubMed's `cannot get document summary`); `/esearch.fcgi?term=DOI[doi]` finds
the fixture whose `articleids` has that DOI. Tests plant faults per path (`fail`: status codes to
answer first; `slow`: seconds to wait) and read the requests it saw.
"""

from __future__ import annotations

import contextlib
import http.server
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

FIXTURES = Path(__file__).parent / "registry_fixtures"


@dataclass
class Registry:
    """The stub's state: its base URLs, the requests it saw, the faults to plant."""

    url: str = ""
    requests: list[str] = field(default_factory=list)
    fail: dict[str, list[int]] = field(default_factory=dict)  # path -> statuses to give first
    slow: dict[str, float] = field(default_factory=dict)  # path -> seconds before answering

    @property
    def crossref_url(self) -> str:
        return self.url

    @property
    def eutils_url(self) -> str:
        return self.url + "/entrez/eutils"

    def environment(self) -> dict[str, str]:
        return {"CROSSREF_API_URL": self.crossref_url, "NCBI_EUTILS_URL": self.eutils_url}

    def count(self, prefix: str) -> int:
        return sum(1 for request in self.requests if request.startswith(prefix))


def crossref_fixture(doi: str) -> Path:
    """The fixture of a DOI, found case-insensitively (DOIs are, and Crossref is)."""
    name = doi.replace("/", "_").casefold() + ".json"
    found = [p for p in (FIXTURES / "crossref").glob("*.json") if p.name.casefold() == name]
    return found[0] if found else FIXTURES / "crossref" / name


def pubmed_summary(pmid: str) -> dict:
    path = FIXTURES / "pubmed" / f"{pmid}.json"
    if path.exists():
        return json.loads(path.read_text(encoding="utf-8"))
    return {"uid": pmid, "error": "cannot get document summary"}


def _handler(registry: Registry) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            registry.requests.append(self.path)
            parts = urlsplit(self.path)
            path, query = unquote(parts.path), parse_qs(parts.query)
            if registry.slow.get(path):
                time.sleep(registry.slow[path])
            failures = registry.fail.get(path)
            if failures:
                status = failures.pop(0)
                self._send(status, b'{"status": "error"}', {"Retry-After": "0"})
                return
            if path.startswith("/works/"):
                fixture = crossref_fixture(path.removeprefix("/works/"))
                if fixture.exists():
                    self._send(200, fixture.read_bytes())
                else:
                    self._send(404, b"Resource not found.", {"Content-Type": "text/plain"})
            elif path == "/entrez/eutils/esummary.fcgi":
                pmids = query["id"][0].split(",")
                result = {"uids": pmids, **{pmid: pubmed_summary(pmid) for pmid in pmids}}
                body = {"header": {"type": "esummary", "version": "0.3"}, "result": result}
                self._send(200, json.dumps(body).encode())
            elif path == "/entrez/eutils/esearch.fcgi":
                doi = query["term"][0].removesuffix("[doi]").casefold()
                ids = [
                    p.stem
                    for p in sorted((FIXTURES / "pubmed").glob("*.json"))
                    if any(
                        a["idtype"] == "doi" and a["value"].casefold() == doi
                        for a in json.loads(p.read_text(encoding="utf-8"))["articleids"]
                    )
                ]
                result = {"count": str(len(ids)), "retmax": str(len(ids)), "idlist": ids}
                body = {"header": {"type": "esearch", "version": "0.3"}, "esearchresult": result}
                self._send(200, json.dumps(body).encode())
            else:
                self._send(404, b"not found", {"Content-Type": "text/plain"})

        def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            headers = {"Content-Type": "application/json", **(headers or {})}
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            with contextlib.suppress(BrokenPipeError):  # the client gave up (timeout tests)
                self.wfile.write(body)

    return Handler


@pytest.fixture(name="registry")
def registry_fixture(monkeypatch: pytest.MonkeyPatch) -> Iterator[Registry]:
    """The stub, running; CROSSREF_API_URL and NCBI_EUTILS_URL point at it."""
    registry = Registry()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _handler(registry))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    registry.url = f"http://127.0.0.1:{server.server_address[1]}"
    for name, value in registry.environment().items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("NCBI_API_KEY", raising=False)
    monkeypatch.delenv("CROSSREF_MAILTO", raising=False)
    yield registry
    server.shutdown()
    server.server_close()
