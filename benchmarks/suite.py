"""The benchmark suite: generate corpora, build variants side by side, turn results into figures."""

from __future__ import annotations

import datetime as dt
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import mkbibtex, variants, weight
from .report import Figure
from .runner import Build, BuildFailed, BuildResult, progress, run_build, run_side_by_side
from .sitegen import GeneratedSite, article_path, write_site
from .stats import fmt, median, overhead_ratio, paired_ratio, per_item, ratio

KB = 1000  # targets are in kilobytes of 1,000 bytes (the stricter reading)
_WHICH = {
    "warm": "warm (citation cache from the previous build)",
    "cold": "cold (empty citation cache)",
}


@dataclass(frozen=True)
class Runs:
    """Builds of one corpus: with an empty citation cache (cold) and with the previous
    build's cache (warm: local builds, `mkdocs serve`, CI with the cache restored)."""

    cold: list[BuildResult]
    warm: list[BuildResult]
    #: Distinct entries the corpus cites (of its ``m``).
    cited: int = 0


@dataclass(frozen=True)
class Settings:
    """Sizes and switches of one run."""

    n: int = 200
    m: int = 1000
    repetitions: int = 4
    scaling_n: tuple[int, ...] = (50, 200, 800)
    scaling_m: tuple[int, ...] = (1000, 10000)
    edits: int = 3
    #: Lighthouse runs per page (median taken).
    lighthouse_runs: int = 5
    seed: int = 1
    today: dt.date = field(default_factory=dt.date.today)
    skip: frozenset[str] = frozenset()

    @classmethod
    def quick(cls, **changes: Any) -> Settings:
        """A smoke run: tiny corpora, one repetition."""
        base = {
            "n": 3,
            "m": 40,
            "repetitions": 1,
            "scaling_n": (2, 3),
            "scaling_m": (40, 80),
            "edits": 1,
            "lighthouse_runs": 1,
        }
        return cls(**(base | changes))


def run_suite(project: Path, work: Path, settings: Settings) -> list[Figure]:
    """Run every figure not in ``settings.skip``; a figure that cannot be taken says why."""
    python = Path(sys.executable)
    n, m = settings.n, settings.m
    project = _snapshot(project, work / "project")
    progress(f"generating the corpus: N={n} article pairs, M={m} .bib entries")
    site = _generate(project, work, n, m, settings)
    hooks = list(variants.read_config(site.config).get("hooks") or [])
    plugins = list(variants.read_config(site.config).get("plugins") or [])
    has_citations = bool(variants.citation_hooks(hooks))
    builds = [Build("full", python, site.config)]
    if has_citations:
        cold_cache = site.root / variants.COLD_CACHE_DIR
        only_citations = {"hooks": variants.citation_hooks(hooks)}
        builds += [
            Build(
                "full-cold",
                python,
                variants.write_variant(site.root, "full-cold", variants.cold_citations({})),
                clear_before=cold_cache,
            ),
            Build(
                "nocite",
                python,
                variants.write_variant(
                    site.root, "nocite", {"hooks": variants.hooks_without_citations(hooks)}
                ),
            ),
            Build(
                "citeonly", python, variants.write_variant(site.root, "citeonly", only_citations)
            ),
            Build(
                "citeonly-cold",
                python,
                variants.write_variant(
                    site.root, "citeonly-cold", variants.cold_citations(only_citations)
                ),
                clear_before=cold_cache,
            ),
            Build("nohooks", python, variants.write_variant(site.root, "nohooks", {"hooks": []})),
        ]
    plain = {
        "hooks": [],
        "plugins": variants.plain_plugins(plugins),
        "theme": {
            "custom_dir": _empty_folder(site.root / "plain-theme"),
            "icon": variants.MATERIAL_ICONS,
        },
        "extra_css": [],
        "extra_javascript": [],
    }
    builds.append(Build("plain", python, variants.write_variant(site.root, "plain", plain)))
    if variants.hooks_without_search(hooks) != hooks:
        without_search = {"hooks": variants.hooks_without_search(hooks)}
        builds.append(
            Build("nosearch", python, variants.write_variant(site.root, "nosearch", without_search))
        )
    bibtex_note = ""
    if "bibtex" not in settings.skip:
        try:
            builds += _bibtex_builds(site, plugins)
        except Exception as error:  # any failure to install or rewrite: report, keep going
            bibtex_note = f"mkdocs-bibtex not measured: {error}"
            progress(bibtex_note)
    builds.sort(key=lambda build: _BUILD_ORDER.index(build.label))
    if has_citations:
        progress("priming the citation cache that warm builds reuse (one untimed build)")
        run_build(next(b for b in builds if b.label == "full"), work / "out" / "priming")
    progress(f"side-by-side builds: {', '.join(b.label for b in builds)} × {settings.repetitions}")
    results = run_side_by_side(builds, settings.repetitions, work / "out")
    figures = _ratio_figures(results, has_citations, bibtex_note, n)
    full_site = results["full"][-1].site_dir
    scaling = {
        (n, m): Runs(cold=results.get("full-cold", []), warm=results["full"], cited=site.cited)
    }
    if "scaling" not in settings.skip:
        figures += _scaling(project, work, settings, python, scaling, has_citations)
    plain_runs = results.get("plain") or []
    plain_site = plain_runs[-1].site_dir if plain_runs else None
    figures += _weights(site, full_site, scaling, work, settings, plain_site)
    if "lighthouse" not in settings.skip:
        figures += _lighthouse(full_site, plain_site, settings)
    if "search" not in settings.skip:
        figures += _search(full_site, scaling, work, settings)
    if "serve" not in settings.skip:
        figures += _edit_loop(site, python, work, settings)
    return figures


