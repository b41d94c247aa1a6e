"""Fixtures for search tests: the generated two-language corpus site, built and served once."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from site_testing import mkdocs_build, serve

from .corpus import write_site


@dataclass(frozen=True)
class CorpusSite:
    project: Path
    root: Path
    log: str


def build(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build --strict` of `project` (`site_testing.mkdocs_build`)."""
    return mkdocs_build(project, site_dir, env=env)


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> CorpusSite:
    """The generated corpus (100+ articles per language), strictly built with the search hook."""
    project = write_site(tmp_path_factory.mktemp("search-corpus"))
    site_dir = project / "site"
    result = build(project, site_dir)
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    return CorpusSite(project, site_dir, result.stderr)


@pytest.fixture(scope="session")
def corpus_url(corpus_site: CorpusSite) -> Iterator[str]:
    """The corpus site served from 127.0.0.1 on a free port."""
    url, stop = serve(corpus_site.root)
    yield url
    stop()
