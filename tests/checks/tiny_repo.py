"""A tiny bilingual site repository in tmp_path, clean until a test plants a fault."""

# No conftest.py in this folder on purpose: a second `conftest` module shadows the shared
# tests/conftest.py for `from conftest import BuiltSite`. Test modules import the fixture:
#     from tiny_repo import Repo, repo_fixture  (with a noqa for F401)

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from site_testing import TinySite

from healthsite.content.documents import body_hash

REPO_ROOT = Path(__file__).resolve().parents[2]


#: The translation notice's labels (mkdocs.yml `extra.translations`).
TRANSLATIONS = {
    "labels": {
        "en": {
            "outdated_title": "This translation may be out of date",
            "outdated_text": "The Chinese original has changed since this page was translated.",
            "original_link": "Read the original in Chinese",
        }
    }
}


def article(title: str, description: str, summary: str, body: str, extra: str = "") -> str:
    """The sample article in one language: its front matter (`extra` adds lines) and body."""
    return f"""\
---
title: {title}
description: {description}
slug: sample
last_reviewed: 2026-11-22
next_review: 2999-11-22
review_status: awaiting-clinical-review
date_published: 2026-11-22
changes:
  - date: 2026-11-22
    summary: {summary}
{extra}---

# {title}

{body}"""


SOURCE = article(
    "測試文章",
    "一句話摘要。",
    "首次發布。",
    """!!! abstract "重點"

    - 重點一 [@ost2018]。

## 何時該和醫師討論

內容 [@ost2018; @lee2020, p. 5]。
""",
)

TRANSLATION = article(
    "Sample article",
    "One sentence.",
    "First published.",
    """!!! abstract "Key points"

    - Point one [@ost2018].

## When to talk to your doctor

Text [@ost2018; @lee2020, p. 5].
""",
    "translated_from: zh-Hant\ntranslated_on: 2026-11-22\ntranslation_source_hash: {hash}\n",
)

#: The book every version of the tiny bibliography ends with.
LEE2020 = """\
@book{lee2020,
  editor = {Lee, Ann},
  title = {A book},
  publisher = {Press},
  year = {2020},
}
"""

BIB = (
    """\
@article{ost2018,
  author = {Ost, Piet and Other, Anne},
  title = {A trial},
  journal = {J Clin Oncol},
  year = {2018},
  doi = {10.1200/JCO.2017.75.4853},
  pmid = {29240541},
}

"""
    + LEE2020
)

PAGES = {
    "index.zh-Hant.md": "# 首頁\n\n[文章](articles/sample.md)\n",
    "index.en.md": "# Home\n\n[Article](articles/sample.md)\n",
}


class Repo(TinySite):
    """A tiny site repository (a `TinySite` with its own copy of hooks/): `write`/`edit`
    plant faults, `check` runs `make check`'s tool, `build` MkDocs."""

    def __init__(self, root: Path) -> None:
        super().__init__(root, hooks_dir=Path("hooks"))

    def check(self, *args: str, github: bool = False) -> subprocess.CompletedProcess[str]:
        """`python -m checks --root <repo> …` as a contributor runs it."""
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO_ROOT)}
        env["GITHUB_ACTIONS"] = "true" if github else "false"
        return subprocess.run(
            [sys.executable, "-m", "checks", "--root", str(self.root), *args],
            cwd=self.root,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )

    def lines(self, *args: str) -> list[str]:
        return self.check(*args).stdout.splitlines()

    def content(self) -> tuple[list[str], int]:
        """`make check`'s content checks (`--only content`): finding lines and exit status."""
        result = self.check("--only", "content")
        return result.stdout.splitlines(), result.returncode

    def add_hook(self, name: str, extra: dict | None = None) -> None:
        """Turn on one more of the site's hooks (first in the list, as in the real
        mkdocs.yml), with its `extra` settings."""
        hooks = [name, *(Path(hook) for hook in self.config["hooks"])]
        self.configure(hooks, {**self.config["extra"], **(extra or {})})


def assert_reported(repo: Repo, path: str, old: str, new: str, expected: str) -> None:
    """Plant one fault (the first `old` in `path` becomes `new`): `make check`'s content
    checks report `expected` among their findings and fail."""
    repo.edit(path, old, new)
    lines, status = repo.content()
    assert expected in lines, lines
    assert status == 1


def translation_text(source: str = SOURCE) -> str:
    return TRANSLATION.replace("{hash}", body_hash(source))


def make_repo(tmp_path: Path) -> Repo:
    """A clean tiny site: one article in both languages, a .bib, the real hooks."""
    root = tmp_path / "repo"
    shutil.copytree(
        REPO_ROOT / "hooks", root / "hooks", ignore=shutil.ignore_patterns("__pycache__")
    )
    shutil.copy(REPO_ROOT / ".pymarkdown.json", root / ".pymarkdown.json")
    tiny = Repo(root)
    tiny.configure(["front_matter.py", "translations.py"], {"translations": TRANSLATIONS})
    tiny.pages(PAGES)
    tiny.pages({"articles/sample.zh-Hant.md": SOURCE, "articles/sample.en.md": translation_text()})
    tiny.write("bibliography/references.bib", BIB)
    return tiny


@pytest.fixture(name="repo")
def repo_fixture(tmp_path: Path) -> Repo:
    """A clean tiny site repository; plant one fault per test."""
    return make_repo(tmp_path)
