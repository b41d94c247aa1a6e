"""Glossary tooltips from one abbreviation file per language.

Events: `on_config` (validate `extra.glossary`, read every language's file, enable the
glossary Markdown extension), `on_page_markdown` (hand it the page language's definitions).
Syntax read: `*[SBRT]: Stereotactic body radiotherapy` lines in `glossary/<language>.md`.
Material's `content.tooltips` feature shows the explanations on hover and focus.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from hook_support import add_extension_once, is_first_language_pass, load_section, page_language
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger

from healthsite.glossary.extension import GlossaryExtension
from healthsite.glossary.files import Glossary, GlossaryError, read_glossary

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(Path(__file__).stem)

# An abbreviation: capitals and digits, maybe hyphenated (SBRT, PD-L1, COVID-19).
ABBREVIATION = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)*")


class GlossaryConfig(Config):
    """`extra.glossary` in mkdocs.yml: language code -> glossary file."""

    files = config_options.Type(dict)


_glossaries: dict[str, Glossary] = {}
_extension = GlossaryExtension()


def on_config(config: MkDocsConfig) -> MkDocsConfig | None:
    settings = load_section(config, "glossary", GlossaryConfig, log)
    if not is_first_language_pass(config):
        return None
    project = Path(config.config_file_path).parent
    _glossaries.clear()
    for language, relative in settings.files.items():
        try:
            _glossaries[language] = read_glossary(project / relative, shown_as=relative)
        except GlossaryError as error:
            raise PluginError(str(error)) from None
    _warn_on_terms_missing_in_a_language()
    if "abbr" not in config.markdown_extensions:
        raise PluginError("mkdocs.yml: the glossary needs the 'abbr' Markdown extension")
    add_extension_once(config, _extension)
    return config


def on_page_markdown(
    markdown: str, *, page: Page, config: MkDocsConfig, files: Files
) -> str | None:
    glossary = _glossaries.get(page_language(page, config))
    _extension.glossary = glossary.definitions if glossary else {}
    _extension.page = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
    _extension.report = log.warning  # an exception on odd input: a located warning
    return None


def _warn_on_terms_missing_in_a_language() -> None:
    """Every language's glossary explains the same terms (a term missing is an author fix)."""
    languages = list(_glossaries)
    for language in languages:
        for other in languages:
            missing = set(_glossaries[language].definitions) - set(_glossaries[other].definitions)
            # Terms in words (遠隔效應, "abscopal effect") differ between languages;
            # abbreviations such as SBRT or PD-L1 are the same and must be explained in each.
            latin_missing = sorted(term for term in missing if ABBREVIATION.fullmatch(term))
            if latin_missing:
                log.warning(
                    f"{_glossaries[other].shown_as}: no explanation for "
                    f"{', '.join(latin_missing)} (defined in {_glossaries[language].shown_as}); "
                    f"add '*[TERM]: …' lines"
                )
