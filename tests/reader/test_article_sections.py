"""Every real article ends with questions to ask the doctor and links to related articles, in
both languages, with the same outline (an HTML test on the real build)."""

from __future__ import annotations

import pytest
from site_testing import BuiltSite

ARTICLES = ("bone-metastases-radiotherapy-immunity", "liver-cancer-spontaneous-regression")
LANGUAGES = {
    "zh-Hant": ("", "可以問醫師的問題", "相關文章", "？"),
    "en": ("en/", "Questions to ask your doctor", "Related articles", "?"),
}


def _section(soup, title: str) -> list:
    """The elements between the H2 titled `title` and the next heading."""
    heading = next(
        h for h in soup.select(".md-content__body h2") if h.get_text().rstrip("¶") == title
    )
    found = []
    for sibling in heading.find_next_siblings():
        if sibling.name in {"h2", "h3", "section"}:
            break
        found.append(sibling)
    return found


@pytest.mark.parametrize("slug", ARTICLES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_questions_to_ask_are_only_questions_without_new_claims(
    built_site: BuiltSite, slug: str, lang: str
):
    prefix, questions, _, mark = LANGUAGES[lang]
    section = _section(built_site.soup(f"{prefix}articles/{slug}/"), questions)
    items = [li for element in section for li in element.select("li")]
    assert len(items) >= 4
    for item in items:
        assert item.get_text().strip().endswith(mark), item.get_text()
        assert item.select(".citation") == []  # questions make no claims, so cite nothing


@pytest.mark.parametrize("slug", ARTICLES)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_related_articles_link_the_other_article_in_the_same_language(
    built_site: BuiltSite, slug: str, lang: str
):
    prefix, _, related, _ = LANGUAGES[lang]
    (other,) = [candidate for candidate in ARTICLES if candidate != slug]
    links = [
        a
        for element in _section(built_site.soup(f"{prefix}articles/{slug}/"), related)
        for a in element.select("a")
    ]
    assert [a["href"] for a in links] == [f"../{other}/"]
    other_title = built_site.soup(f"{prefix}articles/{other}/").select_one("h1 > span").get_text()
    assert links[0].get_text() == other_title
