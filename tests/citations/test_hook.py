"""The MkDocs hook on its own: config validation, paths relative to mkdocs.yml, labels."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from citation_helpers import HOOKS, SAMPLE_BIB
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from healthsite.citations import CitationExtension, load_labels


@pytest.fixture
def hook(tmp_path: Path) -> ModuleType:
    """The hook module, loaded the way MkDocs loads the `hooks:` of mkdocs.yml."""
    (tmp_path / "hook.yml").write_text(f"site_name: t\nhooks: [{HOOKS / 'citations.py'}]\n")
    (tmp_path / "docs").mkdir(exist_ok=True)
    (module,) = load_config(str(tmp_path / "hook.yml"))["hooks"].values()
    return module


def config_for(tmp_path: Path, citations: str):
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "refs").mkdir(exist_ok=True)
    (tmp_path / "refs" / "a.bib").write_text(SAMPLE_BIB, "utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: t\nextra:\n  citations:\n{citations}", "utf-8"
    )
    return load_config(str(tmp_path / "mkdocs.yml"))


def test_paths_resolve_against_mkdocs_yml(hook, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path.parent)  # not the site folder
    config = config_for(tmp_path, "    bibliography: [refs/*.bib]\n")
    config = hook.on_config(config)
    extensions = [e for e in config.markdown_extensions if isinstance(e, CitationExtension)]
    assert len(extensions) == 1
    assert extensions[0].bibliography.get("ost2018") is not None
    hook.on_config(config)  # a second language build does not register it twice
    assert sum(isinstance(e, CitationExtension) for e in config.markdown_extensions) == 1


@pytest.mark.parametrize(
    ("citations", "message"),
    [
        ("    bibliography: [refs/none/*.bib]\n", "'refs/none/*.bib' matches no file"),
        ("    bibliography: [refs/missing.bib]\n", "refs/missing.bib: bibliography file not found"),
        ("    bibliography: 5\n", "extra.citations.bibliography:"),
        (
            "    bibliography: [refs/a.bib]\n    labels:\n      fr: {refs: Références}\n",
            "extra.citations.labels.fr: unknown label 'refs'",
        ),
        (
            "    bibliography: [refs/a.bib]\n    labels:\n      en: {reference_number: Source}\n",
            "extra.citations.labels.en.reference_number: put {number} where the number goes",
        ),
    ],
)
def test_config_errors(hook, tmp_path: Path, citations: str, message: str) -> None:
    config = config_for(tmp_path, citations)
    with pytest.raises(PluginError) as info:
        hook.on_config(config)
    assert message in str(info.value)


def test_configured_labels_override_defaults() -> None:
    labels = load_labels({"en": {"references": "Sources"}, "ja": {"references": "参考文献"}})
    assert labels.get("en", "references") == "Sources"
    assert labels.get("en", "et_al") == "et al."  # untouched defaults stay
    assert labels.get("zh-Hant", "references") == "參考文獻"
    assert labels.get("ja", "references") == "参考文献"
    assert labels.get("ja", "et_al") == "et al."  # new language: filled from English
    assert labels.get("zh-TW", "et_al") == "等"  # same primary subtag


def test_an_unknown_setting_is_a_warning_naming_it(hook, tmp_path: Path, caplog) -> None:
    config = config_for(tmp_path, "    bibliography: [refs/a.bib]\n    colour: red\n")
    with caplog.at_level("WARNING"):
        hook.on_config(config)
    warnings = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert (
        "citations: mkdocs.yml: extra.citations.colour: Unrecognised configuration name: colour"
        in (warnings)
    )
