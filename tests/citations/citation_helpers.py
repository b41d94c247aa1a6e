"""Helpers shared by the citation tests (a unique module name, unlike conftest)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path

from bs4 import BeautifulSoup
from site_testing import Build, TinySite

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


#: The citation hook's settings in the tiny sites (as in the site's mkdocs.yml).
CITATIONS = {"bibliography": ["bibliography/*.bib"]}


def make_site(
    root: Path,
    pages: dict[str, str],
    *,
    bib: str = SAMPLE_BIB,
    strict: bool = True,
    citations: dict | None = None,
) -> Build:
    """A tiny two-language site (`site_testing.TinySite`) with the citation hook, its assets,
    `pages` and bibliography/references.bib, built from another folder: paths must resolve
    against mkdocs.yml, never the current directory."""
    site = TinySite(root)
    site.configure(
        ["citations.py"],
        {"citations": CITATIONS if citations is None else citations},
        extra_css=["assets/stylesheets/citations.css"],
        extra_javascript=["assets/javascripts/citations.js"],
    )
    site.write("bibliography/references.bib", textwrap.dedent(bib))
    site.pages({"index.zh-Hant.md": "# 首頁\n", "index.en.md": "# Home\n", **pages})
    return site.build(strict=True if strict else None, cwd=root.parent)
