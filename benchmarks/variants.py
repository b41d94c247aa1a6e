"""Read the project's mkdocs.yml and write build variants that inherit from it.

Variants are small files with ``INHERIT: mkdocs.yml`` that replace a few keys (MkDocs merges
mappings and replaces lists), so the project's configuration, with its Python tags, is used as
written and whatever hooks and plugins it lists are what gets measured.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

#: Names of the hook module that runs the citation engine.
CITATION_HOOK = "citations.py"
#: Name of the hook module that builds the search index (Pagefind).
SEARCH_HOOK = "search_index.py"
#: Where cold-build variants keep the citation cache (emptied before each of their builds),
#: apart from the default folder that warm builds reuse.
COLD_CACHE_DIR = ".cache/citations-cold"
#: Plugins that stay in the "plain Material" build: the language plugin (the pages use the
#: suffix structure, so nothing builds without it).
PLAIN_KEPT_PLUGINS = ("i18n",)
#: Material's own icon for each `theme.icon` role (its partials' `or "material/…"`): the plain
#: build draws them as Material does, in the page, not from the site's icon set and stylesheet.
#: MkDocs merges an inherited `theme.icon` key by key, so each role is set back explicitly.
MATERIAL_ICONS = {
    "logo": "material/library",
    "menu": "material/menu",
    "search": "material/magnify",
    "previous": "material/arrow-left",
    "next": "material/arrow-right",
    "close": "material/close",
    "alternate": "material/translate",
    "top": "material/arrow-up",
}


class _TolerantLoader(yaml.SafeLoader):
    """Safe loader that turns Python and MkDocs tags (``!ENV``, ``!!python/…``) into None."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_TolerantLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
_TolerantLoader.add_multi_constructor("!", _ignore_tag)


def read_config(path: Path) -> dict[str, Any]:
    """The configuration mapping of ``path`` (following ``INHERIT``), tags read as None."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_TolerantLoader) or {}
    parent = data.pop("INHERIT", None)
    if parent:
        base = read_config(path.parent / parent)
        base.update(data)  # good enough for the keys read here
        return base
    return data


def plugin_name(entry: Any) -> str:
    """``"search"`` for ``search`` or ``{"search": {...}}``."""
    return entry if isinstance(entry, str) else next(iter(entry))


def write_variant(folder: Path, name: str, overrides: dict[str, Any]) -> Path:
    """Write ``<name>.yml`` inheriting ``mkdocs.yml`` with ``overrides``; return its path."""
    path = folder / f"{name}.yml"
    text = yaml.safe_dump({"INHERIT": "mkdocs.yml", **overrides}, allow_unicode=True)
    path.write_text(f"# Benchmark variant '{name}' (generated)\n{text}", encoding="utf-8")
    return path


def hooks_without_citations(hooks: list[str]) -> list[str]:
    """The hook list with the citation hook left out."""
    return [hook for hook in hooks if Path(hook).name != CITATION_HOOK]


def hooks_without_search(hooks: list[str]) -> list[str]:
    """The hook list with the search index hook left out."""
    return [hook for hook in hooks if Path(hook).name != SEARCH_HOOK]


def cold_citations(overrides: dict[str, Any]) -> dict[str, Any]:
    """``overrides`` plus a citation cache folder of its own (MkDocs merges ``extra`` deeply)."""
    return {**overrides, "extra": {"citations": {"cache_dir": COLD_CACHE_DIR}}}


def citation_hooks(hooks: list[str]) -> list[str]:
    """Only the citation hook (empty if the project has none yet)."""
    return [hook for hook in hooks if Path(hook).name == CITATION_HOOK]


def plain_plugins(plugins: list[Any]) -> list[Any]:
    """Material's own search (default separator) plus the language plugin, nothing else."""
    kept = [entry for entry in plugins if plugin_name(entry) in PLAIN_KEPT_PLUGINS]
    return ["search", *kept]


def bibtex_plugins(plugins: list[Any], bib_dir: str) -> list[Any]:
    """The project's plugins that mkdocs-bibtex's venv has, with mkdocs-bibtex first."""
    kept = [entry for entry in plugins if plugin_name(entry) in ("search", "i18n")]
    return [{"bibtex": {"bib_dir": bib_dir}}, *kept]
