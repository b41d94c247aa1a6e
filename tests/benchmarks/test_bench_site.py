"""The generated site against the project's real mkdocs.yml: files, nav, variants, options."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from mkdocs.config import load_config

from benchmarks.__main__ import parse_args, settings_from
from benchmarks.sitegen import write_site
from benchmarks.variants import citation_hooks, read_config

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("bench") / "site"
    return write_site(root, REPO, n=3, m=20, seed=1, today=dt.date(2026, 11, 22))


def test_site_copies_the_project_and_writes_its_own_pages(site) -> None:
    root = site.root
    assert (root / "mkdocs.project.yml").read_text() == (REPO / "mkdocs.yml").read_text()
    assert (root / "hooks").is_dir() and (root / "overrides").is_dir()
    for slug in site.slugs:
        assert (root / "docs" / "articles" / f"{slug}.zh-Hant.md").is_file()
        assert (root / "docs" / "articles" / f"{slug}.en.md").is_file()
    real_articles = {p.name for p in (REPO / "docs" / "articles").glob("*.md")}
    generated = {p.name for p in (root / "docs" / "articles").glob("*.md")}
    assert real_articles & generated <= {"index.zh-Hant.md", "index.en.md"}
    assert (root / "bibliography" / "synthetic.bib").is_file()


def test_generated_config_loads_with_mkdocs(site) -> None:
    config = load_config(str(site.config))
    nav = str(config["nav"])
    # The project keeps articles out of the nav (not_in_nav); the corpus follows it.
    assert config["not_in_nav"] is not None
    assert not any(f"articles/{slug}.md" in nav for slug in site.slugs)
    assert "articles/index.md" in nav
    assert "liver-cancer-spontaneous-regression.md'" not in nav  # real articles are not copied
    assert config["extra"]["citations"]["bibliography"] == ["bibliography/synthetic.bib"]
    assert read_config(site.config)["hooks"] == read_config(REPO / "mkdocs.yml")["hooks"]


def test_citation_hook_is_found_when_listed() -> None:
    hooks = read_config(REPO / "mkdocs.yml").get("hooks") or []
    assert citation_hooks(hooks) == [h for h in hooks if h.endswith("/citations.py")]


@pytest.mark.parametrize(
    ("argv", "n", "m", "repetitions"),
    [
        ([], 200, 1000, 4),
        (["--quick"], 3, 40, 1),
        (["--quick", "--n", "5"], 5, 40, 1),
        (["--m", "10", "--repetitions", "2"], 200, 10, 2),
    ],
)
def test_options(argv: list[str], n: int, m: int, repetitions: int) -> None:
    settings = settings_from(parse_args(argv))
    assert (settings.n, settings.m, settings.repetitions) == (n, m, repetitions)


def test_default_sizes_are_the_issue_s() -> None:
    settings = settings_from(parse_args([]))
    assert settings.scaling_n == (50, 200, 800)
    assert settings.scaling_m == (1000, 10000)


def test_unknown_skip_is_refused() -> None:
    with pytest.raises(SystemExit):
        settings_from(parse_args(["--skip", "everything"]))


def test_quick_run_writes_the_table_and_json(tmp_path: Path, capsys) -> None:
    """`--quick` end to end on the real mkdocs.yml (only the build-ratio and weight figures)."""
    from benchmarks.__main__ import main

    results = tmp_path / "results"
    argv = [
        "--quick",
        "--skip",
        "bibtex,scaling,search,serve,lighthouse",
        "--today",
        "2026-11-22",
    ]
    assert main([*argv, "--results", str(results)]) == 0
    table = (results / "latest.md").read_text(encoding="utf-8")
    assert table.startswith("| figure | value | target | met? |")
    assert "1. Citation overhead, warm" in table and "1. Citation overhead, cold" in table
    assert "3. Full build (warm) ÷ plain Material build" in table
    assert "3. The same without the search index hook" in table
    assert "5a. Article page HTML at N=3" in table
    data = json.loads((results / "latest.json").read_text(encoding="utf-8"))
    assert data["parameters"]["n"] == 3 and data["parameters"]["repetitions"] == 1
    assert {"cpu", "cores", "memory_gib", "python", "packages"} <= set(data["machine"])
    assert capsys.readouterr().out.startswith("| figure |")
