"""The validator's command line: exit codes, output format and the summary line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import GOOD, ROOT
from scripts import validate

BROKEN = ROOT / "tests" / "fixtures" / "broken"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts.validate", *args], cwd=ROOT, capture_output=True, text=True, timeout=60)


def test_clean_catalog_exits_0() -> None:
    result = run("--root", str(GOOD), "--today", "2026-06-01")
    assert (result.returncode, result.stdout) == (0, "")
    assert result.stderr == "checked 2 pattern(s): no findings\n"


def test_findings_exit_1_with_every_finding_and_a_summary() -> None:
    result = run("--root", str(BROKEN), "--today", "2026-06-01")
    expected = (BROKEN / "expected.txt").read_text(encoding="utf-8")
    assert (result.returncode, result.stdout) == (1, expected)
    assert result.stderr == f"checked 1 pattern(s): {len(expected.splitlines())} finding(s) in 3 file(s)\n"
    assert "Traceback" not in result.stderr


def test_file_arguments_limit_the_report() -> None:
    result = run("--root", str(BROKEN), "--today", "2026-06-01", "diagrams/orphan.mmd")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [line for line in (BROKEN / "expected.txt").read_text().splitlines() if line.startswith("diagrams/orphan.mmd:")]


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("--no-such-option").returncode == 2
    assert run("--today", "yesterday").returncode == 2
    missing = run("--root", str(tmp_path / "nowhere"))
    assert missing.returncode == 2 and "is not a directory" in missing.stderr


def test_help_is_the_module_docstring() -> None:
    result = run("--help")
    assert result.returncode == 0 and "Exit status: 0 when clean, 1 when there are findings, 2 on a usage error." in result.stdout


def test_real_catalog_is_clean() -> None:
    result = run()
    assert result.returncode == 0, result.stdout


def test_github_annotations_for_the_broken_fixture() -> None:
    result = run("--root", str(BROKEN), "--today", "2026-06-01", "--format", "github")
    assert result.returncode == 1
    assert result.stdout == (BROKEN / "expected.github.txt").read_text(encoding="utf-8")
    assert result.stdout.splitlines()[0] == (
        "::error file=diagrams/broken-pattern.mmd,line=1,title=pattern contract::first statement 'graph-ish' "
        "is not a Mermaid diagram type; start with one of: flowchart, sequenceDiagram, stateDiagram-v2, ...")


def test_json_format_for_the_broken_fixture() -> None:
    result = run("--root", str(BROKEN), "--today", "2026-06-01", "--format", "json")
    assert result.returncode == 1
    document = json.loads(result.stdout)
    assert document == json.loads((BROKEN / "expected.json").read_text(encoding="utf-8"))
    text = [f"{f['path']}:{f['line']}: {f['message']}" for f in document["findings"]]
    assert text == (BROKEN / "expected.txt").read_text(encoding="utf-8").splitlines()


def test_annotation_escaping() -> None:
    assert validate.escape_annotation("50%\nnext") == "50%25%0Anext"
    assert validate.escape_annotation("a,b:c", prop=True) == "a%2Cb%3Ac"
