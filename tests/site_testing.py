"""Helpers shared by the test modules: real builds, built-site readers, tiny sites.

Test modules import from here (`from site_testing import BuiltSite`); fixtures live in
conftest.py. (Importing from `conftest` breaks as soon as a subfolder has its own conftest.py.)
"""

from __future__ import annotations

import functools
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml
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


@dataclass
class PythonCall:
    """A `!!python/object/apply:<name>` node with keyword arguments, as mkdocs.yml writes the
    toc extension's `slugify`; read from the project's mkdocs.yml and written back unchanged."""

    name: str
    kwds: dict


_APPLY = "tag:yaml.org,2002:python/object/apply:"


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml keeping its `!!python/object/apply` nodes as `PythonCall`s."""


def _construct_call(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> PythonCall:
    return PythonCall(suffix, loader.construct_mapping(node, deep=True).get("kwds", {}))


_ConfigLoader.add_multi_constructor(_APPLY, _construct_call)


class _ConfigDumper(yaml.SafeDumper):
    """Writes a tiny site's mkdocs.yml, `PythonCall`s as `!!python/object/apply` nodes."""


_ConfigDumper.add_representer(
    PythonCall,
    lambda dumper, call: dumper.represent_mapping(_APPLY + call.name, {"kwds": call.kwds}),
)


def project_config() -> dict:
    """The repository's mkdocs.yml as data (its `!!python` nodes as `PythonCall`s)."""
    text = (REPO_ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    return yaml.load(text, Loader=_ConfigLoader)  # a SafeLoader


#: What a language of the site's i18n plugin may say about itself; the tiny sites leave out the
#: real site's names and navigation titles.
_LANGUAGE_KEYS = ("locale", "name", "default", "build")


def i18n_plugins(english: dict | None = None) -> list[dict]:
    """The project's `plugins:` (mkdocs-static-i18n, zh-Hant the default, English) without the
    real site's names and navigation titles; `english` adds keys to the English language."""
    i18n = project_config()["plugins"][0]["i18n"]
    languages = [
        {k: v for k, v in lang.items() if k in _LANGUAGE_KEYS} for lang in i18n["languages"]
    ]
    languages[1].update(english or {})
    return [{"i18n": {**i18n, "languages": languages}}]


def tiny_site_config() -> dict:
    """A tiny site's mkdocs.yml as data: the project's theme (with this worktree's overrides),
    Markdown extensions and i18n plugin; no hooks, no `extra` (callers choose them)."""
    project = project_config()
    return {
        "site_name": "Tiny",
        "site_url": "https://tiny.example.org/",
        "docs_dir": "docs",
        "theme": {**project["theme"], "custom_dir": str(REPO_ROOT / "overrides")},
        "markdown_extensions": project["markdown_extensions"],
        "plugins": i18n_plugins(),
        "hooks": [],
        "extra": {},
    }


@dataclass
class Build:
    """A finished `mkdocs build` of a tiny site: exit code, output and the built site."""

    returncode: int
    stdout: str
    stderr: str
    site: BuiltSite

    @property
    def log(self) -> str:
        """Everything the build printed (MkDocs logs to stderr)."""
        return self.stdout + self.stderr

    def soup(self, url_path: str) -> BeautifulSoup:
        """A built page, parsed (`""`, `en/`, `a/index.html`, `en/articles/x/` …)."""
        return self.site.soup(url_path)


class TinySite:
    """A small two-language MkDocs project in a folder, written and built for real: the one
    tiny-site writer of the test suite.

        site = TinySite(tmp_path / "tiny")
        site.configure(["citations.py"], {"citations": {"bibliography": ["refs.bib"]}})
        site.pages({"index.zh-Hant.md": "# 首頁\\n", "index.en.md": "# Home\\n"})
        site.write("refs.bib", BIB)
        build = site.build()           # strict, into site/
        build.soup("en/")              # parsed HTML; build.log for the messages

    `configure` writes mkdocs.yml from `tiny_site_config()`; `config` holds what it wrote, so
    a test can change one value and call `configure()` again.
    """

    def __init__(self, root: Path, *, hooks_dir: Path = REPO_ROOT / "hooks") -> None:
        self.root = root
        self.hooks_dir = hooks_dir
        self.config: dict = tiny_site_config()

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")

    def edit(self, relative: str, old: str, new: str) -> None:
        """Replace the first `old` in a file (which must contain it) with `new`."""
        text = self.read(relative)
        assert old in text, f"{old!r} not in {relative}"
        self.write(relative, text.replace(old, new, 1))

    def pages(self, pages: dict[str, str | None]) -> None:
        """Write `docs/<name>` for each page (None: leave that page out)."""
        for name, text in pages.items():
            if text is not None:
                self.write(f"docs/{name}", text)

    def configure(
        self, hooks: list[str | Path] | None = None, extra: dict | None = None, **keys: object
    ) -> Path:
        """Write mkdocs.yml: `hooks` by file name in `hooks_dir` (a Path as it is), `extra`
        sections, and any other top-level keys replaced; unnamed values stay as they were."""
        if hooks is not None:
            self.config["hooks"] = [
                str(hook) if isinstance(hook, Path) else str(self.hooks_dir / hook)
                for hook in hooks
            ]
        if extra is not None:
            self.config["extra"] = extra
        self.config.update(keys)
        text = yaml.dump(self.config, Dumper=_ConfigDumper, allow_unicode=True, sort_keys=False)
        return self.write("mkdocs.yml", text)

    def build(
        self,
        site_dir: Path | None = None,
        *,
        strict: bool | None = True,
        cwd: Path | None = None,
        env: dict[str, str] | None = None,
    ) -> Build:
        """`mkdocs build` (see `mkdocs_build`) into `site_dir` (default: `<root>/site`)."""
        site_dir = site_dir or self.root / "site"
        done = mkdocs_build(self.root, site_dir, strict=strict, cwd=cwd, env=env)
        return Build(done.returncode, done.stdout, done.stderr, BuiltSite(site_dir, done.stderr))

    def soup(self, url_path: str) -> BeautifulSoup:
        """A page of the last build into `<root>/site`, parsed."""
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
