"""Shared fixtures: the real site built once per session, a local static server, a browser."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from mkdocs.config import load_config
from site_testing import (
    REPO_ROOT,
    BuiltSite,
    TinySite,
    build_served_copy,
    chromium_executable,
    mkdocs_build,
    serve,
)

ARTIFACTS = REPO_ROOT / "test-artifacts"

# Property tests: `make test` and CI run the same examples every time (a red CI always means
# the change, never the draw); `HYPOTHESIS_PROFILE=explore` draws new ones to hunt for bugs.
settings.register_profile("repeatable", derandomize=True, database=None)
settings.register_profile("explore", max_examples=2000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The real repository site, built strictly once per test session."""
    site_dir = tmp_path_factory.mktemp("site")
    result = mkdocs_build(REPO_ROOT, site_dir)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    return BuiltSite(site_dir, result.stderr)


@pytest.fixture(scope="session")
def site_url(built_site: BuiltSite) -> Iterator[str]:
    """Serve the built site from 127.0.0.1 on a free port; yields the base URL."""
    url, stop = serve(built_site.root)
    yield url
    stop()


@dataclass(frozen=True)
class ServedSite:
    """A built site and the 127.0.0.1 address it is served from (its `site_url`)."""

    url: str
    site: BuiltSite


@pytest.fixture(scope="session")
def served_real_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The real site, built from a copy with `site_url` set to the 127.0.0.1 address it is
    served from (see `site_testing.build_served_copy`)."""
    url, site, stop = build_served_copy(tmp_path_factory.mktemp("real"))
    yield ServedSite(url, site)
    stop()


@pytest.fixture(scope="session")
def served_real_site(served_real_build: ServedSite) -> str:
    """Base URL of `served_real_build`."""
    return served_real_build.url


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


@pytest.fixture
def open_page(browser) -> Iterator[Callable[..., Any]]:
    """Factory: `open_page(url, viewport, before_load=None, **context_options)` loads `url`
    (until the network is idle) in a fresh browser context of its own (no shared cookies or
    storage; `viewport` like `{"width": 390, "height": 844}`, None: Playwright's default);
    `before_load(page)` runs first (listeners, permissions). Every context it opened is closed
    after the test, passed or failed."""
    contexts = []

    def open_(
        url: str,
        viewport: dict[str, int] | None = None,
        before_load: Callable[[Any], object] | None = None,
        **options: Any,
    ) -> Any:
        if viewport is not None:
            options["viewport"] = viewport
        context = browser.new_context(**options)
        contexts.append(context)
        page = context.new_page()
        if before_load is not None:
            before_load(page)
        page.goto(url, wait_until="networkidle")
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where tests save screenshots for humans to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def build_mode(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The hooks' support module (``hooks/hook_support.py``, shared by every hook load), its
    build-mode flags (`--dirty`, the command) restored after the test."""
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    load_config(str(REPO_ROOT / "mkdocs.yml"))  # MkDocs imports the hooks and hook_support
    module = sys.modules["hook_support"]
    monkeypatch.setattr(module, "_dirty", module._dirty)
    monkeypatch.setattr(module, "_command", module._command)
    return module


@pytest.fixture
def copy_of_repo(tmp_path: Path) -> Path:
    """A throwaway copy of the site sources, for planting faults."""
    target = tmp_path / "repo"
    ignore = shutil.ignore_patterns("site", ".venv", ".git", "test-artifacts", "__pycache__")
    shutil.copytree(REPO_ROOT, target, ignore=ignore)
    return target


@pytest.fixture
def tiny_site(tmp_path: Path) -> TinySite:
    """A tiny two-language site in tmp_path (`site_testing.TinySite`: .configure, .pages,
    .write, .build)."""
    return TinySite(tmp_path / "tiny")
