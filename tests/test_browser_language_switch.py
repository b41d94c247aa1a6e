"""In a real browser: the language switcher takes a reader to the same page in English."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def test_switch_from_chinese_home_to_english_home(page, site_url: str):
    page.goto(site_url)
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="English").click()
    page.wait_for_url(site_url + "en/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").first.inner_text().startswith("Health Knowledge Base")


def test_switch_from_english_article_list_back_to_chinese(page, site_url: str):
    page.goto(site_url + "en/articles/")
    page.locator(".md-header__option .md-select").hover()
    page.get_by_role("link", name="繁體中文").click()
    page.wait_for_url(site_url + "articles/")
    assert page.locator("html").get_attribute("lang") == "zh-Hant"
