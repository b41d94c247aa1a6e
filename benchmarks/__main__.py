"""``python -m benchmarks``: speed and weight figures of the site build (``make bench``).

Prints a Markdown table on stdout, progress on stderr, and writes ``benchmarks/results/
latest.md`` and ``latest.json``. See benchmarks/README.md for what each figure measures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import tempfile
from pathlib import Path

from .report import machine_info, print_table, write_results
from .runner import progress
from .suite import Settings, run_suite

HERE = Path(__file__).resolve().parent
PROJECT = HERE.parent
SKIPPABLE = ("bibtex", "scaling", "search", "serve", "lighthouse")


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part.strip())


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument(
        "--quick", action="store_true", help="smoke run: tiny corpora, 1 repetition"
    )
    parser.add_argument("--n", type=int, help="article pairs in the main corpus (default 200)")
    parser.add_argument("--m", type=int, help=".bib entries in the main corpus (default 1000)")
    parser.add_argument("--repetitions", type=int, help="builds per variant (default 4)")
    parser.add_argument("--scaling-n", type=_numbers, help="N values, e.g. 50,200,800")
    parser.add_argument("--scaling-m", type=_numbers, help="M values, e.g. 1000,10000")
    parser.add_argument("--seed", type=int, help="corpus seed (default 1)")
    parser.add_argument(
        "--today",
        type=dt.date.fromisoformat,
        help="date review dates are relative to (default: today)",
    )
    parser.add_argument("--skip", default="", help=f"comma-separated, of: {', '.join(SKIPPABLE)}")
    parser.add_argument("--project", type=Path, default=PROJECT, help="project to measure")
    parser.add_argument("--results", type=Path, default=HERE / "results", help="output folder")
    parser.add_argument("--workdir", type=Path, help="where corpora and builds go (default: tmp)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary work folder")
    return parser.parse_args(argv)


def settings_from(args: argparse.Namespace) -> Settings:
    """Settings from the options (``--quick`` first, explicit sizes override it)."""
    skip = frozenset(part.strip() for part in args.skip.split(",") if part.strip())
    unknown = skip - set(SKIPPABLE)
    if unknown:
        raise SystemExit(f"--skip: unknown {', '.join(sorted(unknown))} (known: {SKIPPABLE})")
    changes = {
        "n": args.n,
        "m": args.m,
        "repetitions": args.repetitions,
        "scaling_n": args.scaling_n,
        "scaling_m": args.scaling_m,
        "seed": args.seed,
        "today": args.today,
    }
    given = {key: value for key, value in changes.items() if value is not None}
    given["skip"] = skip
    return Settings.quick(**given) if args.quick else Settings(**given)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    settings = settings_from(args)
    work = args.workdir or Path(tempfile.mkdtemp(prefix="bench-"))
    work.mkdir(parents=True, exist_ok=True)
    progress(f"work folder {work}")
    try:
        figures = run_suite(args.project.resolve(), work, settings)
    finally:
        if not args.keep and args.workdir is None:  # never delete a folder the user named
            shutil.rmtree(work, ignore_errors=True)
    info = machine_info(args.project)
    parameters = {
        key: (sorted(value) if isinstance(value, frozenset) else value)
        for key, value in vars(settings).items()
    }
    md, js = write_results(args.results, figures, info, parameters)
    print_table(figures, info)
    progress(f"wrote {md} and {js}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
