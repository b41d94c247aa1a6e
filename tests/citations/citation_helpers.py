"""Helpers shared by the citation tests (a unique module name, unlike conftest)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup
from site_testing import mkdocs_build

REPO = Path(__file__).resolve().parents[2]
HOOKS = REPO / "hooks"

TEMPLATE = REPO / "overrides" / "partials" / "bibliography.html"

SAMPLE_BIB = r"""
@article{ost2018,
  author  = {Ost, Piet and Reynders, Dries and Decaestecker, Karel and Fonteyne, Val{\'e}rie
             and Lumen, Nicolaas and De Bruycker, Aur{\'e}lie and Lambert, Bieke},
  title   = {Surveillance or Metastasis-Directed Therapy for Oligometastatic Prostate Cancer
             Recurrence: A Prospective, Randomized, Multicenter Phase {II} Trial},
  journal = {J Clin Oncol},
  year    = {2018},
  volume  = {36},
  number  = {5},
  pages   = {446--453},
  doi     = {10.1200/JCO.2017.75.4853},
  pmid    = {29240541},
}

@article{chen2020,
  author  = {陳, 大文 and 王小明 and 林 美玲 and 李四 and 張三 and 黃五 and 吳六},
  title   = {{Taiwan} 成人高血壓盛行率調查},
  journal = {台灣醫學},
  year    = {2020},
  volume  = {24},
  number  = {3},
  pages   = {201--210},
  pmcid   = {PMC1234567},
}

@misc{who2023,
  author  = {{World Health Organization}},
  title   = {Hypertension},
  year    = {2023},
  url     = {https://www.who.int/news-room/fact-sheets/detail/hypertension},
  urldate = {2024-01-05},
}

@book{smith2019,
  author    = {Smith, John and M{\"u}ller, Hans-Peter},
  title     = {Clinical Epidemiology in {Taiwan} \& Beyond},
  edition   = {2nd ed},
  address   = {Taipei},
  publisher = {Health Press},
  year      = {2019},
}
"""


@dataclass
class Rendered:
    """Result of rendering Markdown with the citation extension."""

    html: str
    messages: list[str] = field(default_factory=list)

    @property
    def soup(self) -> BeautifulSoup:
        return BeautifulSoup(self.html, "html.parser")


@dataclass
class BuiltSite:
    """A built two-language test site."""

    root: Path
    returncode: int
    log: str

    def page(self, rel: str) -> BeautifulSoup:
        """Parsed HTML of ``site/<rel>``."""
        return BeautifulSoup((self.root / "site" / rel).read_text(encoding="utf-8"), "html.parser")


MKDOCS_YML = """\
site_name: Citation test
theme:
  name: material
  custom_dir: {overrides}
  language: zh-Hant
hooks:
  - {hook}
plugins:
  - i18n:
      docs_structure: suffix
      languages:
        - locale: zh-Hant
          default: true
          name: 中文
          build: true
        - locale: en
          name: English
          build: true
markdown_extensions:  # as in the site's mkdocs.yml
  - abbr
  - admonition
  - attr_list
  - def_list
  - footnotes
  - md_in_html
  - tables
  - pymdownx.details
  - pymdownx.superfences
  - toc:
      permalink: true
      slugify: !!python/object/apply:pymdownx.slugs.slugify
        kwds:
          case: lower
extra:
  citations:
    bibliography: [bibliography/*.bib]
extra_css:
  - assets/stylesheets/citations.css
extra_javascript:
  - assets/javascripts/citations.js
"""


def make_site(
    root: Path,
    pages: dict[str, str],
    *,
    bib: str = SAMPLE_BIB,
    strict: bool = True,
    config: str | None = None,
) -> BuiltSite:
    """Write mkdocs.yml, docs/ pages and bibliography/references.bib, then build."""
    (root / "docs").mkdir(parents=True, exist_ok=True)
    (root / "bibliography").mkdir(exist_ok=True)
    (root / "bibliography" / "references.bib").write_text(textwrap.dedent(bib), "utf-8")
    yml = config or MKDOCS_YML.format(overrides=REPO / "overrides", hook=HOOKS / "citations.py")
    (root / "mkdocs.yml").write_text(yml, "utf-8")
    pages = {"index.zh-Hant.md": "# 首頁\n", "index.en.md": "# Home\n", **pages}
    for name, text in pages.items():
        target = root / "docs" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
    # Run from another directory: paths must resolve against mkdocs.yml, never the CWD.
    done = mkdocs_build(root, strict=True if strict else None, cwd=root.parent)
    return BuiltSite(root, done.returncode, done.stdout + done.stderr)
