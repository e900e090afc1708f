"""Where headless Chromium is and how to start it here (shared by make pdf and the browser tests)."""

from __future__ import annotations

import os
import shutil

# As root on these machines; without the background-networking flags Chromium keeps trying
# to reach Google's hosts through a closed network.
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-quic"]


def find_chromium() -> str | None:
    """$CHROMIUM, else chromium or chromium-browser on PATH."""
    return os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
