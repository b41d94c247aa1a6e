"""Fixtures for the article page: tiny bilingual sites built for real in tmp_path."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from pathlib import Path
from textwrap import dedent

import pytest
from site_testing import REPO_ROOT, Build, BuiltSite, TinySite, i18n_plugins, project_config, serve

SITE_URL = "https://health.example.org/"

# The article in both languages, as an author writes it (the English one is a translation).
ARTICLE_ZH = """\
---
title: 測試文章：肝癌的自發性消退
description: 這是一篇測試用的文章，說明肝癌自發性消退有多罕見。
slug: sample-article
last_reviewed: 2026-11-21
next_review: 2027-11-21
review_status: awaiting-clinical-review
date_published: 2026-03-02
changes:
  - date: 2026-03-02
    summary: 首次發布。
  - date: 2026-11-21
    summary: 更新存活率數據。
  - date: 2026-07-15
    summary: 新增「何時該和醫師討論」一節。
---

# 測試文章：肝癌的自發性消退

!!! abstract "重點"

    - 自發性消退極為罕見 [@ost2018]。

## 何時該和醫師討論

如果您有 *任何* 疑問，請和醫師討論；參見 [PubMed](https://pubmed.ncbi.nlm.nih.gov/)。

<!-- bibliography -->
"""

ARTICLE_EN = """\
---
title: "Test article: spontaneous regression of liver cancer"
description: A test article explaining how rare spontaneous regression of liver cancer is.
slug: sample-article
last_reviewed: 2026-11-21
next_review: 2027-11-21
review_status: clinically-reviewed
reviewed_by: Dr Jane Doe, MD
date_published: 2026-03-02
changes:
  - date: 2026-03-02
    summary: First published.
  - date: 2026-11-21
    summary: Updated survival figures.
  - date: 2026-07-15
    summary: Added "When to talk to your doctor".
translated_from: zh-Hant
translated_on: 2026-11-22
translation_source_hash: 0123456789ab
---

# Test article: spontaneous regression of liver cancer

!!! abstract "Key points"

    - Spontaneous regression is extremely rare [@ost2018].

## When to talk to your doctor

If you have *any* questions, talk to your doctor; see [PubMed](https://pubmed.ncbi.nlm.nih.gov/).

<!-- bibliography -->
"""

# Stands in for the citation hook: the agreed page.meta["citations"] and a bibliography.
FIXTURE_CITATIONS_HOOK = '''\
"""Test stand-in for hooks/citations.py: page.meta["citations"] and a bibliography."""

CITATIONS = [
    {"key": "ost2018", "title": "Regression of tumours </script> & more", "doi": "10.1000/xyz123",
     "pmid": "12345678", "url": None},
    {"key": "who2020", "title": "A report without identifiers", "doi": None, "pmid": None,
     "url": "https://www.who.int/report"},
    {"key": "anon2019", "title": "No address </script> & more", "doi": None, "pmid": None,
     "url": None},
]
BIBLIOGRAPHY = (
    '<section class="bibliography" aria-labelledby="bibliography-title">'
    '<h2 id="bibliography-title">References</h2><ol class="bibliography__list">'
    '<li class="bibliography__entry" id="ref-ost2018">Ost A. Regression of tumours. '
    '<a href="https://doi.org/10.1000/xyz123">doi:10.1000/xyz123</a></li>'
    '<li class="bibliography__entry" id="ref-who2020">WHO. A report. '
    '<a href="https://www.who.int/report">https://www.who.int/report</a></li>'
    "</ol></section>"
)


def on_page_markdown(markdown, *, page, config, files):
    if "<!-- bibliography -->" not in markdown:
        return None
    page.meta["citations"] = CITATIONS
    return markdown.replace("[@ost2018]", "[1]").replace("<!-- bibliography -->", BIBLIOGRAPHY)
'''


def simple_page(title: str, text: str) -> str:
    """A plain page with a title, a description and one paragraph."""
    return f"---\ntitle: {title}\ndescription: {text}\n---\n\n# {title}\n\n{text}\n"


PAGES = {
    "index.zh-Hant.md": simple_page("健康知識庫", "首頁說明。"),
    "index.en.md": simple_page("Health Knowledge Base", "Home page."),
    "articles/index.zh-Hant.md": simple_page("文章", "文章列表。"),
    "articles/index.en.md": simple_page("Articles", "All articles."),
    "about/disclaimer.zh-Hant.md": simple_page("醫療免責聲明", "免責內容。"),
    "about/disclaimer.en.md": simple_page("Medical disclaimer", "Disclaimer text."),
    "articles/sample-article.zh-Hant.md": ARTICLE_ZH,
    "articles/sample-article.en.md": ARTICLE_EN,
}


def reader_site(root: Path, article_page: dict | None = None, site_url: str = SITE_URL) -> TinySite:
    """A `TinySite` configured as the real site for article pages: its names, stylesheets and
    `extra` settings, the front-matter and article-page hooks and the citation stand-in."""
    project = project_config()
    english = project["plugins"][0]["i18n"]["languages"][1]
    site = TinySite(root)
    fixture_hook = site.write("fixture_citations.py", FIXTURE_CITATIONS_HOOK)
    site.configure(
        ["front_matter.py", "article_page.py", fixture_hook],
        {**project["extra"], "article_page": article_page or project["extra"]["article_page"]},
        site_name=project["site_name"],
        site_url=site_url,
        site_description=project["site_description"],
        extra_css=project["extra_css"],
        # the site's extensions but toc: headings read as their text, without a permalink
        markdown_extensions=[ext for ext in project["markdown_extensions"] if isinstance(ext, str)],
        plugins=i18n_plugins(
            {key: english[key] for key in ("site_name", "site_description", "copyright")}
        ),
    )
    return site


def build_tiny_site(
    root: Path,
    pages: dict[str, str | None] | None = None,
    article_page: dict | None = None,
    site_url: str = SITE_URL,
) -> Build:
    """Write the tiny bilingual site under `root/project` (pages may be replaced or, with
    None, left out) and build it with `mkdocs build --strict` into `root/site`."""
    site = reader_site(root / "project", article_page, site_url)
    site.pages({name: text and dedent(text) for name, text in {**PAGES, **(pages or {})}.items()})
    return site.build(root / "site")


@pytest.fixture
def tiny_site(tmp_path: Path) -> Callable[..., Build]:
    """Factory: `tiny_site(pages=..., article_page=...)` builds a tiny site in tmp_path."""
    return functools.partial(build_tiny_site, tmp_path)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> BuiltSite:
    """The tiny site with the sample article in both languages, built once."""
    built = build_tiny_site(tmp_path_factory.mktemp("sample"))
    assert built.returncode == 0, built.log
    return built.site


@pytest.fixture(scope="session")
def sample_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The sample site served from 127.0.0.1 and built with that address as `site_url`.

    Material's bundle fetches `sitemap.xml` next to every `<link rel="alternate">`; those
    links are absolute (site_url), so the build must know the address it is served from,
    as it does in production, for the request log to mean anything.
    """
    root = tmp_path_factory.mktemp("served")
    url, stop = serve(root / "site")
    built = build_tiny_site(root, site_url=url)
    assert built.returncode == 0, built.log
    yield url
    stop()


def real_article_sources(slug: str) -> dict[str, Path]:
    """The real article's files by language; skips the test while they are not in the repo."""
    sources = {
        lang: REPO_ROOT / "docs" / "articles" / f"{slug}.{lang}.md" for lang in ("zh-Hant", "en")
    }
    missing = [str(path.relative_to(REPO_ROOT)) for path in sources.values() if not path.exists()]
    if missing:
        pytest.skip(f"real article not merged yet: {', '.join(missing)}")
    return sources
