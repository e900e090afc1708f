"""Print the catalog to PDF with headless Chromium.

usage: python -m scripts.build_pdf VERSION [--out DIR]

Builds the site, serves it on a loopback port, opens the print edition page (every pattern in
order, with its diagram), waits for every diagram to be drawn and prints it to
DIR/<site-name>-<VERSION>.pdf (DIR defaults to dist/). Fails if the page requests anything
from another host. Needs Chromium (CHROMIUM=/path, or chromium on PATH).
Exit status: 0 when the PDF was written, 1 when building or printing failed, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from scripts.browser import FLAGS, find_chromium
from scripts.build_offline import parse_release_args, site_slug
from scripts.schema import ROOT
from scripts.sitebuild import build_site
from scripts.static_server import serve

def print_pdf(site: Path, target: Path, chromium: str) -> None:
    from playwright.sync_api import sync_playwright
    foreign: list[str] = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=FLAGS)
        page = browser.new_page()
        page.on("request", lambda r: None if r.url.startswith((base, "data:", "blob:")) else foreign.append(r.url))
        page.goto(base + "print/", wait_until="networkidle")
        page.wait_for_function("() => [...document.querySelectorAll('.mermaid')].every(d => d.tagName === 'DIV' && d.getBoundingClientRect().height > 50)", timeout=60000)
        page.emulate_media(media="print")
        page.pdf(path=str(target), format="A4", print_background=True, margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"})
        browser.close()
    if foreign:
        target.unlink(missing_ok=True)
        raise RuntimeError(f"the print page requested other hosts: {foreign}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.build_pdf", description=__doc__.split("\n\n")[0])
    parser.add_argument("version", help="edition shown on the cover, e.g. 0.1")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    args = parse_release_args(parser, argv)
    if isinstance(args, int):
        return args
    chromium = find_chromium()
    if not chromium:
        print("error: Chromium not found; install it (Debian: apt-get install chromium) or set CHROMIUM", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        try:
            build_site(ROOT, site, CATALOG_EDITION=args.version)
        except RuntimeError as err:
            print(f"error: site build failed; no PDF written:\n{err}", file=sys.stderr)
            return 1
        args.out.mkdir(parents=True, exist_ok=True)
        target = args.out / f"{site_slug(ROOT)}-{args.version}.pdf"
        try:
            print_pdf(site, target, chromium)
        except Exception as err:  # a browser failure is reported, never a traceback
            print(f"error: printing failed; no PDF written: {err}", file=sys.stderr)
            return 1
    print(f"wrote {target} ({target.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
