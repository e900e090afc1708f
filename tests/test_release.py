"""Releases: mike versions on a local gh-pages branch, and the reproducible offline archive
opened from file:// in Chromium with no request to anything but the file system."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import GOOD, ROOT, site_tree
from scripts.build_offline import site_slug
from scripts.validate import load_catalog
from test_browser import FLAGS, chromium_path

pytestmark = pytest.mark.build
BIN = Path(sys.executable).parent


def git(repo: Path, *args: str) -> str:
    result = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def publish(repo: Path, version: str) -> subprocess.CompletedProcess:
    # STAMP_* emptied: the test's tree borrows this checkout's .venv and node_modules.
    return subprocess.run(["make", "-s", "publish", f"VERSION={version}", "STAMP_PY=", "STAMP_JS=", f"BIN={BIN}"],
                          cwd=repo, capture_output=True, text=True, timeout=300)


@pytest.fixture
def site_repo(tmp_path: Path) -> Path:
    root = site_tree(tmp_path, GOOD)
    for name in ("Makefile", "requirements.txt", "package.json", "package-lock.json"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, root / name)
    git(root, "init", "-q", "-b", "main")
    git(root, "config", "user.email", "test@example.invalid")
    git(root, "config", "user.name", "test")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "catalog")
    return root


def test_mike_publishes_versions_moves_latest_and_keeps_earlier_ones(site_repo: Path) -> None:
    for version in ("0.1", "0.2"):
        result = publish(site_repo, version)
        assert result.returncode == 0, result.stdout + result.stderr
    tree = git(site_repo, "ls-tree", "--name-only", "gh-pages").split()
    assert {"0.1", "0.2", "latest", "versions.json", "index.html"} <= set(tree)
    versions = __import__("json").loads(git(site_repo, "show", "gh-pages:versions.json"))
    assert [(v["version"], v["aliases"]) for v in versions] == [("0.2", ["latest"]), ("0.1", [])]
    assert 'url=../0.2/' in git(site_repo, "show", "gh-pages:latest/index.html")
    assert 'url=latest/' in git(site_repo, "show", "gh-pages:index.html")
    page = git(site_repo, "show", "gh-pages:0.2/patterns/alpha-batching/index.html")
    assert '"version": {"provider": "mike"}' in page
    assert 'rel="canonical" href="https://ai-system-design-patterns.github.io/catalog/latest/patterns/alpha-batching/"' in page
    before = set(git(site_repo, "ls-tree", "-r", "--name-only", "gh-pages", "0.1").split())
    assert publish(site_repo, "0.2").returncode == 0
    assert set(git(site_repo, "ls-tree", "-r", "--name-only", "gh-pages", "0.1").split()) == before
    assert "0.2" in git(site_repo, "ls-tree", "--name-only", "gh-pages").split()
    assert git(site_repo, "remote").strip() == ""  # nothing could have been pushed


def test_publish_refuses_without_a_version(site_repo: Path) -> None:
    result = publish(site_repo, "")
    assert result.returncode != 0 and "usage: make publish VERSION=x.y" in result.stdout


def build_offline(out: Path, version: str = "0.1") -> Path:
    result = subprocess.run([sys.executable, "-m", "scripts.build_offline", version, "--out", str(out)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return out / f"{site_slug(ROOT)}-{version}-offline.zip"


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_offline(tmp_path_factory.mktemp("dist"))


@pytest.fixture(scope="module")
def unpacked(archive: Path) -> Iterator[Path]:
    # World-readable outside pytest's private temp folder: LinkChecker drops to 'nobody' as root.
    folder = Path(tempfile.mkdtemp(prefix="offline-"))
    try:
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(folder)
        for path in [folder, *folder.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        yield folder
    finally:
        shutil.rmtree(folder)


def test_archive_has_index_at_its_root_and_the_vendored_scripts(archive: Path) -> None:
    names = zipfile.ZipFile(archive).namelist()
    assert "index.html" in names and "search/search_index.js" in names
    assert "assets/vendor/mermaid.min.js" in names and "assets/vendor/iframe-worker-shim.js" in names
    assert names == sorted(names)
    assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in zipfile.ZipFile(archive).infolist())


def test_two_builds_of_the_same_tree_are_identical(archive: Path, tmp_path: Path) -> None:
    assert build_offline(tmp_path).read_bytes() == archive.read_bytes()


def test_archive_pages_name_their_edition_and_load_nothing_remote(unpacked: Path) -> None:
    for page in unpacked.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "Offline edition 0.1" in text, page
        assert "unpkg.com" not in text and "fonts.googleapis" not in text, page


def test_bad_version_is_refused_without_an_archive(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "scripts.build_offline", "latest", "--out", str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and list(tmp_path.iterdir()) == []


def test_linkchecker_over_the_unpacked_archive(unpacked: Path) -> None:
    linkchecker = shutil.which("linkchecker", path=str(BIN))
    assert linkchecker, "linkchecker is not installed in the virtual environment"
    result = subprocess.run([linkchecker, "--config", str(ROOT / "tests" / "linkcheckerrc"), "--no-status", (unpacked / "index.html").as_uri()],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.browser
def test_offline_archive_works_from_file_urls_in_chromium(unpacked: Path) -> None:
    from playwright.sync_api import sync_playwright
    pattern = load_catalog(ROOT).patterns[0]
    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=[*FLAGS, "--allow-file-access-from-files"])
        page = browser.new_page()
        page.on("request", lambda r: requests.append(r.url))
        page.on("console", lambda m: errors.append(f"{m.text} at {m.location}") if m.type == "error" else None)
        page.on("pageerror", lambda e: errors.append(f"{e} {e.stack}"))
        page.goto((unpacked / "index.html").as_uri())
        assert "Offline edition 0.1" in page.inner_text("body")
        page.click(f"article a[href='patterns/{pattern.id}.html']")
        page.wait_for_url(f"**/patterns/{pattern.id}.html")
        page.locator(".mermaid").first.scroll_into_view_if_needed()
        page.wait_for_function("() => { const d = document.querySelector('div.mermaid'); return d && d.getBoundingClientRect().height > 100; }", timeout=15000)
        page.click("input.md-search__input")
        page.keyboard.type(pattern.title.split()[0], delay=50)
        page.wait_for_selector(".md-search-result__item", timeout=15000)
        assert pattern.title in page.inner_text(".md-search-result__list")
        page.click(f".md-search-result__item a[href*='patterns/{pattern.id}.html']")
        page.wait_for_url(f"**/patterns/{pattern.id}.html*")
        browser.close()
    foreign = [u for u in requests if not u.startswith("file://")]
    assert foreign == [], foreign
    assert errors == [], errors
