"""Fixtures for search tests: the generated two-language corpus site, built and served once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from site_testing import BuiltSite, serve

from .corpus import write_site


@pytest.fixture(scope="session")
def corpus_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The generated corpus (100+ articles per language), strictly built with the search hook."""
    result = write_site(tmp_path_factory.mktemp("search-corpus")).build()
    assert result.returncode == 0, f"strict build failed:\n{result.stderr}"
    return result.site


@pytest.fixture(scope="session")
def corpus_url(corpus_site: BuiltSite) -> Iterator[str]:
    """The corpus site served from 127.0.0.1 on a free port."""
    url, stop = serve(corpus_site.root)
    yield url
    stop()
