"""Repository plumbing: workflows lint clean, pre-commit config is valid, templates parse."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import GOOD, ROOT, Editor

BIN = Path(sys.executable).parent


def tool(name: str) -> str:
    path = shutil.which(name, path=str(BIN))
    assert path, f"{name} is not installed in the virtual environment; run make setup"
    return path


def test_workflows_pass_actionlint() -> None:
    workflows = sorted(str(p) for p in (ROOT / ".github" / "workflows").glob("*.yml"))
    assert len(workflows) >= 2
    result = subprocess.run([tool("actionlint"), *workflows], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.x }\n")
    result = subprocess.run([tool("actionlint"), str(bad)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1


def test_pre_commit_config_is_valid() -> None:
    result = subprocess.run([tool("pre-commit"), "validate-config", ".pre-commit-config.yaml"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml")), ids=lambda p: p.name)
def test_issue_forms_parse(path: Path) -> None:
    form = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(form, dict)
    if path.name != "config.yml":
        assert form["name"] and form["description"] and form["body"]


def test_pull_request_template_has_the_review_checklist() -> None:
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text(encoding="utf-8")
    for item in ("primary source", "own words", "accTitle", "make check"):
        assert item in text


def test_external_link_list_names_each_link_with_its_place() -> None:
    result = subprocess.run([sys.executable, "-m", "scripts.external_links", "--list", "--root", str(GOOD)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    assert result.stdout.splitlines() == [
        "patterns/alpha-batching.md:73: https://www.usenix.org/conference/osdi22/presentation/yu",
        "patterns/alpha-batching.md:75: https://docs.vllm.ai/",
    ]


def test_every_make_target_is_documented() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = [line.split(":")[0] for line in makefile.splitlines() if line and line[0].isalpha() and ":" in line and "##" in line]
    readme = (ROOT / "README.md").read_text(encoding="utf-8") + (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    missing = [t for t in targets if f"make {t}" not in readme]
    assert missing == [], f"make targets not mentioned in README.md or CONTRIBUTING.md: {missing}"


def test_pre_commit_validator_hook_reports_a_bad_file(edit: Editor) -> None:
    edit.replace("## Risks", "## Dangers")
    result = subprocess.run([sys.executable, "-m", "scripts.validate", "--root", str(edit.root), "patterns/alpha-batching.md"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "unknown section '## Dangers'" in result.stdout


def test_search_partial_override_matches_material_but_for_the_dialog_name() -> None:
    import material
    ours = (ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    theirs = (Path(material.__file__).parent / "templates" / "partials" / "search.html").read_text(encoding="utf-8")
    strip = lambda text: text.split("-#}\n", 1)[1]  # noqa: E731 (the header comment differs)
    dialog = '<div class="md-search" data-md-component="search" role="dialog"'
    assert dialog + ">" in theirs, "Material's search partial changed: re-copy it into overrides/partials/search.html"
    assert strip(ours) == strip(theirs).replace(dialog + ">", dialog + " aria-label=\"{{ lang.t('search') }}\">")
