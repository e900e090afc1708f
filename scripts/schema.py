"""The pattern contract, in one place.

Everything that reads, checks, renders or scaffolds a pattern imports its rules from here:
the front-matter fields and their allowed values, the ordered H2 sections, the tag vocabulary
file, and the `Pattern` record that `load_pattern` parses a file into.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATTERNS_DIR = "patterns"
DIAGRAMS_DIR = "diagrams"
TAGS_FILE = "patterns/tags.yml"

# Category id -> human title. The order here is the order on the site.
CATEGORIES: dict[str, str] = {
    "inference-serving": "Inference and serving",
    "training-compute": "Training and compute",
    "cluster-capacity": "Clusters and capacity",
    "data-continuous-learning": "Data and continuous learning",
    "model-lifecycle": "Model lifecycle and deployment",
    "safety-security": "Safety, security and privacy",
    "observability-cost": "Observability and cost",
}

STATUSES: tuple[str, ...] = ("draft", "reviewed", "stable", "deprecated")

REQUIRED_FIELDS: tuple[str, ...] = (
    "id", "title", "summary", "category", "tags", "status", "last_reviewed", "related",
    "interview_prompt", "optimises",
)
# Optional fields; replaced_by is required when status is deprecated.
OPTIONAL_FIELDS: tuple[str, ...] = ("replaced_by",)
# What a pattern optimises, for the comparison matrix (kept short on purpose).
OPTIMISES: dict[str, str] = {
    "latency": "time to first token, inter-token or end-to-end latency",
    "throughput": "tokens or requests per second per accelerator",
    "cost": "spend per token, request or training run",
    "memory": "accelerator memory (HBM) footprint and headroom",
    "reliability": "availability, recovery and safe change",
    "safety": "harmful outputs, misuse and data protection",
    "research-velocity": "how fast researchers get results into use",
}
STALE_DAYS = 180
# What each field means; shown by editors through the generated JSON Schema.
FIELD_HELP: dict[str, str] = {
    "id": "kebab-case identifier, equal to the file name without .md, unique in the catalog",
    "title": "the pattern's name as shown on the site",
    "summary": "exactly one sentence saying what the pattern does",
    "category": "the catalog category the pattern belongs to",
    "tags": "tags from the vocabulary in patterns/tags.yml",
    "status": "draft, reviewed (re-read against its sources), stable, or deprecated",
    "last_reviewed": "ISO date (YYYY-MM-DD) of the last review against the sources; not in the future",
    "related": "ids of other patterns; the link is shown on both pages",
    "interview_prompt": "one paragraph posing the design question as an interviewer would, for practice mode",
    "optimises": "what the pattern improves, from a fixed list; drives the comparison matrix",
    "replaced_by": "id of the pattern that replaces this one; required when status is deprecated",
}
TITLE_MAX = 80
PROMPT_MIN, PROMPT_MAX = 80, 600
SUMMARY_MAX = 200

REQUIRED_SECTIONS: tuple[str, ...] = (
    "Problem", "Requirements", "Architecture", "Trade-offs", "Risks", "Success metrics",
    "References",
)
# Optional H2 sections may sit anywhere between Problem and References.
OPTIONAL_SECTIONS: tuple[str, ...] = (
    "When to use", "Capacity estimate", "Common mistakes", "Interview notes",
)

REQUIREMENT_PARTS: tuple[str, ...] = ("Functional", "Non-functional")
MIN_MEASURABLE_TARGETS = 3
MIN_TRADE_OFFS = 3
MIN_RISKS = 3
SEVERITIES: tuple[str, ...] = ("low", "medium", "high")
RISK_COLUMNS: tuple[str, ...] = ("Risk", "Severity", "Mitigation")
MIN_SUCCESS_METRICS = 2
MIN_REFERENCES = 3
MIN_ARCHITECTURE_WORDS = 60
MIN_SECTION_WORDS = 5

# First statement of a Mermaid file (Mermaid 11 diagram keywords).
MERMAID_TYPES: tuple[str, ...] = (
    "flowchart", "graph", "sequenceDiagram", "classDiagram", "stateDiagram", "stateDiagram-v2",
    "erDiagram", "journey", "gantt", "pie", "quadrantChart", "requirementDiagram", "gitGraph",
    "C4Context", "C4Container", "C4Component", "C4Dynamic", "C4Deployment", "mindmap",
    "timeline", "sankey-beta", "xychart-beta", "block-beta", "packet-beta", "architecture-beta",
    "kanban", "radar-beta",
)

ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True, order=True)
class Finding:
    """One broken rule at one place: printed as `path:line: message`."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


@dataclass
class Section:
    """One H2 section: its title, the line of its heading, and its body lines."""

    title: str
    line: int
    lines: list[tuple[int, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(text for _, text in self.lines)


@dataclass
class Pattern:
    """A pattern file parsed once: front matter, body sections and where each came from."""

    path: Path
    meta: dict
    meta_lines: dict[str, int]
    body_start: int
    lines: list[str]
    sections: list[Section]
    preamble: list[tuple[int, str]] = field(default_factory=list)

    @property
    def id(self) -> str:
        return str(self.meta.get("id") or self.path.stem)

    @property
    def title(self) -> str:
        return str(self.meta.get("title", self.id))

    @property
    def summary(self) -> str:
        return str(self.meta.get("summary", ""))

    @property
    def category(self) -> str:
        return str(self.meta.get("category", ""))

    @property
    def status(self) -> str:
        return str(self.meta.get("status", ""))

    @property
    def tags(self) -> list[str]:
        tags = self.meta.get("tags")
        return [str(t) for t in tags] if isinstance(tags, list) else []

    @property
    def related(self) -> list[str]:
        related = self.meta.get("related")
        return [str(r) for r in related] if isinstance(related, list) else []

    @property
    def optimises(self) -> list[str]:
        values = self.meta.get("optimises")
        return [str(v) for v in values] if isinstance(values, list) else []

    @property
    def last_reviewed(self) -> str:
        return str(self.meta.get("last_reviewed", ""))

    def section(self, title: str) -> Section | None:
        return next((s for s in self.sections if s.title == title), None)

    def line_of(self, key: str) -> int:
        """Line of a front-matter key, or of the opening `---` when the key is absent."""
        return self.meta_lines.get(key, 1)


def diagram_path(root: Path, pattern_id: str) -> Path:
    return root / DIAGRAMS_DIR / f"{pattern_id}.mmd"
