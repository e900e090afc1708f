"""A strict MkDocs build of the catalog into a folder, for the commands that ship or audit it
(make offline, make pdf, make lighthouse)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def build_site(root: Path, site: Path, config: str = "mkdocs.yml", **env: str) -> None:
    """Build `root` with --strict into `site`; raises RuntimeError carrying MkDocs' messages."""
    environment = dict(os.environ, NO_MKDOCS_2_WARNING="1", **env)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", config, "--site-dir", str(site)],
                            cwd=root, env=environment, capture_output=True, text=True)
    if result.returncode != 0:
        raise RuntimeError(result.stderr.strip() or "mkdocs build failed")
