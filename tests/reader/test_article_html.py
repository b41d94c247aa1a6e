"""The built article page, read as HTML: everything a reader and a search engine sees."""

from __future__ import annotations

from urllib.parse import parse_qs, urljoin, urlparse
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from site_testing import BuiltSite

from .conftest import ARTICLE_EN, ARTICLE_ZH, SITE_URL
from .helpers import ARTICLE_PATHS, hreflang_links, json_ld, review_facts

EN = ARTICLE_PATHS["en"]
SITEMAP_NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
ZH = ARTICLE_PATHS["zh-Hant"]


# --- under the title ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url_path", "expected"),
    [
        (
            ZH,
            {
                "首次發布": "2026年3月2日",
                "最後更新": "2026年11月21日",
                "審閱狀態": "尚未經臨床醫師審閱",
            },
        ),
        (
            EN,
            {
                "First published": "2 March 2026",
                "Last updated": "21 November 2026",
                "Last clinically reviewed": "21 November 2026",
                "Next review due": "21 November 2027",
                "Review status": "Clinically reviewed by Dr Jane Doe, MD",
            },
        ),
    ],
)
def test_review_box_under_the_title(sample_site: BuiltSite, url_path: str, expected: dict):
    """Review dates only where a named clinician reviewed the article (the English sample);
    the unreviewed Chinese one says when it was written and updated, and that it is not
    reviewed, with no review date beside that."""
    soup = sample_site.soup(url_path)
    assert review_facts(soup) == expected
    h1 = soup.select_one("article h1")
    assert h1.find_next_sibling(True)["class"] == ["article-review"], "review box not under H1"
    times = [t["datetime"] for t in soup.select(".article-review time")]
    assert times[:2] == ["2026-03-02", "2026-11-21"]
    assert len(times) == len(expected) - 1


def test_translation_note_only_on_the_translation(sample_site: BuiltSite):
    note = sample_site.soup(EN).select_one(".article-review__translation")
    assert note.get_text(strip=True) == "Translated from Traditional Chinese on 22 November 2026."
    assert sample_site.soup(ZH).select_one(".article-review__translation") is None


@pytest.mark.parametrize(
    ("url_path", "title", "link_text", "disclaimer_path"),
    [
        (ZH, "醫療免責聲明", "閱讀完整的醫療免責聲明", "about/disclaimer/"),
        (EN, "Medical disclaimer", "Read the full medical disclaimer", "en/about/disclaimer/"),
    ],
)
def test_disclaimer_in_the_page_language_links_to_the_disclaimer_page(
    sample_site: BuiltSite, url_path: str, title: str, link_text: str, disclaimer_path: str
):
    notice = sample_site.soup(url_path).select_one(".article-disclaimer")
    assert notice.select_one(".admonition-title").get_text(strip=True) == title
    link = notice.find("a")
    assert link.get_text(strip=True) == link_text
    target = urlparse(urljoin("http://site/" + url_path, link["href"])).path.lstrip("/")
    assert target == disclaimer_path
    assert sample_site.path(target).exists()


@pytest.mark.parametrize(
    ("url_path", "text", "title_prefix"),
    [
        (ZH, "回報本頁的錯誤", "勘誤：測試文章"),
        (EN, "Report an error about this page", "Error report: Test article"),
    ],
)
def test_report_an_error_link_prefills_a_github_issue(
    sample_site: BuiltSite, url_path: str, text: str, title_prefix: str
):
    link = sample_site.soup(url_path).select_one("a.article-report__link")
    assert link.get_text(strip=True) == text
    url = urlparse(link["href"])
    assert (url.scheme, url.netloc, url.path) == (
        "https",
        "github.com",
        "/example/health-site/issues/new",
    )
    query = parse_qs(url.query)
    assert query["title"][0].startswith(title_prefix)
    assert SITE_URL + url_path in query["body"][0]


# --- cite this page -------------------------------------------------------------------------


