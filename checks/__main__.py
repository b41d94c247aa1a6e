"""`python -m checks [--fast] [--only …]`, `python -m checks mark-translated PATH`, and the online
`python -m checks verify-references` and `python -m checks add-reference DOI-or-PMID`."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path

from healthsite.content.articles import language_parts
from healthsite.content.findings import Finding
from healthsite.content.sources import read_source
from healthsite.content.translations import mark_translated
from healthsite.references.cache import ResponseCache
from healthsite.references.client import RegistryClient

from .code_lint import check_code
from .content import check_content
from .markdown_lint import check_markdown
from .project import Project, ProjectError
from .references import DEFAULT_BIB, Output, add_reference, verify_references
from .report import emit, summary, unique
from .site import check_site

STAGES: dict[str, Callable[[Project, dt.date], list[Finding]]] = {
    "content": check_content,
    "markdown": lambda project, today: check_markdown(project),
    "code": lambda project, today: check_code(project),
    "site": lambda project, today: check_site(project),
}
FAST = ("content", "markdown", "code")
#: Caches, relative to the repository root (git-ignored).
CACHE = Path(".cache")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m checks", description=__doc__)
    parser.add_argument(
        "--root", type=Path, default=Path.cwd(), help="repository root (mkdocs.yml)"
    )
    parser.add_argument(
        "--today", type=dt.date.fromisoformat, default=dt.date.today(), help=argparse.SUPPRESS
    )
    sub = parser.add_subparsers(dest="command")
    check = sub.add_parser("check", help="run the checks (the default)")
    marker = sub.add_parser("mark-translated", help="record that a translation is current")
    marker.add_argument("path", type=Path, help="the translation, e.g. docs/articles/x.en.md")
    verify = sub.add_parser(
        "verify-references", help="check every bibliography entry with Crossref and PubMed"
    )
    verify.add_argument(
        "--no-cache", action="store_true", help="ask the registries even if asked this week"
    )
    adder = sub.add_parser("add-reference", help="append an entry made from a DOI or PMID")
    adder.add_argument("identifier", help="a DOI (10.1234/…) or a PMID (digits)")
    adder.add_argument("--bib", default=DEFAULT_BIB, help=f"the file to append to ({DEFAULT_BIB})")
    for online in (verify, adder):
        online.add_argument(
            "--timeout", type=float, default=20.0, help="seconds to wait for a registry (20)"
        )
    for command in (parser, check):
        group = command.add_mutually_exclusive_group()
        group.add_argument(
            "--fast", action="store_true", help="skip the strict build and link check"
        )
        group.add_argument("--only", help="comma-separated stages: " + ",".join(STAGES))
    args = parser.parse_args(argv)
    try:
        project = Project.load(args.root)
    except ProjectError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.command == "mark-translated":
        return _mark(project, args.path, args.today)
    output = Output(sys.stdout, sys.stderr, github=os.environ.get("GITHUB_ACTIONS") == "true")
    if args.command == "verify-references":
        folder = project.root / CACHE / "references"
        cache = None if args.no_cache else ResponseCache(folder, args.today)
        client = RegistryClient.from_environment(timeout=args.timeout, cache=cache)
        return verify_references(project, client, output)
    if args.command == "add-reference":
        client = RegistryClient.from_environment(timeout=args.timeout)
        return add_reference(
            project, args.identifier, client, output, today=args.today, bib=args.bib
        )
    stages = args.only.split(",") if args.only else list(FAST if args.fast else STAGES)
    unknown = [name for name in stages if name not in STAGES]
    if unknown:
        parser.error(f"unknown stage(s) {', '.join(unknown)}; choose from {', '.join(STAGES)}")
    findings: list[Finding] = []
    for name in stages:
        findings += STAGES[name](project, args.today)
    findings = unique(findings)
    emit(findings, sys.stdout, github=os.environ.get("GITHUB_ACTIONS") == "true")
    print(summary(findings), file=sys.stderr)
    return 1 if any(f.severity == "error" for f in findings) else 0


def _mark(project: Project, path: Path, today: dt.date) -> int:
    target = path if path.is_absolute() else Path.cwd() / path
    parts = language_parts(target.name)
    if not target.exists() or parts is None or parts[1] not in project.languages:
        print(f"{path}: not an article file (docs/articles/<slug>.<lang>.md)", file=sys.stderr)
        return 2
    if parts[1] == project.source_language:
        print(
            f"{path}: is in the source language {project.source_language}; "
            "mark its translation instead",
            file=sys.stderr,
        )
        return 2
    source = target.with_name(f"{parts[0]}.{project.source_language}.md")
    if not source.exists():
        print(f"{path}: its source {source.name} does not exist", file=sys.stderr)
        return 2
    texts = {}
    for file in (target, source):
        decoded = read_source(str(file), file.read_bytes())
        if not decoded.decoded:
            print(decoded.findings[0].compiler_style(), file=sys.stderr)
            return 2
        texts[file] = decoded.text
    updated = mark_translated(
        texts[target],
        source_text=texts[source],
        source_language=project.source_language,
        today=today,
    )
    target.write_text(updated, encoding="utf-8")
    print(f"{path}: marked as a current translation of {source.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
