"""Helpers shared by the test modules: real builds, built-site readers, tiny sites.

Test modules import from here (`from site_testing import BuiltSite`); fixtures live in
conftest.py. (Importing from `conftest` breaks as soon as a subfolder has its own conftest.py.)
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

from bs4 import BeautifulSoup

REPO_ROOT = Path(__file__).resolve().parent.parent


def mkdocs_build(
    project_dir: Path,
    site_dir: Path | None = None,
    *,
    strict: bool | None = True,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build` of `project_dir/mkdocs.yml`, in a child process as a contributor
    runs it: `--strict` (False: `--no-strict`, as `make preview`; None: as mkdocs.yml says),
    into `site_dir` (default: the config's), from `cwd` (default: the project). The one place
    the test suite runs MkDocs' build."""
    command = [sys.executable, "-m", "mkdocs", "build", "-f", str(project_dir / "mkdocs.yml")]
    if strict is not None:
        command.append("--strict" if strict else "--no-strict")
    if site_dir is not None:
        command += ["--site-dir", str(site_dir)]
    return subprocess.run(
        command,
        cwd=cwd or project_dir,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
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


#: mkdocs-static-i18n as the site configures it (zh-Hant the source, English), for the tiny
#: sites' mkdocs.yml (no `{}`, so it can be joined to a `str.format` template).
I18N_PLUGINS = """\
plugins:
  - i18n:
      docs_structure: suffix
      fallback_to_default: false
      reconfigure_material: true
      languages:
        - locale: zh-Hant
          name: 繁體中文
          default: true
          build: true
        - locale: en
          name: English
          build: true
"""

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


def serve(root: Path) -> tuple[str, Callable[[], None]]:
    """Serve `root` on 127.0.0.1 (a free port); returns the base URL and a function that stops
    it. The one static server of the test suite."""
    root.mkdir(parents=True, exist_ok=True)
    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop() -> None:
        server.shutdown()
        server.server_close()

    return f"http://127.0.0.1:{server.server_address[1]}/", stop


def build_served_copy(root: Path) -> tuple[str, BuiltSite, Callable[[], None]]:
    """Copy the repository's sources under `root`, serve `root/site` from 127.0.0.1 and build
    the copy strictly into it with that address as `site_url`.

    Material's bundle fetches `sitemap.xml` next to every `<link rel="alternate">`; those
    links are absolute (site_url), so the build must know the address it is served from, as it
    does in production. Returns the base URL, the built site and a function that stops the
    server.
    """
    project = root / "repo"
    ignore = shutil.ignore_patterns("site", ".venv", ".git", "test-artifacts", "__pycache__")
    shutil.copytree(REPO_ROOT, project, ignore=ignore)
    url, stop = serve(root / "site")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(re.sub(r"(?m)^site_url: .*$", f"site_url: {url}", text), encoding="utf-8")
    result = mkdocs_build(project, root / "site")
    if result.returncode != 0:
        stop()
        raise AssertionError(f"strict build failed:\n{result.stderr}")
    return url, BuiltSite(root / "site", result.stderr), stop
