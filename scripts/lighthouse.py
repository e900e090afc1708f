"""Lighthouse scores for the home page and a pattern page, mobile and desktop (`make lighthouse`).

Builds the site, serves it on loopback with gzip as a static host would, runs the pinned
Lighthouse (node_modules, npm `lighthouse@12.2.3`) with the system Chromium, prints a table and
exits 1 when a score misses its target. Performance is the median of --runs runs (default 5,
as Lighthouse's documentation advises): on this shared 2-core machine, three mobile runs of
the same page once scored 90, 77 and 98. Reports go to dist/lighthouse/ as JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.browser import FLAGS, find_chromium
from scripts.schema import ROOT
from scripts.sitebuild import build_site
from scripts.static_server import serve

LIGHTHOUSE = ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = {"home": "", "pattern": "patterns/paged-kv-cache/"}
FORM_FACTORS = ("mobile", "desktop")
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Lowest acceptable score (0-100) per category and form factor.
TARGETS = {("performance", "mobile"): 90, ("accessibility", None): 100,
           ("best-practices", None): 95, ("seo", None): 95}


def target(category: str, form: str) -> int | None:
    return TARGETS.get((category, form), TARGETS.get((category, None)))


def run(url: str, form: str, categories: tuple[str, ...], report: Path) -> dict:
    """One Lighthouse run; returns the parsed JSON report."""
    chromium = find_chromium()
    if not chromium:
        raise SystemExit("Chromium not found: install it (Debian: apt-get install chromium) or set CHROMIUM")
    if not LIGHTHOUSE.exists():
        raise SystemExit(f"{LIGHTHOUSE.relative_to(ROOT)} is missing: run `make setup`")
    command = [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
               f"--only-categories={','.join(categories)}",
               f"--chrome-flags=--headless=new {' '.join(FLAGS)}"]
    if form == "desktop":
        command.append("--preset=desktop")
    env = dict(os.environ, CHROME_PATH=chromium)
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or not report.exists():
        raise SystemExit(f"lighthouse failed on {url} ({form}):\n{done.stderr[-2000:]}")
    result = json.loads(report.read_text(encoding="utf-8"))
    if result.get("runtimeError"):
        raise SystemExit(f"lighthouse could not audit {url} ({form}): {result['runtimeError']['message']}")
    return result


def scores(result: dict) -> dict[str, int]:
    return {name: round(category["score"] * 100) for name, category in result["categories"].items()}


def failing_audits(result: dict, category: str) -> list[str]:
    """Weighted audits of a category that did not pass, as 'id (score): title'."""
    out = []
    for ref in result["categories"][category]["auditRefs"]:
        audit = result["audits"][ref["id"]]
        if ref["weight"] > 0 and audit["score"] is not None and audit["score"] < 1:
            value = f" {audit['displayValue']}" if audit.get("displayValue") else ""
            out.append(f"{ref['id']} ({audit['score']:.2f}){value}: {audit['title']}")
    return out


def audit_page(url: str, form: str, out: Path, name: str, runs: int, categories: tuple[str, ...]) -> dict:
    """Audit one page; with performance, run it `runs` times and keep the median run's report."""
    results = [run(url, form, categories, out / f"{name}-{attempt}.json") for attempt in range(runs if "performance" in categories else 1)]
    for attempt in range(len(results)):
        (out / f"{name}-{attempt}.json").unlink()
    by_run = [scores(r) for r in results]
    if "performance" in categories:
        performance = [s["performance"] for s in by_run]
        kept = results[performance.index(statistics.median_low(performance))]
    else:
        performance, kept = [], results[0]
    (out / f"{name}.json").write_text(json.dumps(kept), encoding="utf-8")
    return {"scores": scores(kept), "runs": performance, "report": kept}


def audit_site(site: Path, out: Path, runs: int, categories: tuple[str, ...] = CATEGORIES,
               forms: tuple[str, ...] = FORM_FACTORS, pages: dict[str, str] = PAGES) -> list[dict]:
    """Every page in every form factor; one row per pair with scores and what fell short."""
    out.mkdir(parents=True, exist_ok=True)
    rows = []
    with serve(site) as base:
        for page, path in pages.items():
            for form in forms:
                row = audit_page(base + path, form, out, f"{page}-{form}", runs, categories) | {"page": page, "form": form}
                row["short"] = {c: failing_audits(row["report"], c) for c in categories
                                if target(c, form) is not None and row["scores"][c] < target(c, form)}
                rows.append(row)
    return rows


def table(rows: list[dict], categories: tuple[str, ...]) -> str:
    head = f"{'page':<8} {'form':<8} " + " ".join(f"{c:>14}" for c in categories)
    lines = [head, "-" * len(head)]
    for row in rows:
        cells = []
        for c in categories:
            goal = target(c, row["form"])
            mark = "" if goal is None or row["scores"][c] >= goal else " ✗"
            cells.append(f"{row['scores'][c]:>12}{mark:2}")
        lines.append(f"{row['page']:<8} {row['form']:<8} " + " ".join(cells))
    goals = ", ".join(f"{c} {g}{' (' + f + ')' if f else ''}" for (c, f), g in TARGETS.items())
    lines.append(f"targets: {goals}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="audit this built site instead of building one")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "lighthouse", help="where the JSON reports go")
    parser.add_argument("--runs", type=int, default=5, help="performance runs per page (the median is reported)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            try:
                build_site(ROOT, site)
            except RuntimeError as err:
                print(f"error: site build failed:\n{err}", file=sys.stderr)
                return 2
        rows = audit_site(site, args.out, args.runs)
    print(table(rows, CATEGORIES))
    for row in rows:
        if len(row["runs"]) > 1:
            print(f"performance runs, {row['page']} {row['form']}: {row['runs']} (median kept)")
    misses = [(row, c, audits) for row in rows for c, audits in row["short"].items()]
    for row, category, audits in misses:
        print(f"\n{row['page']} {row['form']}: {category} {row['scores'][category]} < {target(category, row['form'])}")
        for line in audits:
            print(f"  {line}")
    print(f"\nreports: {args.out}")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
