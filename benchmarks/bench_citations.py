"""Measure what citations cost: 400 pages (200 zh-Hant + 200 en) x a 1,000-entry .bib.

Each page: ~13 kB of Markdown, 15 citation groups of 1-3 keys (about 30 citations).

Usage: python benchmarks/bench_citations.py [--pages 400] [--entries 1000] [--runs 3]

Builds the same generated site with and without ``hooks/citations.py`` (in-process, MkDocs API)
and also times the citation code itself by wrapping its entry points.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

import pandoc_citations.bibliography as bibliography_module  # noqa: E402
from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from pandoc_citations import markdown_extension  # noqa: E402

CONFIG = """\
site_name: Bench
theme:
  name: material
  custom_dir: {overrides}
  language: zh-Hant
{hooks}
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
"""


def write_site(root: Path, pages: int, entries: int) -> None:
    rng = random.Random(42)
    (root / "bibliography").mkdir(parents=True)
    bib = []
    for i in range(entries):
        authors = " and ".join(f"Author{i}x{j}, Given{j} M" for j in range(rng.randint(1, 9)))
        bib.append(
            f"@article{{key{i},\n  author = {{{authors}}},\n  title = {{Study {i} of {{Taiwan}}"
            f" \\& care}},\n  journal = {{J Test}},\n  year = {{{2000 + i % 25}}},\n"
            f"  volume = {{{i % 50}}},\n  number = {{{i % 12}}},\n  pages = {{{i}--{i + 9}}},\n"
            f"  doi = {{10.1000/{i}}},\n  pmid = {{{30000000 + i}}},\n}}\n"
        )
    (root / "bibliography" / "refs.bib").write_text("\n".join(bib), "utf-8")
    docs = root / "docs"
    docs.mkdir()
    for lang in ("zh-Hant", "en"):
        for n in range(pages // 2):
            paragraphs = []
            for p in range(30):  # ~13 kB of Markdown, a citation group in every other paragraph
                sentence = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 7
                if p % 2:
                    count = rng.randint(1, 3)
                    keys = "; ".join(f"@key{rng.randrange(entries)}" for _ in range(count))
                    sentence += f"[{keys}]."
                paragraphs.append(sentence)
            text = f"# Page {n}\n\n" + "\n\n".join(paragraphs) + "\n"
            (docs / f"p{n}.{lang}.md").write_text(text, "utf-8")
    (root / "docs" / "index.zh-Hant.md").write_text("# Home\n", "utf-8")
    (root / "docs" / "index.en.md").write_text("# Home\n", "utf-8")


def timed_build(config_file: Path) -> float:
    """CPU seconds of one build (CPU time, so a busy machine does not skew the ratio)."""
    config = load_config(str(config_file))
    start = time.process_time()
    build(config)
    return time.process_time() - start


class Meter:
    """Accumulates time spent inside wrapped functions."""

    def __init__(self) -> None:
        self.total = 0.0
        self.depth = 0

    def wrap(self, owner: object, name: str) -> None:
        original = getattr(owner, name)

        def wrapper(*args, **kwargs):
            if self.depth:
                return original(*args, **kwargs)
            self.depth += 1
            start = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                self.total += time.process_time() - start
                self.depth -= 1

        setattr(owner, name, wrapper)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--entries", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        write_site(root, args.pages, args.entries)
        hook = f"hooks:\n  - {REPO / 'hooks' / 'citations.py'}"
        with_hook, without = root / "with.yml", root / "without.yml"
        with_hook.write_text(CONFIG.format(overrides=REPO / "overrides", hooks=hook), "utf-8")
        without.write_text(CONFIG.format(overrides=REPO / "overrides", hooks=""), "utf-8")
        meter = Meter()
        ext = markdown_extension.CitationExtension
        # every way into the citation code during a build
        for name in ("begin_page", "__init__"):
            meter.wrap(ext, name)
        meter.wrap(markdown_extension._ResetPreprocessor, "run")
        meter.wrap(markdown_extension.CitationInlineProcessor, "handleMatch")
        meter.wrap(markdown_extension._BibliographyTreeprocessor, "run")
        meter.wrap(bibliography_module, "load_file")
        bibliography_module._file_cache.clear()
        bibliography_module._merged_cache.clear()
        start = time.process_time()
        timed_build(with_hook)  # warm-up: imports, theme, and the one parse of the .bib
        first = time.process_time() - start
        meter.total = 0.0
        baseline, cited = [], []
        for _ in range(args.runs):  # interleaved, so load changes hit both alike
            baseline.append(timed_build(without))
            cited.append(timed_build(with_hook))
        per_build = meter.total / args.runs
        base, full = statistics.median(baseline), statistics.median(cited)
        print(f"pages={args.pages} entries={args.entries} runs={args.runs}")
        print(f"first build with hook (parses the .bib): {first:.2f} CPU s")
        print(f"build without hook: {base:.2f} CPU s (median)")
        print(f"build with hook:    {full:.2f} CPU s (median)  difference {full - base:+.2f} s")
        print(
            f"CPU time inside citation code: {per_build:.3f} s per build "
            f"= {100 * per_build / full:.1f}% of the build "
            "(the .bib parsed in the first build is reused, as in mkdocs serve)"
        )


if __name__ == "__main__":
    main()