#: Builds that are compared sit next to each other, so they also run next to each other.
_BUILD_ORDER = [
    "plain", "full", "nosearch", "nocite", "full-cold", "citeonly-cold", "nohooks",
    "citeonly", "bibtex", "bibtex-off",
]  # fmt: skip


def _paired(
    results: dict[str, list[BuildResult]], label: str, baseline: str
) -> tuple[float | None, float | None]:
    """Median per-repetition ratio of ``label`` to ``baseline``: wall and CPU."""
    on, off = results.get(label) or [], results.get(baseline) or []
    return (
        paired_ratio([r.wall_seconds for r in on], [r.wall_seconds for r in off]),
        paired_ratio([r.cpu_seconds for r in on], [r.cpu_seconds for r in off]),
    )


def _snapshot(project: Path, dest: Path) -> Path:
    """A copy of the project taken once, so edits made while the suite runs change nothing."""
    skipped = shutil.ignore_patterns(
        ".git", ".venv*", "site", "benchmarks", "tests", "test-artifacts", "__pycache__", ".*cache"
    )
    shutil.copytree(project, dest, ignore=skipped, dirs_exist_ok=True)
    return dest


def _empty_folder(path: Path) -> str:
    """An empty theme folder: MkDocs cannot unset an inherited ``custom_dir``, only replace it."""
    path.mkdir(exist_ok=True)
    return path.name


def _generate(project: Path, work: Path, n: int, m: int, settings: Settings) -> GeneratedSite:
    return write_site(
        work / f"site-n{n}-m{m}", project, n=n, m=m, seed=settings.seed, today=settings.today
    )


def _bibtex_builds(site: GeneratedSite, plugins: list[Any]) -> list[Build]:
    progress("mkdocs-bibtex: preparing its venv and a corpus copy in its syntax")
    python = mkbibtex.ensure_venv()
    copy = mkbibtex.make_copy(site.root, site.root.with_name(site.root.name + "-bibtex"))
    with_plugin = {"hooks": [], "plugins": variants.bibtex_plugins(plugins, "bibliography")}
    return [
        Build("bibtex", python, variants.write_variant(copy, "bibtex", with_plugin)),
        Build("bibtex-off", python, variants.write_variant(copy, "nohooks", {"hooks": []})),
    ]


def _medians(results: dict[str, list[BuildResult]], label: str) -> tuple[float | None, ...]:
    runs = results.get(label) or []
    return median([r.wall_seconds for r in runs]), median([r.cpu_seconds for r in runs])


