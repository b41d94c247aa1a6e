"""A tiny bilingual site repository in tmp_path, clean until a test plants a fault."""

# No conftest.py in this folder on purpose: a second `conftest` module shadows the shared
# tests/conftest.py for `from conftest import BuiltSite`. Test modules import the fixture:
#     from tiny_repo import Repo, repo_fixture  (with a noqa for F401)

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from site_testing import I18N_PLUGINS, mkdocs_build

from healthsite.content.documents import body_hash

REPO_ROOT = Path(__file__).resolve().parents[2]


MKDOCS_YML = (
    """\
site_name: Tiny
site_url: https://tiny.example.org/
docs_dir: docs
strict: true
theme:
  name: material
  language: zh-Hant
  font: false
markdown_extensions:
  - admonition
  - attr_list
  - md_in_html
  - toc:
      permalink: true
hooks:
  - hooks/front_matter.py
  - hooks/translations.py
"""
    + I18N_PLUGINS
    + """\
extra:
  translations:
    labels:
      en:
        outdated_title: This translation may be out of date
        outdated_text: The Chinese original has changed since this page was translated.
        original_link: Read the original in Chinese
"""
)

SOURCE = """\
---
title: 測試文章
description: 一句話摘要。
slug: sample
last_reviewed: 2026-11-22
next_review: 2999-11-22
review_status: awaiting-clinical-review
date_published: 2026-11-22
changes:
  - date: 2026-11-22
    summary: 首次發布。
---

# 測試文章

!!! abstract "重點"

    - 重點一 [@ost2018]。

## 何時該和醫師討論

內容 [@ost2018; @lee2020, p. 5]。
"""

TRANSLATION = """\
---
title: Sample article
description: One sentence.
slug: sample
last_reviewed: 2026-11-22
next_review: 2999-11-22
review_status: awaiting-clinical-review
date_published: 2026-11-22
changes:
  - date: 2026-11-22
    summary: First published.
translated_from: zh-Hant
translated_on: 2026-11-22
translation_source_hash: {hash}
---

# Sample article

!!! abstract "Key points"

    - Point one [@ost2018].

## When to talk to your doctor

Text [@ost2018; @lee2020, p. 5].
"""

BIB = """\
@article{ost2018,
  author = {Ost, Piet and Other, Anne},
  title = {A trial},
  journal = {J Clin Oncol},
  year = {2018},
  doi = {10.1200/JCO.2017.75.4853},
  pmid = {29240541},
}

@book{lee2020,
  editor = {Lee, Ann},
  title = {A book},
  publisher = {Press},
  year = {2020},
}
"""

PAGES = {
    "docs/index.zh-Hant.md": "# 首頁\n\n[文章](articles/sample.md)\n",
    "docs/index.en.md": "# Home\n\n[Article](articles/sample.md)\n",
}


@dataclass
class Repo:
    """A tiny site repository; `write`/`edit` plant faults, `check`/`build` run the tools."""

    root: Path

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")

    def edit(self, relative: str, old: str, new: str) -> None:
        text = self.read(relative)
        assert old in text, f"{old!r} not in {relative}"
        self.write(relative, text.replace(old, new, 1))

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

    def build(self, site_dir: Path, *, strict: bool = True) -> subprocess.CompletedProcess[str]:
        """A real `mkdocs build --strict` (or, as `make preview` builds, not strict)."""
        return mkdocs_build(self.root, site_dir, strict=strict)


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
    tiny.write("mkdocs.yml", MKDOCS_YML)
    for path, text in PAGES.items():
        tiny.write(path, text)
    tiny.write("docs/articles/sample.zh-Hant.md", SOURCE)
    tiny.write("docs/articles/sample.en.md", translation_text())
    tiny.write("bibliography/references.bib", BIB)
    return tiny


@pytest.fixture(name="repo")
def repo_fixture(tmp_path: Path) -> Repo:
    """A clean tiny site repository; plant one fault per test."""
    return make_repo(tmp_path)
