"""The layout of a site repository: languages, articles, Markdown and BibTeX files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from healthsite.content.front_matter import article_parts
from healthsite.content.translations import Article

ARTICLES = "articles"
TEMPLATES = "templates"
BIBLIOGRAPHY = "bibliography"
DEFAULT_LANGUAGES = {"zh-Hant": "繁體中文", "en": "English"}


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without running its `!!python/...` and `!ENV` tags."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_ConfigLoader.add_multi_constructor("!", _ignore_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


@dataclass
class Project:
    """A site repository rooted at `root` (the folder holding mkdocs.yml)."""

    root: Path
    docs_dir: str = "docs"
    languages: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_LANGUAGES))
    source_language: str = "zh-Hant"

    @classmethod
    def load(cls, root: Path) -> Project:
        """Read docs_dir and the i18n languages (first default = source) from mkdocs.yml."""
        project = cls(root=root.resolve())
        config_file = project.root / "mkdocs.yml"
        if not config_file.exists():
            return project
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}
        project.docs_dir = str(config.get("docs_dir", "docs")).rstrip("/")
        for plugin in config.get("plugins") or []:
            if isinstance(plugin, dict) and "i18n" in plugin:
                languages = (plugin["i18n"] or {}).get("languages") or []
                if languages:
                    project.languages = {
                        lang["locale"]: lang.get("name", lang["locale"]) for lang in languages
                    }
                    defaults = [lang["locale"] for lang in languages if lang.get("default")]
                    project.source_language = defaults[0] if defaults else languages[0]["locale"]
        return project

    def relative(self, path: Path) -> str:
        return path.resolve().relative_to(self.root).as_posix()

    def read(self, relative: str) -> str:
        return (self.root / relative).read_text(encoding="utf-8")

    def markdown_files(self) -> list[str]:
        """Every page source under docs_dir."""
        return sorted(self.relative(p) for p in (self.root / self.docs_dir).rglob("*.md"))

    def lintable_markdown(self) -> list[str]:
        """Markdown files for the hygiene linter: pages and article templates."""
        templates = sorted(self.relative(p) for p in (self.root / TEMPLATES).glob("*.md"))
        return self.markdown_files() + templates

    def article_files(self) -> list[tuple[str, str, str]]:
        """(path, slug, language) of every article (`docs/articles/<slug>.<lang>.md`, no index)."""
        found = []
        for path in sorted((self.root / self.docs_dir / ARTICLES).glob("*.md")):
            parts = article_parts(path.name)
            if parts is None or parts[0] == "index" or parts[1] not in self.languages:
                continue
            found.append((self.relative(path), parts[0], parts[1]))
        return found

    def articles(self) -> dict[str, dict[str, Article]]:
        """slug -> language -> article."""
        grouped: dict[str, dict[str, Article]] = {}
        for path, slug, language in self.article_files():
            grouped.setdefault(slug, {})[language] = Article(path, self.read(path))
        return grouped

    def article_path(self, slug: str, language: str) -> str:
        return f"{self.docs_dir}/{ARTICLES}/{slug}.{language}.md"

    def bib_files(self) -> list[str]:
        return sorted(self.relative(p) for p in (self.root / BIBLIOGRAPHY).glob("*.bib"))
