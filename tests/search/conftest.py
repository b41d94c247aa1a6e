"""Fixtures for search tests: the generated two-language corpus site, built and served once."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from site_testing import serve

from .corpus import write_site


@dataclass(frozen=True)
class CorpusSite:
    project: Path
    root: Path
    log: str


def build(project: Path, site_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """A real `mkdocs build --strict` of `project` (as tests/conftest.py's mkdocs_build)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True,
        text=True,
        check=False,
    )


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
