"""Configuration labels that look like HTML stay text in the outdated-translation notice, which
a build that does not stop on warnings (`make preview`) shows."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from tiny_repo import Repo, repo_fixture  # noqa: F401

HOSTILE = "Probe</title><svg onload=alert(1)><script>alert(2)</script><!--\"'&"


def test_hostile_labels_in_the_translation_notice_are_text(repo: Repo, tmp_path: Path):
    labels = {"outdated_title": HOSTILE, "outdated_text": HOSTILE, "original_link": HOSTILE}
    repo.configure(extra={"translations": {"labels": {"en": labels}}})
    repo.edit("docs/articles/sample.zh-Hant.md", "內容", "修訂後的內容")
    build = repo.build(tmp_path / "site", strict=False)
    assert build.returncode == 0, build.stderr
    page = tmp_path / "site" / "en" / "articles" / "sample" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    notice = soup.select_one(".translation-outdated")
    assert notice.select_one(".admonition-title").get_text() == HOSTILE
    assert notice.select_one("a").get_text() == HOSTILE
    assert HOSTILE in notice.get_text()
    assert soup.find("svg", attrs={"onload": True}) is None
    assert not [s for s in soup.find_all("script") if "alert(2)" in (s.string or "")]
    assert soup.select_one("footer.md-footer") is not None  # not commented out