def test_cite_this_page_in_vancouver_style(sample_site: BuiltSite):
    english = sample_site.soup(EN).select_one("#article-cite-vancouver").get_text()
    assert english == (
        "Test article: spontaneous regression of liver cancer [Internet]. "
        "Health Knowledge Base; 2026 Mar 2 [updated 2026 Nov 21]. "
        f"Available from: {SITE_URL}{EN}"
    )
    chinese = sample_site.soup(ZH).select_one("#article-cite-vancouver").get_text()
    assert chinese == (
        "測試文章：肝癌的自發性消退 [網際網路]. 健康知識庫; 2026年3月2日 "
        f"[更新於 2026年11月21日]. 取自: {SITE_URL}{ZH}"
    )


def test_cite_this_page_as_bibtex(sample_site: BuiltSite):
    soup = sample_site.soup(EN)
    entry = soup.select_one("#article-cite-bibtex").get_text()
    assert entry.startswith("@misc{sample-article-en-2026,\n")
    assert "title        = {Test article: spontaneous regression of liver cancer}," in entry
    assert f"url          = {{{SITE_URL}{EN}}}," in entry
    assert entry.count("{") == entry.count("}")


@pytest.mark.parametrize("url_path", [ZH, EN])
def test_cite_blocks_are_copyable_preformatted_text(sample_site: BuiltSite, url_path: str):
    soup = sample_site.soup(url_path)
    section = soup.select_one("section.article-cite")  # the status messages, once for both
    assert section["data-copied"] and section["data-copy-failed"]
    for block_id in ("article-cite-vancouver", "article-cite-bibtex"):
        assert soup.select_one(f"pre#{block_id} > code") is not None
        block = soup.select_one(f"pre#{block_id}").parent
        button = block.select_one("button[data-cite-copy]")  # cite-copy.js copies its block
        assert button is not None and button.get_text(strip=True)
        assert block.select_one('.article-cite__status[role="status"]') is not None


# --- changes --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url_path", "expected"),
    [
        (
            ZH,
            [
                "2026年11月21日：更新存活率數據。",
                "2026年7月15日：新增「何時該和醫師討論」一節。",
                "2026年3月2日：首次發布。",
            ],
        ),
        (
            EN,
            [
                "21 November 2026: Updated survival figures.",
                '15 July 2026: Added "When to talk to your doctor".',
                "2 March 2026: First published.",
            ],
        ),
    ],
)
def test_changes_newest_first(sample_site: BuiltSite, url_path: str, expected: list[str]):
    entries = sample_site.soup(url_path).select(".article-changes__entry")
    assert [entry.get_text() for entry in entries] == expected


# --- search engines -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url_path", "lang", "name", "description"),
    [
        (ZH, "zh-Hant", "測試文章：肝癌的自發性消退", ARTICLE_ZH.split("description: ")[1]),
        (
            EN,
            "en",
            "Test article: spontaneous regression of liver cancer",
            ARTICLE_EN.split("description: ")[1],
        ),
    ],
)
def test_medical_web_page_json_ld(
    sample_site: BuiltSite, url_path: str, lang: str, name: str, description: str
):
    soup = sample_site.soup(url_path)
    (data,) = json_ld(soup)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MedicalWebPage"
    assert data["name"] == name
    assert data["description"] == description.splitlines()[0]
    assert data["inLanguage"] == lang == soup.html["lang"]
    # Only the English sample has been reviewed by a named clinician; the Chinese one claims
    # no review.
    assert data.get("lastReviewed") == ("2026-11-21" if lang == "en" else None)
    assert data["datePublished"] == "2026-03-02"
    assert data["url"] == SITE_URL + url_path
    assert [item["@type"] for item in data["citation"]] == ["ScholarlyArticle"] * 3
    # Each cited work by the address that identifies it, as the bibliography links it (its
    # DOI before its PMID); titles and identifiers are in the bibliography, not repeated here.
    first, second, third = data["citation"]
    assert first == {"@type": "ScholarlyArticle", "@id": "https://doi.org/10.1000/xyz123"}
    assert second == {"@type": "ScholarlyArticle", "@id": "https://www.who.int/report"}
    links = [a["href"] for a in soup.select(".bibliography a")]
    assert first["@id"] in links and second["@id"] in links
    assert third == {"@type": "ScholarlyArticle", "name": "No address </script> & more"}


