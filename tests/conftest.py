"""Shared fixtures: the real site built once per session, a local static server, a browser."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import settings
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


@pytest.fixture
def tiny_site(tmp_path: Path) -> TinySite:
    """Factory for a tiny two-language site in tmp_path (call .configure, .write, .build)."""
    return TinySite(tmp_path / "tiny")
