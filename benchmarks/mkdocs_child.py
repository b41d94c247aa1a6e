"""Run one ``mkdocs`` command in this process and write its resource figures as JSON.

Usage: ``<venv>/bin/python mkdocs_child.py STATS.json build -f variant.yml …``

Standard library only, so any venv with MkDocs can run it (the project's and mkdocs-bibtex's).
It counts BibTeX parses by wrapping pybtex's ``bibtex.Parser.parse_string`` (the one method
every pybtex entry point goes through) when, and only when, something imports pybtex, so builds
without citations do not pay for the import; the counts live in shared memory, so parses in a
child the build forks (the citation prefetch) are counted too, apart. It also times the
citation engine's own work: the event handlers of a hook file named ``citations.py`` and the
Markdown processors registered under the extension's names (``pandoc_citation``,
``pandoc_citations_reset``, ``pandoc_bibliography``).
"""

from __future__ import annotations

import functools
import importlib.abc
import importlib.machinery
import json
import multiprocessing
import os
import resource
import sys
import time
from pathlib import Path
from types import ModuleType

PYBTEX_PARSER = "pybtex.database.input.bibtex"
#: Parse counts in shared memory: the build forks a child (the citation prefetch) that parses
#: too. Slots: calls, characters, entries in the build process, then the same in children.
parses = multiprocessing.Array("q", 6)
BUILD_PID = os.getpid()
ENGINE_HOOK = "citations.py"
ENGINE_PROCESSORS = ("pandoc_citation", "pandoc_citations_reset", "pandoc_bibliography")
engine = {"seconds": 0.0}


def _timed(function):  # type: ignore[no-untyped-def]
    @functools.wraps(function)  # keeps attributes such as MkDocs' event priority
    def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            engine["seconds"] += time.perf_counter() - start

    return wrapper


def _time_citation_engine() -> None:
    """Time the citation hook's event handlers and its Markdown processors."""
    import markdown.util
    from mkdocs.config import config_options

    register = markdown.util.Registry.register

    def register_timed(self, item, name, priority):  # type: ignore[no-untyped-def]
        if name in ENGINE_PROCESSORS:
            for method in ("run", "handleMatch"):
                if hasattr(item, method):
                    setattr(item, method, _timed(getattr(item, method)))
        return register(self, item, name, priority)

    markdown.util.Registry.register = register_timed
    load_hook = config_options.Hooks._load_hook

    def load_hook_timed(self, name, path):  # type: ignore[no-untyped-def]
        if Path(path).name != ENGINE_HOOK:
            return load_hook(self, name, path)
        module = _timed(load_hook)(self, name, path)  # importing the engine counts too
        for attribute in dir(module):
            handler = getattr(module, attribute)
            if attribute.startswith("on_") and callable(handler):
                setattr(module, attribute, _timed(handler))
        return module

    config_options.Hooks._load_hook = load_hook_timed


class _CountingFinder(importlib.abc.MetaPathFinder):
    """Patch pybtex's BibTeX parser right after the module is first imported."""

    def find_spec(self, name, path, target=None):  # type: ignore[no-untyped-def]
        if name != PYBTEX_PARSER:
            return None
        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        original_exec = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            original_exec(module)
            _patch(module)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _patch(module: ModuleType) -> None:
    parser = module.Parser
    original = parser.parse_string

    def parse_string(self, text):  # type: ignore[no-untyped-def]
        data = original(self, text)
        base = 0 if os.getpid() == BUILD_PID else 3
        with parses.get_lock():
            parses[base] += 1
            parses[base + 1] += len(text)
            parses[base + 2] += len(data.entries)  # a new Parser per call in the engine
        return data

    parser.parse_string = parse_string


def main() -> int:
    stats_path, args = sys.argv[1], sys.argv[2:]
    sys.meta_path.insert(0, _CountingFinder())
    from mkdocs.__main__ import cli

    _time_citation_engine()

    start = time.perf_counter()
    code: int | str | None = 0
    try:
        cli.main(args=args, prog_name="mkdocs")
    except SystemExit as exit_:
        code = exit_.code
    elapsed = time.perf_counter() - start
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    stats = {
        "in_process_seconds": elapsed,
        "cpu_seconds": own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime,
        "maxrss_kib": own.ru_maxrss,
        "children_maxrss_kib": children.ru_maxrss,
        "bib_parses": parses[0] + parses[3],
        "bib_chars_parsed": parses[1] + parses[4],
        "bib_entries_parsed": parses[2] + parses[5],
        "bib_entries_parsed_by_children": parses[5],
        "citation_engine_seconds": engine["seconds"],
    }
    with open(stats_path, "w", encoding="utf-8") as handle:
        json.dump(stats, handle)
    return code if isinstance(code, int) else 1


if __name__ == "__main__":
    sys.exit(main())