def test_json_ld_cannot_close_its_script_element(sample_site: BuiltSite):
    html = sample_site.path(EN).read_text(encoding="utf-8")
    script = html.split('<script type="application/ld+json">', 1)[1].split("</script>", 1)[0]
    assert "No address \\u003c/script\\u003e \\u0026 more" in script
    assert "<" not in script and "&" not in script


def test_translation_and_reviewer_in_json_ld(sample_site: BuiltSite):
    (english,) = json_ld(sample_site.soup(EN))
    assert english["translationOfWork"] == {"@id": SITE_URL + ZH}
    assert english["reviewedBy"] == {"@type": "Person", "name": "Dr Jane Doe, MD"}
    assert english["lastReviewed"] == "2026-11-21"  # a named clinician reviewed it
    (chinese,) = json_ld(sample_site.soup(ZH))
    assert "translationOfWork" not in chinese and "reviewedBy" not in chinese


@pytest.mark.parametrize(("url_path", "lang"), [("", "zh-Hant"), ("en/", "en")])
def test_website_json_ld_on_home_pages(sample_site: BuiltSite, url_path: str, lang: str):
    (data,) = json_ld(sample_site.soup(url_path))
    assert data["@type"] == "WebSite"
    assert data["url"] == SITE_URL + url_path
    assert data["inLanguage"] == lang
    assert data["name"] in {"健康知識庫", "Health Knowledge Base"}


@pytest.mark.parametrize("url_path", ["articles/", "en/articles/", "en/about/disclaimer/"])
def test_no_json_ld_on_other_pages(sample_site: BuiltSite, url_path: str):
    soup = sample_site.soup(url_path)
    assert json_ld(soup) == []
    assert soup.select_one(".article-review") is None, "the articles index is not an article"


@pytest.mark.parametrize(
    "pair", [("", "en/"), (ZH, EN), ("about/disclaimer/", "en/about/disclaimer/")]
)
def test_hreflang_absolute_reciprocal_with_x_default(sample_site: BuiltSite, pair: tuple):
    chinese, english = pair
    expected = {
        "zh-Hant": SITE_URL + chinese,
        "en": SITE_URL + english,
        "x-default": SITE_URL + chinese,
    }
    for url_path in pair:
        assert hreflang_links(sample_site.soup(url_path)) == expected, url_path


@pytest.mark.parametrize("url_path", ["", "en/", ZH, EN, "articles/", "en/about/disclaimer/"])
def test_canonical_is_absolute_and_points_at_the_page_itself(sample_site: BuiltSite, url_path: str):
    links = sample_site.soup(url_path).head.select('link[rel="canonical"]')
    assert [link["href"] for link in links] == [SITE_URL + url_path]


@pytest.mark.parametrize(
    ("url_path", "description"),
    [
        (ZH, "這是一篇測試用的文章，說明肝癌自發性消退有多罕見。"),
        (EN, "A test article explaining how rare spontaneous regression of liver cancer is."),
    ],
)
def test_meta_description_from_front_matter(
    sample_site: BuiltSite, url_path: str, description: str
):
    metas = sample_site.soup(url_path).head.select('meta[name="description"]')
    assert [meta["content"] for meta in metas] == [description]


def test_sitemap_lists_language_alternates(sample_site: BuiltSite):
    tree = ElementTree.parse(sample_site.path("sitemap.xml"))
    urls = {url.findtext("sm:loc", namespaces=SITEMAP_NS): url for url in tree.getroot()}
    assert set(urls) >= {SITE_URL + ZH, SITE_URL + EN, SITE_URL, SITE_URL + "en/"}
    for loc in (SITE_URL + ZH, SITE_URL + EN):
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in urls[loc].findall("xhtml:link", namespaces=SITEMAP_NS)
        }
        assert alternates == {"zh-Hant": SITE_URL + ZH, "en": SITE_URL + EN}


def test_no_inline_event_handlers(sample_site: BuiltSite):
    for file in sample_site.html_files():
        soup = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
        handlers = [
            (tag.name, attribute)
            for tag in soup.find_all(True)
            for attribute in tag.attrs
            if attribute.lower().startswith("on")
        ]
        assert handlers == [], file
