"""List patterns not reviewed recently.

usage: python -m scripts.stale [--days N] [--today YYYY-MM-DD] [--root DIR]

Prints `path: last reviewed DATE (N days ago)` for every pattern whose last_reviewed date is
more than N days old (default 180), oldest first. Exit status: 0 when none is stale, 1 when
some are, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date, datetime, timezone
from pathlib import Path

from scripts.parse import rel
from scripts.schema import ROOT, STALE_DAYS
from scripts.validate import load_catalog


def stale_patterns(root: Path, days: int, today: date) -> list[tuple[str, date, int]]:
    found = []
    for p in load_catalog(root).patterns:
        try:
            reviewed = date.fromisoformat(p.last_reviewed)
        except ValueError:
            continue  # the validator reports malformed dates
        age = (today - reviewed).days
        if age > days:
            found.append((rel(p.path, root), reviewed, age))
    return sorted(found, key=lambda t: (t[1], t[0]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.stale", description=__doc__.split("\n\n")[0])
    parser.add_argument("--days", type=int, default=STALE_DAYS, help=f"threshold in days (default {STALE_DAYS})")
    parser.add_argument("--today", type=date.fromisoformat, default=datetime.now(timezone.utc).date())
    parser.add_argument("--root", type=Path, default=ROOT)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return 0 if exit_.code == 0 else 2
    found = stale_patterns(args.root, args.days, args.today)
    for path, reviewed, age in found:
        print(f"{path}: last reviewed {reviewed.isoformat()} ({age} days ago)")
    print(f"{len(found)} pattern(s) not reviewed in the last {args.days} days", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
