"""Benchmark the validator, the build and live reload.

usage: python -m scripts.bench [--sizes 100 1000] [--no-reload]

Generates synthetic catalogs of valid patterns (about 800 words each, with tables and a
diagram, spread over the categories) in a temporary folder and reports, in one table:
validator time per pattern, our full build time, and a bare Material build of the same
generated Markdown (no hooks, no validator), then the ratios: our overhead (ours / bare) and
growth (largest / smallest build). It also measures live reload under `mkdocs serve` on the
real catalog: the time from saving a pattern to the rebuilt page being served.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from scripts.schema import CATEGORIES, ROOT
from scripts.validate import PARALLEL_FROM, check_catalog, load_catalog

TEMPLATE = ROOT / "tests" / "fixtures" / "good" / "patterns" / "alpha-batching.md"
DIAGRAM = ROOT / "tests" / "fixtures" / "good" / "diagrams" / "alpha-batching.mmd"
FILLER = ("Under load the scheduler trades batch size against per-stream latency, and the operator watches "
          "time to first token, inter-token latency and KV-cache use to decide where the knee sits. ")
BARE_CONFIG = """site_name: Bench
theme: {name: material, font: false, features: [navigation.prune]}
plugins: [search]
markdown_extensions:
  - abbr
  - admonition
  - attr_list
  - md_in_html
  - tables
  - toc: {permalink: true}
  - pymdownx.details
  - pymdownx.superfences:
      custom_fences:
        - name: mermaid
          class: mermaid
          format: !!python/name:pymdownx.superfences.fence_code_format
"""


def make_catalog(folder: Path, count: int) -> Path:
    """A copy of the site sources whose patterns/ holds `count` synthetic valid patterns."""
    root = folder / f"catalog-{count}"
    root.mkdir(parents=True)
    for name in ("mkdocs.yml", "docs", "overrides", "scripts", "CONTRIBUTING.md"):
        (shutil.copytree if (ROOT / name).is_dir() else shutil.copy)(ROOT / name, root / name)
    (root / "patterns").mkdir()
    (root / "diagrams").mkdir()
    shutil.copy(ROOT / "patterns" / "tags.yml", root / "patterns" / "tags.yml")
    (root / "node_modules").symlink_to(ROOT / "node_modules")
    template = TEMPLATE.read_text(encoding="utf-8").replace("related: [beta-cache]", "related: []")
    template = template.replace("## Capacity estimate\n", "## Capacity estimate\n\n" + FILLER * 40 + "\n")
    categories = list(CATEGORIES)
    for i in range(count):
        pid = f"synthetic-pattern-{i:04d}"
        text = template.replace("alpha-batching", pid).replace("Alpha batching", f"Synthetic pattern {i}")
        text = text.replace("category: inference-serving", f"category: {categories[i % len(categories)]}")
        (root / "patterns" / f"{pid}.md").write_text(text, encoding="utf-8")
        shutil.copy(DIAGRAM, root / "diagrams" / f"{pid}.mmd")
    # Hand-written guide pages link to the real patterns; keep their files but drop the links.
    for page in (root / "docs" / "guide").glob("*.md"):
        page.write_text(re.sub(r"\[([^\]]*)\]\(\.\./patterns/[^)]*\)", r"\1", page.read_text(encoding="utf-8")), encoding="utf-8")
    return root


def timed(command: list[str], cwd: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-2000:])
    return time.perf_counter() - start


def bench_catalog(root: Path) -> dict[str, float]:
    count = len(list((root / "patterns").glob("*.md")))
    runs = []
    for _ in range(5):  # the median of five: single runs on a shared machine swing by 30%
        start = time.perf_counter()
        findings = check_catalog(load_catalog(root), jobs=os.cpu_count() or 1)  # as make check runs it
        runs.append(time.perf_counter() - start)
        assert not findings, findings[:3]
    validate = statistics.median(runs)
    cli = statistics.median(timed([sys.executable, "-m", "scripts.validate", "--root", str(root)], ROOT) for _ in range(3))
    ours = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root / "site")], root)
    bare = root / "bare"
    (bare / "docs").mkdir(parents=True)
    subprocess.run([sys.executable, "-m", "scripts.render", "--root", str(root), "--out", str(bare / "docs")], cwd=ROOT, check=True, capture_output=True)
    for page in (root / "docs").rglob("*.md"):  # hand-written pages, as our build has them
        target = bare / "docs" / page.relative_to(root / "docs")
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(page, target)
    (bare / "mkdocs.yml").write_text(BARE_CONFIG, encoding="utf-8")
    plain = timed([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(bare / "site")], bare)
    return {"patterns": count, "validate_total": validate, "validate_per_pattern_ms": validate / count * 1e3, "check_cli": cli,
            "ours": ours, "bare": plain}


def bench_reload(timeout: float = 60.0) -> float:
    """Seconds from saving a pattern to `mkdocs serve` serving the rebuilt page."""
    port = 8765
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    path = ROOT / "patterns" / "chunked-prefill.md"
    original = path.read_bytes()
    url = f"http://127.0.0.1:{port}/catalog/patterns/chunked-prefill/"
    marker = f"benchmark-marker-{int(time.time())}"

    def page() -> str:
        try:
            return urllib.request.urlopen(url, timeout=2).read().decode()
        except OSError:
            return ""
    try:
        deadline = time.time() + timeout
        while "Chunked prefill" not in page():
            if time.time() > deadline:
                raise RuntimeError("mkdocs serve did not come up")
            time.sleep(0.2)
        time.sleep(1.0)  # let the watcher settle
        start = time.perf_counter()
        path.write_bytes(original.replace(b"## Problem\n", f"## Problem\n\n{marker}\n".encode(), 1))
        while marker not in page():
            if time.perf_counter() - start > timeout:
                raise RuntimeError("the rebuilt page never appeared")
            time.sleep(0.05)
        return time.perf_counter() - start
    finally:
        path.write_bytes(original)
        server.terminate()
        server.wait(timeout=30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--no-reload", action="store_true", help="skip the live-reload measurement")
    args = parser.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            rows.append(bench_catalog(make_catalog(Path(folder), size)))
    print(f"{'patterns':>8} | {'validate total':>14} | {'per pattern':>11} | {'make check':>10} | {'our build':>9} | {'bare Material':>13} | {'overhead':>8}")
    for r in rows:
        print(f"{r['patterns']:>8} | {r['validate_total']:>12.2f} s | {r['validate_per_pattern_ms']:>8.2f} ms | {r['check_cli']:>8.2f} s "
              f"| {r['ours']:>7.1f} s | {r['bare']:>11.1f} s | {r['ours'] / r['bare']:>8.2f}")
    print(f"(validate total: load and check in-process, median of 5, {os.cpu_count()} worker processes from "
          f"{PARALLEL_FROM} patterns; make check: the command's wall time, Python start-up included)")
    if not args.no_reload:
        print(f"live reload (save a pattern -> rebuilt page served, real catalog): {bench_reload():.2f} s")
    print(f"overhead ratio (ours / bare Material) at {rows[-1]['patterns']} patterns: {rows[-1]['ours'] / rows[-1]['bare']:.2f} (target <= 1.15)")
    if len(rows) > 1:
        print(f"growth ({rows[-1]['patterns']} / {rows[0]['patterns']} patterns, our build): {rows[-1]['ours'] / rows[0]['ours']:.2f} (target <= 11 for 10x patterns)")
    print(f"validator over {rows[-1]['patterns']} patterns: {rows[-1]['validate_total']:.2f} s (target < 1 s for 1,000)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
