"""Check that the external links in patterns still resolve (needs network; run weekly in CI).

usage: python -m scripts.external_links [--list] [--root DIR]

Collects every https link from the pattern files and has LinkChecker fetch each of them.
With --list it only prints `path:line: url` for each link and checks nothing.
Exit status: 0 when every link resolves, 1 when any fails, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.parse import rel
from scripts.schema import ROOT
from scripts.validate import load_catalog

URL_RE = re.compile(r"https://[^\s)>\]\"'`]+")


def collect_links(root: Path) -> list[tuple[str, int, str]]:
    """Every distinct https URL in the patterns, with the first place it appears."""
    seen: dict[str, tuple[str, int, str]] = {}
    for p in load_catalog(root).patterns:
        for number, text in enumerate(p.lines, start=1):
            for url in URL_RE.findall(text):
                seen.setdefault(url.rstrip(".,;:"), (rel(p.path, root), number, url.rstrip(".,;:")))
    return sorted(seen.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.external_links", description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="print the links without checking them")
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    links = collect_links(args.root)
    if args.list:
        print("".join(f"{path}:{line}: {url}\n" for path, line, url in links), end="")
        return 0
    linkchecker = shutil.which("linkchecker", path=str(Path(sys.executable).parent)) or shutil.which("linkchecker")
    if not linkchecker:
        print("error: linkchecker is not installed; run make setup", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "references.html"
        items = "".join(f'<li><a href="{html.escape(url)}">{html.escape(f"{path}:{line}")}</a></li>\n' for path, line, url in links)
        page.write_text(f"<!doctype html><title>references</title><ul>\n{items}</ul>\n", encoding="utf-8")
        page.chmod(0o644)
        Path(folder).chmod(0o755)  # LinkChecker drops to 'nobody' when run as root
        result = subprocess.run([linkchecker, "--check-extern", "--recursion-level=1", "--no-status", str(page)])
    print(f"checked {len(links)} external link(s)", file=sys.stderr)
    return 0 if result.returncode == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