def _ratio_figures(
    results: dict[str, list[BuildResult]], has_citations: bool, bibtex_note: str, n: int
) -> list[Figure]:
    full_wall = _medians(results, "full")[0]
    figures = []
    raw = {
        label: [(r.wall_seconds, r.cpu_seconds) for r in runs] for label, runs in results.items()
    }
    if has_citations:
        off_wall = _medians(results, "nocite")[0]
        for label, which in (("full", "warm"), ("full-cold", "cold")):
            on_wall = _medians(results, label)[0]
            value, cpu_value = _paired(results, label, "nocite")
            figures.append(
                Figure(
                    "1. Citation overhead, "
                    + _WHICH[which]
                    + ": full strict build ÷ same build without the citation hook "
                    "(median of the ratios within each repetition)",
                    f"{fmt(value, 3)}× (CPU {fmt(cpu_value, 3)}×; medians "
                    f"{fmt(on_wall, 1)} s vs {fmt(off_wall, 1)} s)",
                    "≤ 1.03×",
                    None if value is None else value <= 1.03,
                    {"runs_wall_cpu": {k: raw[k] for k in (label, "nocite")}},
                )
            )
        figures += _engine_share(results)
    else:
        figures.append(
            Figure("1. Citation overhead", "n/a: mkdocs.yml lists no citation hook yet", "≤ 1.03×")
        )
    if "bibtex" in results and has_citations:
        # mkdocs-bibtex keeps nothing between builds: compare with our cold build
        on, off = _medians(results, "citeonly-cold"), _medians(results, "nohooks")
        warm = _medians(results, "citeonly")
        b_on, b_off = _medians(results, "bibtex"), _medians(results, "bibtex-off")
        value = overhead_ratio(on[0], off[0], b_on[0], b_off[0])
        cpu_value = overhead_ratio(on[1], off[1], b_on[1], b_off[1])
        ours = None if None in (on[0], off[0]) else on[0] - off[0]  # type: ignore[operator]
        ours_warm = None if None in (warm[0], off[0]) else warm[0] - off[0]  # type: ignore[operator]
        theirs = None if None in (b_on[0], b_off[0]) else b_on[0] - b_off[0]  # type: ignore[operator]
        shown = fmt(value, 1, "×") if value is not None else "∞ (ours within noise)"
        figures.append(
            Figure(
                "2. mkdocs-bibtex 4.4.0 citation overhead ÷ ours, both cold (seconds added to "
                "the same build)",
                f"{shown} (CPU {fmt(cpu_value, 1)}×; +{fmt(theirs, 1)} s vs +{fmt(ours, 2)} s; "
                f"ours warm +{fmt(ours_warm, 2)} s)",
                "≥ 10×",
                None if value is None and ours is None else (value is None or value >= 10),
                {
                    "runs_wall_cpu": {
                        k: raw[k]
                        for k in ("citeonly-cold", "citeonly", "nohooks", "bibtex", "bibtex-off")
                    }
                },
            )
        )
    else:
        reason = bibtex_note or "skipped" if has_citations else "no citation hook yet"
        figures.append(Figure("2. mkdocs-bibtex overhead ÷ ours", f"n/a: {reason}", "≥ 10×"))
    plain_wall = _medians(results, "plain")[0]
    value, cpu_value = _paired(results, "full", "plain")
    cold_value = _paired(results, "full-cold", "plain")[0]
    cold = f"; cold {fmt(cold_value, 2)}×" if cold_value else ""
    figures.append(
        Figure(
            "3. Full build (warm) ÷ plain Material build (no hooks, Material search, no jieba; "
            "median of the ratios within each repetition)",
            f"{fmt(value, 2)}× (CPU {fmt(cpu_value, 2)}×; medians "
            f"{fmt(full_wall, 1)} s vs {fmt(plain_wall, 1)} s{cold})",
            "≤ 1.3×",
            None if value is None else value <= 1.3,
            {"runs_wall_cpu": {k: raw[k] for k in ("full", "full-cold", "plain") if k in raw}},
        )
    )
    if "nosearch" in results:
        value, cpu_value = _paired(results, "nosearch", "plain")
        figures.append(
            Figure(
                "3. The same without the search index hook (no Pagefind): full build (warm) "
                "without `search_index.py` ÷ plain Material build (what the search index costs)",
                f"{fmt(value, 2)}× (CPU {fmt(cpu_value, 2)}×; medians "
                f"{fmt(_medians(results, 'nosearch')[0], 1)} s vs {fmt(plain_wall, 1)} s)",
                "—",
                None,
                {"runs_wall_cpu": {k: raw[k] for k in ("nosearch", "plain")}},
            )
        )
    return figures


