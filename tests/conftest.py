"""Shared fixtures: the real site built once per session, a local static server, a browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

REPO_ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO_ROOT / "test-artifacts"


def mkdocs_build(project_dir: Path, site_dir: Path) -> subprocess.CompletedProcess[str]:
    """Run a real `mkdocs build --strict` of `project_dir` into `site_dir`."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project_dir,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


class BuiltSite:
    """A built site folder with helpers to read its pages."""

    def __init__(self, root: Path, log: str) -> None:
        self.root = root
        self.log = log

    def path(self, url_path: str) -> Path:
        """File behind a site-relative URL path such as `en/about/privacy/`."""
        target = self.root / url_path.lstrip("/")
        return target / "index.html" if url_path.endswith("/") or not url_path else target

    def soup(self, url_path: str) -> BeautifulSoup:
        return BeautifulSoup(self.path(url_path).read_text(encoding="utf-8"), "html.parser")

    def html_files(self) -> list[Path]:
        return sorted(self.root.rglob("*.html"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real repository site, built strictly once per test session."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(REPO_ROOT, site_dir)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    return BuiltSite(site_dir, result.stderr)


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    """Serve the built site from 127.0.0.1 on a free port; yields the base URL."""
    handler = functools.partial(QuietHandler, directory=str(built_site.root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def chromium_executable() -> str | None:
    """Debian's Chromium, or CHROMIUM_PATH; None means Playwright's own browser."""
    configured = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    return configured if Path(configured).exists() else None


@pytest.fixture(scope="session")
def browser():
    """A headless Chromium driven by Playwright."""
    sync_api = pytest.importorskip("playwright.sync_api")
    executable = chromium_executable()
    with sync_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=executable, headless=True)
        except sync_api.Error as error:
            if os.environ.get("CI"):
                raise
            pytest.skip(f"no Chromium available (run scripts/install-system-deps): {error}")
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    """A fresh browser page (own context: no shared cookies or storage)."""
    context = browser.new_context()
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where tests save screenshots for humans to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def copy_of_repo(tmp_path: Path) -> Path:
    """A throwaway copy of the site sources, for planting faults."""
    target = tmp_path / "repo"
    ignore = shutil.ignore_patterns("site", ".venv", ".git", "test-artifacts", "__pycache__")
    shutil.copytree(REPO_ROOT, target, ignore=ignore)
    return target


TINY_SITE_CONFIG = """\
site_name: Tiny
site_url: https://tiny.example.org/
theme:
  name: material
  language: zh-Hant
  font: false
  custom_dir: {overrides}
markdown_extensions: [abbr, admonition, attr_list, footnotes, md_in_html, tables]
plugins:
  - i18n:
      docs_structure: suffix
      fallback_to_default: false
      languages:
        - {{locale: zh-Hant, name: 繁體中文, default: true}}
        - {{locale: en, name: English}}
hooks: {hooks}
extra: {extra}
"""


class TinySite:
    """A small two-language MkDocs project in a temporary folder, built for real."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def configure(self, hooks: list[str], extra: dict | None = None) -> None:
        import json

        hook_paths = [str(REPO_ROOT / "hooks" / name) for name in hooks]
        self.write(
            "mkdocs.yml",
            TINY_SITE_CONFIG.format(
                overrides=REPO_ROOT / "overrides",
                hooks=json.dumps(hook_paths),
                extra=json.dumps(extra or {}, ensure_ascii=False),
            ),
        )

    def build(self) -> subprocess.CompletedProcess[str]:
        return mkdocs_build(self.root, self.root / "site")

    def soup(self, url_path: str) -> BeautifulSoup:
        return BuiltSite(self.root / "site", "").soup(url_path)


@pytest.fixture
def tiny_site(tmp_path: Path) -> TinySite:
    """Factory for a tiny two-language site in tmp_path (call .configure, .write, .build)."""
    return TinySite(tmp_path / "tiny")
