"""The benchmark helper reports per-language search payload from a built site."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from site_testing import BuiltSite

BENCHMARK = Path(__file__).resolve().parents[2] / "benchmarks" / "search_payload.py"


def _module():
    spec = importlib.util.spec_from_file_location("search_payload", BENCHMARK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_payload_is_reported_per_language(corpus_site: BuiltSite):
    payload = _module().search_payload_bytes
    zh, en = payload(corpus_site.root, "zh-Hant"), payload(corpus_site.root, "en")
    for report in (zh, en):
        assert 0 < report["first_search"]["gzip"] <= report["first_search"]["raw"]
        assert report["files"]["fragments"] >= 100  # one per page of that language only
    bundle = corpus_site.root / "pagefind"
    everything = sum(p.stat().st_size for p in bundle.rglob("*.pf_*"))
    assert zh["index"]["raw"] + en["index"]["raw"] == everything  # nothing shared, nothing missed


def test_unknown_language_is_an_error(corpus_site: BuiltSite):
    with pytest.raises(KeyError, match="no index for 'fr'"):
        _module().search_payload_bytes(corpus_site.root, "fr")
