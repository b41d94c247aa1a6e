"""The layout of a site repository: languages, articles, Markdown and BibTeX files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.exceptions import ConfigurationError

from healthsite.content.articles import ARTICLES_DIR, article_parts
from healthsite.content.languages import site_languages
from healthsite.content.translations import Article

TEMPLATES = "templates"
BIBLIOGRAPHY = "bibliography"


class ProjectError(Exception):
    """mkdocs.yml cannot be read; the message says where."""


@dataclass
class Project:
    """A site repository rooted at `root` (the folder holding mkdocs.yml)."""

    root: Path
    docs_dir: str = "docs"
    languages: dict[str, str] = field(default_factory=lambda: site_languages(None)[0])
    source_language: str = "zh-Hant"

    @classmethod
    def load(cls, root: Path) -> Project:
        """docs_dir and the site's languages (the i18n default is the source), as MkDocs
        itself reads mkdocs.yml. Raises `ProjectError` when MkDocs cannot read it."""
        project = cls(root=root.resolve())
        config_file = project.root / "mkdocs.yml"
        if not config_file.exists():
            return project
        try:
            config = load_config(str(config_file))
        except ConfigurationError as error:
            raise ProjectError(f"mkdocs.yml: {error}") from None
        project.docs_dir = Path(config.docs_dir).resolve().relative_to(project.root).as_posix()
        project.languages, project.source_language = site_languages(config.plugins)
        return project

    def relative(self, path: Path) -> str:
        return path.resolve().relative_to(self.root).as_posix()

    def read(self, relative: str) -> str:
        """The file's text; bytes that are not UTF-8 read as U+FFFD (`check_sources` reports
        them at their line), so one such file never stops the other checks."""
        return (self.root / relative).read_text(encoding="utf-8", errors="replace")

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
        for path in sorted((self.root / self.docs_dir / ARTICLES_DIR).glob("*.md")):
            parts = article_parts(f"{ARTICLES_DIR}/{path.name}", self.languages)
            if parts is not None:
                found.append((self.relative(path), *parts))
        return found

    def articles(self) -> dict[str, dict[str, Article]]:
        """slug -> language -> article."""
        grouped: dict[str, dict[str, Article]] = {}
        for path, slug, language in self.article_files():
            grouped.setdefault(slug, {})[language] = Article(path, self.read(path))
        return grouped

    def article_path(self, slug: str, language: str) -> str:
        return f"{self.docs_dir}/{ARTICLES_DIR}/{slug}.{language}.md"

    def bib_files(self) -> list[str]:
        return sorted(self.relative(p) for p in (self.root / BIBLIOGRAPHY).glob("*.bib"))
