"""Build the offline archive of one catalog version.

usage: python -m scripts.build_offline VERSION [--out DIR]

Builds the current tree with mkdocs.offline.yml (offline plugin, file URLs, inline search,
no version selector) into a temporary folder and writes
DIR/<site-name>-<VERSION>-offline.zip (DIR defaults to dist/) with index.html at its root.
The archive is reproducible: entries are sorted, timestamps and permissions fixed, and page
dates come from the last commit (SOURCE_DATE_EPOCH), so the same commit gives the same bytes.
Exit status: 0 when the archive was written, 1 when the build failed, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from scripts.schema import ROOT
from scripts.sitebuild import build_site

VERSION_RE = re.compile(r"^\d+\.\d+(?:\.\d+)?$")
ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def site_slug(root: Path) -> str:
    match = re.search(r"^site_name:\s*(.+)$", (root / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    return re.sub(r"[^a-z0-9]+", "-", match.group(1).lower()).strip("-") if match else "site"


def commit_epoch(root: Path) -> str:
    """Seconds since the epoch of HEAD's commit, or 0 outside a git checkout."""
    result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 and result.stdout.strip() else "0"


def write_zip(folder: Path, archive: Path) -> int:
    """Zip a folder with sorted entries, fixed times and modes; returns the entry count."""
    files = sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: p.relative_to(folder).as_posix())
    tmp = archive.with_suffix(".zip.part")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for path in files:
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), date_time=ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes(), compresslevel=9)
    tmp.replace(archive)  # never leave a half-written archive under the final name
    return len(files)


def build(root: Path, version: str, out: Path) -> Path:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        build_site(root, site, "mkdocs.offline.yml", CATALOG_EDITION=version, SOURCE_DATE_EPOCH=commit_epoch(root))
        out.mkdir(parents=True, exist_ok=True)
        archive = out / f"{site_slug(root)}-{version}-offline.zip"
        count = write_zip(site, archive)
    print(f"wrote {archive} ({count} files, {archive.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    return archive


def parse_release_args(parser: argparse.ArgumentParser, argv: list[str] | None) -> argparse.Namespace | int:
    """Arguments of a release command (a `version` positional), or its exit status: 0 after
    --help, 2 on a usage error or a version that is not like 0.1 or 1.2.3."""
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    if not VERSION_RE.match(args.version):
        print(f"error: version {args.version!r} must look like 0.1 or 1.2.3", file=sys.stderr)
        return 2
    return args


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.build_offline", description=__doc__.split("\n\n")[0])
    parser.add_argument("version", help="release version, e.g. 0.1")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parse_release_args(parser, argv)
    if isinstance(args, int):
        return args
    try:
        build(args.root, args.version, args.out)
    except RuntimeError as err:
        print(f"error: offline build failed; no archive written:\n{err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
