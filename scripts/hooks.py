"""MkDocs hooks: thin adapters from the build to the validator and generator.

Each hook only decides what applies and hands the work to plain functions in
scripts/validate.py and scripts/render.py, which `python -m scripts.render` also calls.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

# MkDocs loads this file by path, so the repository root is not importable by default.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scripts import render  # noqa: E402
from scripts.validate import check_catalog, load_catalog  # noqa: E402


class StaticFile(File):
    """A generated file served as is, even when its name ends in .md (the Markdown exports)."""

    def is_documentation_page(self) -> bool:
        return False


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Validate the catalog, then add the generated pages and the vendored scripts."""
    root = Path(config.config_file_path).parent
    catalog = load_catalog(root)
    findings = check_catalog(catalog)
    if findings:
        lines = "\n".join(map(str, findings))
        raise PluginError(f"the pattern catalog has {len(findings)} finding(s); run 'make check':\n{lines}")
    home = Path(config.docs_dir, render.HOME).read_text(encoding="utf-8")
    pages = render.generated_pages(catalog, home, directory_urls=config.use_directory_urls, edition=config.extra.get("edition", ""))
    for uri, content in pages.items():
        old = files.get_file_from_path(uri)
        if old is not None:
            files.remove(old)
        new = File.generated(config, uri, content=content)
        if old is not None:
            new.edit_uri = old.edit_uri
        files.append(new)
    for uri, content in render.generated_files(catalog, config.site_name, config.site_url or "", config.site_description or "").items():
        export = StaticFile.generated(config, f"_exports/{uri}", content=content)
        export.dest_uri = uri
        export.url = uri
        files.append(export)
    for uri, source in render.VENDOR_FILES.items():
        path = root / source
        if not path.is_file():
            raise PluginError(f"{source} is missing; run 'npm ci' (make serve and make site do this)")
        files.append(File.generated(config, uri, abs_src_path=str(path)))
    config.nav = render.expand_nav(config.nav or [], catalog.patterns)
    return files


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav) -> dict:
    """Point 'Edit this page' of a generated pattern page at its file in patterns/."""
    source = page.meta.get("source")
    if source and config.edit_uri:
        docs = os.path.relpath(config.docs_dir, Path(config.config_file_path).parent)
        page.edit_url = render.edit_url(config.edit_uri, docs, source)
    return context
