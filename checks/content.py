"""Run the content rules over a project: front matter, translations, bibliography."""

from __future__ import annotations

import datetime as dt

from healthsite.content.bibliography import check_bibliography
from healthsite.content.citations import Citation, citations
from healthsite.content.findings import Finding
from healthsite.content.front_matter import check_front_matter
from healthsite.content.page_files import duplicate_pages
from healthsite.content.sources import check_source
from healthsite.content.translations import check_pair, missing_finding

from .project import Project


def check_articles(project: Project, today: dt.date) -> list[Finding]:
    """Front matter of every article and parity of every source/translation pair."""
    findings: list[Finding] = []
    for slug, versions in project.articles().items():
        for language, article in versions.items():
            findings += check_front_matter(
                article.path,
                article.document,
                language=language,
                source_language=project.source_language,
                today=today,
            )
        source = versions.get(project.source_language)
        for language, name in project.languages.items():
            if language in versions:
                continue
            existing = next(iter(versions.values()))
            findings.append(
                missing_finding(existing.path, project.article_path(slug, language), name)
            )
        if source is None:
            continue
        for language, translation in versions.items():
            if language != project.source_language:
                findings += check_pair(source, translation)
    return findings


def cited_keys(project: Project) -> dict[str, list[tuple[str, Citation]]]:
    """key -> every (page path, citation) in docs_dir, in file order."""
    cited: dict[str, list[tuple[str, Citation]]] = {}
    for path in project.markdown_files():
        for citation in citations(project.read(path)):
            cited.setdefault(citation.key, []).append((path, citation))
    return cited


def check_sources(project: Project) -> list[Finding]:
    """File-level rules of every Markdown page, as the build's `source_files` hook applies
    them: encoding, BOM, front matter of non-article pages, unsafe links, article file names,
    a page written both as `x.md` and `x.<source language>.md`."""
    articles = {path: slug for path, slug, _language in project.article_files()}
    findings = duplicate_pages(project.markdown_files(), project.languages, project.source_language)
    for path in project.markdown_files():
        data = (project.root / path).read_bytes()
        findings += check_source(path, data, article_slug=articles.get(path)).findings
    return findings


def check_content(project: Project, today: dt.date) -> list[Finding]:
    """All content findings (no external tools)."""
    bib = {path: (project.root / path).read_bytes() for path in project.bib_files()}
    findings = check_sources(project) + check_articles(project, today)
    cited = cited_keys(project)
    if bib or cited:
        findings += check_bibliography(bib, cited)
    return findings
