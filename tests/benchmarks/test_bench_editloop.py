"""Edit loop saves keep the generated site buildable with ``--strict`` (translation parity)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup

from benchmarks.corpus import Article
from benchmarks.editloop import edited_pair
from benchmarks.runner import mkdocs_env
from benchmarks.sitegen import article_path, write_site
from healthsite.content.documents import read_document
from healthsite.content.translations import outdated

REPO = Path(__file__).resolve().parents[2]
MARKER = "編輯測試1號標記"


def test_every_generated_translation_is_current(articles: list[Article]) -> None:
    for article in articles:
        assert not outdated(read_document(article.en), article.zh), article.slug


def test_edited_pair_keeps_the_translation_current(articles: list[Article]) -> None:
    article = articles[0]
    source, translation = edited_pair(article.zh, article.en, MARKER)
    assert MARKER in source and MARKER not in translation
    # the source alone would leave the translation outdated: that is what a strict build refuses
    assert outdated(read_document(article.en), source)
    assert not outdated(read_document(translation), source)
    before, after = read_document(article.en), read_document(translation)
    assert after.body == before.body
    assert after.data["translated_on"] == before.data["translated_on"]


def test_site_with_an_edit_builds_strictly(tmp_path: Path) -> None:
    site = write_site(tmp_path / "site", REPO, n=2, m=20, seed=1, today=dt.date(2026, 11, 22))
    slug = site.slugs[0]
    zh = site.root / "docs" / article_path(slug, "zh-Hant")
    en = site.root / "docs" / article_path(slug, "en")
    source, translation = edited_pair(
        zh.read_text(encoding="utf-8"), en.read_text(encoding="utf-8"), MARKER
    )
    zh.write_text(source, encoding="utf-8")
    en.write_text(translation, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(site.config)],
        cwd=site.root,
        env=mkdocs_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "outdated" not in result.stderr
    page = site.root / "site" / "articles" / slug / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert MARKER in soup.get_text()
