"""Shared fixtures: a small valid catalog to mutate, and one real strict build of the site."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from scripts.validate import check_catalog, load_catalog

ROOT = Path(__file__).resolve().parent.parent
GOOD = ROOT / "tests" / "fixtures" / "good"
TODAY = date(2026, 6, 1)


@pytest.fixture
def catalog_root(tmp_path: Path) -> Path:
    """A copy of the valid two-pattern fixture catalog."""
    root = tmp_path / "catalog"
    shutil.copytree(GOOD, root)
    return root


class Editor:
    """Edits one pattern of a fixture catalog and returns the validator's messages."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.path = root / "patterns" / "alpha-batching.md"

    def replace(self, old: str, new: str, path: Path | None = None) -> list[str]:
        path = path or self.path
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture text not found: {old!r}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return self.messages()

    def messages(self) -> list[str]:
        return [str(f) for f in check_catalog(load_catalog(self.root), TODAY)]


@pytest.fixture
def edit(catalog_root: Path) -> Editor:
    return Editor(catalog_root)


def mkdocs(root: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    return subprocess.run([sys.executable, "-m", "mkdocs", *args], cwd=root, env=env, capture_output=True, text=True, timeout=300)


def site_tree(tmp: Path, patterns_from: Path) -> Path:
    """A buildable copy of the repository's site sources: the real catalog plus another
    catalog's patterns and diagrams (the hand-written guide pages link to the real ones)."""
    root = tmp / "site-src"
    root.mkdir()
    for name in ("mkdocs.yml", "mkdocs.offline.yml", "docs", "overrides", "scripts", "CONTRIBUTING.md", "patterns", "diagrams"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, root / name)
    for name in ("patterns", "diagrams"):
        for path in (patterns_from / name).iterdir():
            if path.suffix in (".md", ".mmd"):
                shutil.copy(path, root / name / path.name)
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    return root


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real catalog, built once with --strict."""
    out = tmp_path_factory.mktemp("site")
    result = mkdocs(ROOT, "build", "--strict", "--site-dir", str(out))
    assert result.returncode == 0, result.stderr
    return out
