"""Front matter and configuration values that look like HTML stay text: the built page has no
element they could inject, is not blanked by a `<!--`, and shows each value as written."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from .conftest import ARTICLE_EN, ARTICLE_ZH

HOSTILE = "Probe</title><svg onload=alert(1)><script>alert(2)</script><!--\"'&"
ARTICLE = "articles/sample-article/"


def with_hostile(article: str) -> str:
    """The article with every front-matter value that reaches the page made hostile."""
    lines = []
    for line in article.splitlines():
        for key in ("title: ", "description: ", "reviewed_by: ", "    summary: "):
            if line.startswith(key):
                line = key + json.dumps(f"{key.strip()} {HOSTILE}")
        lines.append(line)
    return "\n".join(lines) + "\n"


def assert_inert(soup: BeautifulSoup) -> None:
    """Nothing the values could have injected is an element, and the page is complete."""
    assert soup.find("svg", attrs={"onload": True}) is None
    assert not [tag for tag in soup.find_all(True) if any(a.startswith("on") for a in tag.attrs)]
    scripts = [s for s in soup.find_all("script") if "alert(2)" in (s.string or "")]
    assert all(s.get("type") == "application/ld+json" for s in scripts), scripts
    assert soup.select_one("footer.md-footer") is not None, "page cut short by a comment"
    assert soup.select_one(".md-footer-meta") is not None


def test_hostile_front_matter_is_text_on_article_pages(tiny_site):
    build = tiny_site(
        pages={
            "articles/sample-article.zh-Hant.md": with_hostile(ARTICLE_ZH),
            "articles/sample-article.en.md": with_hostile(ARTICLE_EN),
        }
    )
    assert build.returncode == 0, build.log
    for prefix in ("", "en/"):
        soup = build.site.soup(prefix + ARTICLE)
        assert_inert(soup)
        assert soup.title.get_text().startswith("title: " + HOSTILE)
        assert soup.find("meta", attrs={"name": "description"})["content"] == (
            "description: " + HOSTILE
        )
        header = soup.select_one(".md-header__topic [data-md-component='header-topic']")
        assert header is None or HOSTILE in header.get_text()
        (json_ld,) = [
            json.loads(tag.string)
            for tag in soup.select('script[type="application/ld+json"]')
            if "MedicalWebPage" in tag.string
        ]
        assert json_ld["name"] == "title: " + HOSTILE
        assert json_ld["description"] == "description: " + HOSTILE
        raw = build.site.path(prefix + ARTICLE).read_text(encoding="utf-8")
        assert "<!--\"'&" not in raw and "</script><!--" not in raw
        assert "Probe</title>" not in raw
        assert soup.select_one(".article-review") is not None  # content after the title


def test_hostile_titles_are_text_on_other_pages(tiny_site):
    quoted = json.dumps(HOSTILE)
    page = f"---\ntitle: {quoted}\ndescription: {quoted}\n---\n\n# Disclaimer\n\nText.\n"
    build = tiny_site(pages={"about/disclaimer.en.md": page})
    assert build.returncode == 0, build.log
    soup = build.site.soup("en/about/disclaimer/")
    assert_inert(soup)
    assert soup.title.get_text().startswith(HOSTILE)
    assert HOSTILE in soup.select_one("[data-md-component='header-topic']").get_text()
    assert soup.select_one("article h1").get_text() == "Disclaimer"
