"""Helpers shared by the test modules: real builds, built-site readers, tiny sites.

Test modules import from here (`from site_testing import BuiltSite`); fixtures live in
conftest.py. (Importing from `conftest` breaks as soon as a subfolder has its own conftest.py.)
"""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

REPO_ROOT = Path(__file__).resolve().parent.parent


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


def chromium_executable() -> str | None:
    """Debian's Chromium, or CHROMIUM_PATH; None means Playwright's own browser."""
    configured = os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium"
    return configured if Path(configured).exists() else None


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


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """A static file handler that keeps test output clean."""

    def log_message(self, format: str, *args: object) -> None:
        pass