def _engine_share(results: dict[str, list[BuildResult]]) -> list[Figure]:
    """Seconds inside the citation engine as a share of the same build (timed in-process)."""
    figures = []
    for label, which in (("full", "warm"), ("full-cold", "cold")):
        runs = results.get(label) or []
        engine = median([r.engine_seconds for r in runs])
        total = median([r.in_process_seconds for r in runs])
        share = ratio(engine, total)
        figures.append(
            Figure(
                f"1. Time inside the citation engine, {_WHICH[which]}: its hook events and "
                "Markdown processors, timed in the build process, ÷ the whole build",
                f"{fmt(None if share is None else 100 * share, 1)} % "
                f"({fmt(engine, 2)} s of {fmt(total, 1)} s)",
                "≤ 3 %",
                None if share is None else share <= 0.03,
                {"runs_engine_total": [(r.engine_seconds, r.in_process_seconds) for r in runs]},
            )
        )
    return figures


def _scaling(
    project: Path,
    work: Path,
    settings: Settings,
    python: Path,
    scaling: dict[tuple[int, int], Runs],
    has_citations: bool,
) -> list[Figure]:
    points = [(n, settings.m) for n in settings.scaling_n]
    points += [(settings.n, m) for m in settings.scaling_m]
    for n, m in points:
        if (n, m) in scaling:
            continue
        progress(f"scaling: generating and building N={n}, M={m} (cold, then warm)")
        site = _generate(project, work, n, m, settings)
        build = Build(f"n{n}-m{m}", python, site.config)
        try:  # a new corpus starts with no citation cache; the second build reuses the first's
            cold = run_build(build, work / "out" / f"n{n}-m{m}-cold") if has_citations else None
            warm = run_build(build, work / "out" / f"n{n}-m{m}")
        except BuildFailed as error:
            progress(str(error))
            continue
        progress(f"  {warm.wall_seconds:.1f} s wall, {warm.cpu_seconds:.1f} s CPU (warm)")
        scaling[(n, m)] = Runs(cold=[cold] if cold else [], warm=[warm], cited=site.cited)
        shutil.rmtree(site.root, ignore_errors=True)  # the built folder stays for the weights
    rows = {f"N={n} M={m}": _scaling_row(runs, n) for (n, m), runs in sorted(scaling.items())}
    by_n = [rows.get(f"N={n} M={settings.m}") for n in settings.scaling_n]
    by_m = [rows.get(f"N={settings.n} M={m}") for m in settings.scaling_m]
    figures = []
    if all(by_n):
        per_page = [row["ms_per_page"] for row in by_n]  # type: ignore[index]
        growth = ratio(per_page[-1], per_page[len(per_page) // 2])
        cold_pages = [row.get("cold_ms_per_page") for row in by_n]  # type: ignore[union-attr]
        figures.append(
            Figure(
                "4a. Build time per page (wall, warm) at N = "
                + ", ".join(map(str, settings.scaling_n)),
                " / ".join(f"{p:.0f}" for p in per_page)
                + " ms; CPU "
                + " / ".join(f"{row['cpu_ms_per_page']:.0f}" for row in by_n)  # type: ignore[index]
                + " ms"
                + (
                    "; cold " + " / ".join(f"{p:.0f}" for p in cold_pages) + " ms"  # type: ignore[str-format]
                    if all(cold_pages)
                    else ""
                ),
                f"linear: per page at N={settings.scaling_n[-1]} "
                f"≤ 1.25 × at N={settings.scaling_n[len(per_page) // 2]}",
                None if growth is None else growth <= 1.25,
                {"rows": rows},
            )
        )
        figures.append(
            Figure(
                "4b. Peak memory (build process; pagefind child) at N = "
                + ", ".join(map(str, settings.scaling_n)),
                " / ".join(f"{row['peak_rss_mib']:.0f}" for row in by_n)  # type: ignore[index]
                + " MiB; "
                + " / ".join(f"{row['children_peak_rss_mib']:.0f}" for row in by_n)  # type: ignore[index]
                + " MiB",
            )
        )
    if all(by_m):
        for which in ("warm", "cold") if has_citations else ("warm",):
            prefix = "" if which == "warm" else "cold_"
            walls = [row.get(prefix + "wall_s") for row in by_m]  # type: ignore[union-attr]
            cpus = [row.get(prefix + "cpu_s") for row in by_m]  # type: ignore[union-attr]
            if not all(walls):
                continue
            growth = ratio(walls[-1], walls[0])
            figures.append(
                Figure(
                    f"4c. Build time at M = {', '.join(map(str, settings.scaling_m))} "
                    f"(N={settings.n}), {_WHICH[which]}",
                    " / ".join(f"{w:.1f}" for w in walls)  # type: ignore[str-format]
                    + " s (×"
                    + fmt(growth, 2)
                    + "); CPU "
                    + " / ".join(f"{c:.1f}" for c in cpus)  # type: ignore[str-format]
                    + " s",
                    "near-flat: ≤ 1.10×",
                    None if growth is None else growth <= 1.10,
                    {"rows": rows},
                )
            )
    if has_citations:
        cold = {
            name: (
                int(row["cold_bib_entries_parsed"]),
                int(row.get("cold_bib_entries_parsed_by_children", 0)),
                int(row["cited"]),
            )
            for name, row in rows.items()
            if "cold_bib_entries_parsed" in row
        }
        warm_entries = sorted({int(row["bib_entries_parsed"]) for row in rows.values()})
        figures.append(
            Figure(
                "4d. .bib entries parsed by pybtex per build (entries its `bibtex.Parser."
                "parse_string` returned, counted by a wrapper around the build, in the build "
                "process and in the prefetch child it forks), scaling builds",
                "cold "
                + "; ".join(
                    f"{name}: {total} ({total - child} in the build, {child} in the child; "
                    f"{cited} cited)"
                    for name, (total, child, cited) in cold.items()
                )
                + f"; warm {' / '.join(map(str, warm_entries))}",
                "cold: only the cited entries (in each process); warm 0 (no entry changed)",
                bool(cold)
                and all(child <= c and total - child <= c for total, child, c in cold.values())
                and warm_entries == [0],
                {"rows": rows},
            )
        )
    else:
        figures.append(Figure("4d. .bib parses per build", "n/a: no citation hook yet", "1"))
    return figures


def _scaling_row(runs: Runs, n: int) -> dict[str, float]:
    """Medians of one corpus's warm builds (and its cold ones, keys prefixed ``cold_``)."""
    row: dict[str, float] = {}
    for prefix, results in (("", runs.warm), ("cold_", runs.cold)):
        if not results:
            continue
        wall = median([r.wall_seconds for r in results]) or 0.0
        cpu = median([r.cpu_seconds for r in results]) or 0.0
        row |= {
            prefix + "wall_s": wall,
            prefix + "cpu_s": cpu,
            prefix + "ms_per_page": 1000 * (per_item(wall, 2 * n) or 0),
            prefix + "cpu_ms_per_page": 1000 * (per_item(cpu, 2 * n) or 0),
            prefix + "peak_rss_mib": max(r.maxrss_kib for r in results) / 1024,
            prefix + "children_peak_rss_mib": max(r.children_maxrss_kib for r in results) / 1024,
            prefix + "bib_parses": max(r.bib_parses for r in results),
            prefix + "bib_entries_parsed": max(r.bib_entries_parsed for r in results),
            prefix + "bib_entries_parsed_by_children": max(
                r.bib_entries_parsed_by_children for r in results
            ),
            "cited": runs.cited,
        }
    return row


def _weights(
    site: GeneratedSite,
    full_site: Path,
    scaling: dict[tuple[int, int], Runs],
    work: Path,
    settings: Settings,
    plain_site: Path | None = None,
) -> list[Figure]:
    figures = []
    big_n = settings.scaling_n[-1]
    sizes: dict[int, dict[str, dict[str, float]]] = {}
    for n, built in ((settings.n, full_site), (big_n, _site_of(scaling, big_n, settings.m))):
        if built is None or n in sizes:
            continue
        slugs = _slugs(built)
        sizes[n] = {
            lang: weight.html_weights(pages)
            for lang, pages in weight.article_pages(built, slugs).items()
        }
    for n, per_lang in sorted(sizes.items()):
        figures.append(
            Figure(
                f"5a. Article page HTML at N={n}: median / max, raw (gzip)",
                "; ".join(
                    f"{lang} {w['median_raw'] / KB:.1f} / {w['max_raw'] / KB:.1f} KB "
                    f"({w['median_gzip'] / KB:.1f} / {w['max_gzip'] / KB:.1f} KB)"
                    for lang, w in per_lang.items()
                ),
                "≤ 40 KB raw (max)" if n == settings.n else "no growth with N",
                (
                    all(w["max_raw"] <= 40 * KB for w in per_lang.values())
                    if n == settings.n
                    else all(
                        w["median_raw"] <= 1.05 * sizes[settings.n][lang]["median_raw"]
                        for lang, w in per_lang.items()
                    )
                ),
                {"weights": per_lang},
            )
        )
    for lang, typical in _typical_articles(full_site).items():
        visit = weight.first_visit(full_site, typical)
        plain = None
        if plain_site is not None and (plain_site / typical.relative_to(full_site)).is_file():
            plain = weight.first_visit(plain_site, plain_site / typical.relative_to(full_site))
        beside = (
            f"; plain Material, same page: {plain['raw'] / KB:.1f} KB raw, "  # type: ignore[operator]
            f"{plain['gzip'] / KB:.1f} KB gzip ({len(plain['files'])} files)"  # type: ignore[arg-type]
            if plain
            else ""
        )
        figures.append(
            Figure(
                f"5b. First visit to an article, {lang} (N={settings.n}): HTML + CSS + JS + "
                "fonts + icons",
                f"{visit['raw'] / KB:.1f} KB raw, {visit['gzip'] / KB:.1f} KB gzip "  # type: ignore[operator]
                f"({len(visit['files'])} files, {len(visit['external'])} from other hosts)"  # type: ignore[arg-type]
                + beside,
                details={"site": visit, "plain": plain},
            )
        )
    return figures


def _typical_articles(site: Path) -> dict[str, Path]:
    """The median-sized article page of each language in a built site."""
    typical = {}
    for lang, pages in weight.article_pages(site, _slugs(site)).items():
        if pages:
            typical[lang] = sorted(pages, key=lambda p: p.stat().st_size)[len(pages) // 2]
    return typical


def _lighthouse(full_site: Path, plain_site: Path | None, settings: Settings) -> list[Figure]:
    """5c: Lighthouse mobile score and LCP of the typical article, beside plain Material."""
    from . import lighthouse

    runs_text = f"{settings.lighthouse_runs} run{'s' if settings.lighthouse_runs != 1 else ''}"
    target = "score ≥ 95 and ≥ plain Material's"
    why = lighthouse.missing()
    figures = []
    for lang, typical in _typical_articles(full_site).items():
        name = (
            f"5c. Lighthouse mobile performance of an article, {lang} (N={settings.n}): score, "
            f"LCP (median of {runs_text}; simulated slow 4G and CPU)"
        )
        if why is not None:
            figures.append(Figure(name, f"n/a: {why}", target))
            continue
        url_path = typical.parent.relative_to(full_site).as_posix() + "/"
        scores: dict[str, dict[str, float] | str] = {}
        for label, folder in {"site": full_site, "plain": plain_site}.items():
            if folder is None or not (folder / url_path / "index.html").is_file():
                scores[label] = "no such page"
                continue
            progress(f"lighthouse: {label} {url_path} × {settings.lighthouse_runs}")
            try:
                runs = [lighthouse.audit(folder, url_path) for _ in range(settings.lighthouse_runs)]
            except (RuntimeError, OSError, ValueError, KeyError) as error:
                scores[label] = f"n/a: {error}"
                continue
            scores[label] = {
                "score": median([r["score"] for r in runs]) or 0.0,
                "lcp_ms": median([r["lcp_ms"] for r in runs]) or 0.0,
            }
        site, plain = scores["site"], scores["plain"]
        met = (
            site["score"] >= 95 and site["score"] >= plain["score"]
            if isinstance(site, dict) and isinstance(plain, dict)
            else None
        )
        value = f"{_lighthouse_cell(site)}; plain Material, same page: {_lighthouse_cell(plain)}"
        figures.append(Figure(name, value, target, met, details=scores))
    if not figures:
        figures.append(Figure("5c. Lighthouse mobile performance", "n/a: no article pages"))
    return figures


def _lighthouse_cell(result: dict[str, float] | str) -> str:
    if isinstance(result, str):
        return result
    return f"{result['score']:.0f}, LCP {result['lcp_ms'] / 1000:.1f} s"


def _site_of(scaling: dict[tuple[int, int], Runs], n: int, m: int) -> Path | None:
    runs = scaling.get((n, m))
    return runs.warm[-1].site_dir if runs and runs.warm else None


def _slugs(built: Path) -> list[str]:
    """Generated article slugs present in a built site (numbered slugs)."""
    return sorted(
        path.parent.name
        for path in (built / "articles").glob("*/index.html")
        if path.parent.name[-4:].isdigit()
    )


def _search(
    full_site: Path,
    scaling: dict[tuple[int, int], Runs],
    work: Path,
    settings: Settings,
) -> list[Figure]:
    from . import searchload

    figures = []
    big_n = settings.scaling_n[-1]
    sites = {big_n: _site_of(scaling, big_n, settings.m), settings.n: full_site}
    for n, built in sorted(sites.items()):
        if built is None:
            continue
        if searchload.find_bundle(built) is None:
            figures.append(
                Figure(
                    f"6. First search payload at N={n}",
                    "n/a: the build has no Pagefind bundle",
                    "≤ 300 KB gzip",
                )
            )
            break
        progress(f"search payload at N={n} (Chromium)")
        try:
            measured = searchload.first_search(built)
        except Exception as error:  # browser missing or broken: report, keep going
            figures.append(Figure(f"6. First search payload at N={n}", f"n/a: {error}"))
            continue
        bounds = _static_search_bounds(built, list(measured))
        parts = []
        for lang, f in measured.items():
            part = (
                f"{lang} 「{f['query']}」 {f['raw'] / KB:.0f} KB ({f['gzip'] / KB:.0f} KB gzip; "
                f"{len(f['files'])} files, {f['results']} results shown)"
            )
            if lang in bounds:
                part += f" [static upper bound {bounds[lang]['gzip'] / KB:.0f} KB gzip]"
            parts.append(part)
        met = all(f["gzip"] <= 300 * KB for f in measured.values())  # type: ignore[operator]
        figures.append(
            Figure(
                f"6. First search payload at N={n} per language: raw (gzip), in Chromium",
                "; ".join(parts),
                "≤ 300 KB gzip per language" if n == settings.n else "—",
                met if n == settings.n else None,
                {"browser": measured, "static_upper_bound": bounds},
            )
        )
    return figures


def _static_search_bounds(built: Path, languages: list[str]) -> dict[str, dict[str, int]]:
    """The search helper's static upper bound (``benchmarks/search_payload.py``), if present."""
    try:
        from . import search_payload  # type: ignore[attr-defined]
    except ImportError:
        return {}
    bounds = {}
    for lang in languages:
        try:
            bounds[lang] = search_payload.search_payload_bytes(built, lang)["first_search"]
        except (KeyError, OSError, ValueError) as error:
            progress(f"search_payload.py: {lang}: {error}")
    return bounds


def _edit_loop(site: GeneratedSite, python: Path, work: Path, settings: Settings) -> list[Figure]:
    from .editloop import measure_edit_loop

    slug = site.slugs[len(site.slugs) // 2]
    article = site.root / "docs" / article_path(slug, "zh-Hant")
    figures = []
    for target, serve_args in (
        ("serve", ("--strict",)),
        ("preview", ("--dirty", "--no-strict")),
    ):
        name = (
            f"7. Edit loop at N={settings.n}: save → changed page served by `make {target}` "
            f"(`mkdocs serve {' '.join(serve_args)}`; → rebuild finished, livereload)"
        )
        try:
            timings = measure_edit_loop(
                python,
                site.config,
                article,
                f"articles/{slug}/",
                settings.edits,
                work / f"{target}.log",
                serve_args,
            )
        except (TimeoutError, OSError) as error:
            figures.append(Figure(name, f"n/a: {error}"))
            continue
        figures.append(
            Figure(
                name,
                f"{fmt(median(timings['to_page']), 1)} s "
                f"(→ {fmt(median(timings['to_rebuilt']), 1)} s), "
                f"median of {len(timings['to_page'])}",
                details=timings,
            )
        )
    return figures
