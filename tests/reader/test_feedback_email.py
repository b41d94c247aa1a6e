"""The feedback page offers an e-mail address beside GitHub when `extra.feedback_email` is set,
and shows no e-mail line (nor a placeholder) when it is not."""

from __future__ import annotations

from pathlib import Path

from site_testing import BuiltSite, mkdocs_build

PAGES = {"zh-Hant": "about/feedback/", "en": "en/about/feedback/"}
WORDS = {"zh-Hant": "也可以寄電子郵件給我們：", "en": "Or e-mail us:"}


def test_no_address_configured_shows_no_email_line(built_site: BuiltSite):
    for path in PAGES.values():
        html = built_site.path(path).read_text(encoding="utf-8")
        assert "feedback-email" not in html and "mailto:" not in html
        assert built_site.soup(path).select_one('a[href*="github.com"]') is not None


def test_configured_address_is_offered_in_both_languages(copy_of_repo: Path):
    config = copy_of_repo / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    text = text.replace(
        "extra:\n  generator: false\n",
        'extra:\n  generator: false\n  feedback_email: "errors+site@example.org"\n',
    )
    config.write_text(text, encoding="utf-8")
    result = mkdocs_build(copy_of_repo, copy_of_repo / "site")
    assert result.returncode == 0, result.stderr
    site = BuiltSite(copy_of_repo / "site", result.stderr)
    for lang, path in PAGES.items():
        soup = site.soup(path)
        line = soup.select_one(".md-content__body p.feedback-email")
        assert line.get_text(" ", strip=True) == f"{WORDS[lang]} errors+site@example.org"
        assert line.a["href"] == "mailto:errors+site@example.org"
        # under "How to report", after the GitHub link, before the next section
        assert line.find_previous("h2").get_text().rstrip("¶") in {"如何回報", "How to report"}
        assert line.find_previous("a", href=lambda h: h and "github.com" in h) is not None
    # only the feedback page has it
    assert site.soup("about/privacy/").select_one(".feedback-email") is None
