"""`make new`: the scaffold writes both files from one template, and the validator then lists
exactly the sections still to fill; bad requests write nothing."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import GOOD, ROOT, mkdocs, site_tree
from scripts.schema import REQUIRED_SECTIONS
from scripts.validate import check_catalog, load_catalog

FILLED = {
    "Problem": "Every request re-reads the same long system prompt, so prefill work is repeated for identical tokens and time to first token grows with prompt length.",
    "Requirements": "### Functional\n\n- Reuse cached prefix state across requests.\n\n### Non-functional\n\n- Time to first token p50 under 300 ms on a hit.\n- Hit rate above 60% of prompt tokens.\n- Cache memory under 20 GB per replica.",
    "Architecture": "Clients send requests to Your component, which looks up the longest cached prefix of the prompt, reuses the stored state for it and computes only the new tokens. Your component then stores the new state so later requests with the same beginning can skip that work, and evicts the least recently used entries when memory runs short, so the cache never starves running requests of memory.",
    "Trade-offs": "### Cache size vs batch size\n\nMore cache means fewer live sequences.\n\n### Exact vs approximate match\n\nExact is safe; approximate hits more often.\n\n### Affinity vs balance\n\nAffinity raises hits; balance lowers queueing.",
    "Risks": "| Risk | Severity | Mitigation |\n| --- | --- | --- |\n| Cross-tenant leak | high | Namespace keys per tenant |\n| Template change kills hits | medium | Lint prompt templates |\n| Stale entries after upgrade | low | Put the model version in the key |",
    "Success metrics": "- Hit rate above 60% of prompt tokens.\n- TTFT p50 on hits below 300 ms.",
    "References": "- Zheng et al., SGLang, NeurIPS 2024, arXiv 2312.07104\n- Kwon et al., PagedAttention, SOSP 2023, arXiv 2309.06180\n- OpenAI prompt caching guide, https://platform.openai.com/docs/guides/prompt-caching",
}


def scaffold(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scripts.scaffold", *args, "--root", str(root)], cwd=ROOT, capture_output=True, text=True, timeout=60)


def fill(root: Path, pattern_id: str) -> None:
    path = root / "patterns" / f"{pattern_id}.md"
    text = path.read_text()
    text = re.sub(r'summary: "<fill[^>]*>"', "summary: Reuse the computed state of shared prompt prefixes across requests.", text)
    text = re.sub(r'tags: \["<fill[^>]*>"\]', "tags: [kv-cache, latency]", text)
    text = re.sub(r'optimises: \["<fill[^>]*>"\]', "optimises: [latency, cost]", text)
    text = re.sub(r'interview_prompt: "<fill[^>]*>"', "interview_prompt: Design prefix reuse for an assistant whose every request starts with the same long system prompt.", text)
    for title, content in FILLED.items():
        text = re.sub(rf"(## {title}\n\n)<fill[^\n]*>", lambda m, c=content: m.group(1) + c, text)
    path.write_text(text)
    diagram = root / "diagrams" / f"{pattern_id}.mmd"
    diagram.write_text(re.sub(r"<fill[^>]*>", "Prefix cache request path, from clients to the cache", diagram.read_text()))


def test_scaffold_writes_both_files_and_the_validator_lists_each_unfilled_section(catalog_root: Path) -> None:
    result = scaffold(catalog_root, "prefix-cache", "inference-serving")
    assert result.returncode == 0, result.stderr
    assert (catalog_root / "diagrams" / "prefix-cache.mmd").is_file()
    messages = [str(f) for f in check_catalog(load_catalog(catalog_root)) if f.path == "patterns/prefix-cache.md"]
    unfilled = [m for m in messages if "is not written yet" in m]
    assert [re.search(r"'## ([^']+)'", m).group(1) for m in unfilled if "section" in m] == list(REQUIRED_SECTIONS)
    assert sorted(m.split(": ", 1)[1].split(" is not")[0] for m in unfilled if "section" not in m) == ["'interview_prompt'", "'optimises'", "'summary'", "'tags'"]
    assert messages == sorted(unfilled, key=lambda m: int(m.split(":")[1])), messages


def test_scaffold_template_passes_once_filled(catalog_root: Path) -> None:
    assert scaffold(catalog_root, "prefix-cache", "inference-serving").returncode == 0
    fill(catalog_root, "prefix-cache")
    assert [str(f) for f in check_catalog(load_catalog(catalog_root))] == []


@pytest.mark.build
def test_filled_scaffold_builds_strictly(tmp_path: Path) -> None:
    root = site_tree(tmp_path, GOOD)
    assert scaffold(root, "prefix-cache", "inference-serving").returncode == 0
    fill(root, "prefix-cache")
    result = mkdocs(root, "build", "--strict", "--site-dir", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "patterns" / "prefix-cache" / "index.html").is_file()


@pytest.mark.parametrize("args, message", [
    (("alpha-batching", "inference-serving"), "patterns/alpha-batching.md already exists"),
    (("Prefix_Cache", "inference-serving"), "id 'Prefix_Cache' is not kebab-case"),
    (("prefix-cache", "serving"), "unknown category 'serving'; use one of: inference-serving"),
])
def test_scaffold_refuses_without_writing(catalog_root: Path, args: tuple[str, str], message: str) -> None:
    before = sorted(p.relative_to(catalog_root) for p in catalog_root.rglob("*"))
    result = scaffold(catalog_root, *args)
    assert result.returncode == 2
    assert message in result.stderr and "nothing was written" in result.stderr
    assert sorted(p.relative_to(catalog_root) for p in catalog_root.rglob("*")) == before


def test_scaffold_refuses_when_only_the_diagram_exists(catalog_root: Path) -> None:
    (catalog_root / "diagrams" / "gamma.mmd").write_text("flowchart TB\n")
    result = scaffold(catalog_root, "gamma", "inference-serving")
    assert result.returncode == 2 and "diagrams/gamma.mmd already exists" in result.stderr
    assert not (catalog_root / "patterns" / "gamma.md").exists()
