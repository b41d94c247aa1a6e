"""Pandoc's citation syntax in real builds: in-text names, affixes, nocite, near misses."""

from __future__ import annotations

import re

PAGE_EN = """\
---
nocite: "@who2023"
---
# Page

@ost2018 showed it [-@chen2020]. @smith2019 [p. 33; @chen2020] agree.
Also [*see* @ost2018, p.&nbsp;30, `code;]` <sub>2</sub> <https://example.com>].
"""

PAGE_ZH = """\
---
nocite: "@who2023"
---
# 頁面

@ost2018 指出，@chen2020 也同意 [-@smith2019]。
"""


def test_in_text_names_affixes_and_nocite(build_site) -> None:
    site = build_site({"page.en.md": PAGE_EN, "page.zh-Hant.md": PAGE_ZH})
    assert site.returncode == 0, site.log
    en = site.soup("en/page/index.html")
    article = en.select_one("article")
    texts = [span.get_text() for span in article.select("span.citation")]
    assert texts[:3] == ["Ost et al. [1]", "[2]", "Smith and Müller [3, p. 33; 2]"]
    suffix = texts[3]
    assert suffix == "[see 1, p.\xa030, code;] 2 https://example.com]"
    html = str(article)
    assert "\x02" not in html and "\x03" not in html and "klzzwxh" not in html
    assert article.select_one("span.citation em").get_text() == "see"
    assert article.select_one("span.citation code").get_text() == "code;]"
    assert article.select_one("span.citation sub").get_text() == "2"
    # nocite: listed after the cited sources, with no link back
    items = en.select(".bibliography__list > li")
    assert [li["id"] for li in items] == [
        "ref-ost2018",
        "ref-chen2020",
        "ref-smith2019",
        "ref-who2023",
    ]
    assert items[-1].select(".bibliography__list > li > span:not([id]) > a") == []
    zh = site.soup("page/index.html").select_one("article")
    zh_texts = [span.get_text() for span in zh.select("span.citation")]
    assert zh_texts == ["Ost 等人 [1]", "陳大文等人 [2]", "[3]"]


def test_unclosed_group_fails_the_strict_build_with_its_location(build_site) -> None:
    page = "# Page\n\nText.\n\nSee [@ost2018 and more.\n"
    site = build_site({"page.en.md": "---\ntitle: x\n---\n" + page, "page.zh-Hant.md": page})
    assert site.returncode != 0
    assert re.search(
        r"docs/page\.en\.md:8:5: citation group '\[@ost2018' is not closed "
        r"\(add '\]' after it, or write '\\\[' for a literal bracket\)",
        site.log,
    ), site.log


def test_unknown_nocite_key_is_reported_at_the_nocite_line(build_site) -> None:
    page = "---\ntitle: x\nnocite: '@nosuch'\n---\n# Page\n"
    site = build_site({"page.en.md": page, "page.zh-Hant.md": "# 頁面\n"})
    assert site.returncode != 0
    assert "docs/page.en.md:3: unknown citation key 'nosuch'" in site.log, site.log


def test_nocite_star_lists_every_entry(build_site) -> None:
    site = build_site(
        {"page.en.md": "---\nnocite: '@*'\n---\n# Page\n", "page.zh-Hant.md": "# 頁\n"}
    )
    assert site.returncode == 0, site.log
    assert len(site.soup("en/page/index.html").select(".bibliography__list > li")) == 4
