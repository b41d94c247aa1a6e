"""Run MkDocs builds in fresh subprocesses and collect time, memory and .bib parse counts."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

CHILD = Path(__file__).with_name("mkdocs_child.py")
_START = time.monotonic()


def progress(message: str) -> None:
    """One progress line on stderr, with minutes:seconds since the run started."""
    elapsed = int(time.monotonic() - _START)
    print(f"[bench {elapsed // 60:02d}:{elapsed % 60:02d}] {message}", file=sys.stderr, flush=True)


class BuildFailed(RuntimeError):
    """A build exited non-zero; the message ends with the tail of its log."""


@dataclass(frozen=True)
class Build:
    """One way to build: which Python (venv) runs MkDocs on which configuration file."""

    label: str
    python: Path
    config: Path
    #: A folder deleted before every build of this kind (a cache, to measure cold builds).
    clear_before: Path | None = None


@dataclass(frozen=True)
class BuildResult:
    """Figures of one finished build."""

    label: str
    wall_seconds: float
    cpu_seconds: float
    maxrss_kib: int
    children_maxrss_kib: int
    bib_parses: int
    site_dir: Path
    #: Seconds of the build process (from starting MkDocs to its end) and, of those, inside
    #: the citation engine's hook events and Markdown processors.
    in_process_seconds: float = 0.0
    engine_seconds: float = 0.0
    #: Entries pybtex returned, over all its parses in the build (and the children it forks).
    bib_entries_parsed: int = 0
    #: Of those, entries parsed in a forked child (the citation prefetch).
    bib_entries_parsed_by_children: int = 0


def mkdocs_env() -> dict[str, str]:
    """The environment MkDocs runs in (Material's MkDocs 2 banner off, as in the Makefile)."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}


def run_build(build: Build, site_dir: Path) -> BuildResult:
    """``mkdocs build --strict`` of ``build.config`` into ``site_dir`` in a fresh process."""
    stats_path = site_dir.with_name(site_dir.name + ".stats.json")
    command = [
        str(build.python),
        "-P",  # no script folder on sys.path: benchmarks' modules must not shadow MkDocs' imports
        str(CHILD),
        str(stats_path),
        "build",
        "--strict",
        "--quiet",
        "--config-file",
        str(build.config),
        "--site-dir",
        str(site_dir),
    ]
    if build.clear_before is not None:
        shutil.rmtree(build.clear_before, ignore_errors=True)
    start = time.perf_counter()
    done = subprocess.run(
        command, cwd=build.config.parent, env=mkdocs_env(), capture_output=True, text=True
    )
    wall = time.perf_counter() - start
    if done.returncode != 0:
        tail = "\n".join(done.stderr.strip().splitlines()[-15:])
        raise BuildFailed(f"{build.label}: `mkdocs build --strict` failed:\n{tail}")
    stats = json.loads(stats_path.read_text(encoding="utf-8"))
    return BuildResult(
        label=build.label,
        wall_seconds=wall,
        cpu_seconds=stats["cpu_seconds"],
        maxrss_kib=stats["maxrss_kib"],
        children_maxrss_kib=stats["children_maxrss_kib"],
        bib_parses=stats["bib_parses"],
        site_dir=site_dir,
        in_process_seconds=stats.get("in_process_seconds", 0.0),
        engine_seconds=stats.get("citation_engine_seconds", 0.0),
        bib_entries_parsed=stats.get("bib_entries_parsed", 0),
        bib_entries_parsed_by_children=stats.get("bib_entries_parsed_by_children", 0),
    )


def run_side_by_side(
    builds: list[Build], repetitions: int, out: Path
) -> dict[str, list[BuildResult]]:
    """Every build once per repetition, in the given order and then reversed (A B B A), so a
    steady drift in machine load hits every build alike and builds listed next to each other
    run next to each other. Each build keeps its last site folder."""
    results: dict[str, list[BuildResult]] = {build.label: [] for build in builds}
    for round_ in range(repetitions):
        for build in builds if round_ % 2 == 0 else builds[::-1]:
            progress(f"build {build.label} ({round_ + 1}/{repetitions})")
            site_dir = out / build.label
            result = run_build(build, site_dir)
            progress(f"  {result.wall_seconds:.1f} s wall, {result.cpu_seconds:.1f} s CPU")
            results[build.label].append(result)
    return results
