"""Write the JSON Schema of pattern front matter, generated from scripts/schema.py.

usage: python -m scripts.json_schema [--check]

The schema is committed at docs/schemas/pattern-front-matter.schema.json (and so served by the
site) for editors and other tools. It is never edited by hand: with --check the command exits 1
when the committed file differs from what the schema module and patterns/tags.yml produce, and
prints the command that brings it up to date.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from scripts.exports import EXPORT_SCHEMA_VERSION
from scripts.parse import load_tags
from scripts.schema import (
    CATEGORIES, FIELD_HELP, ID_RE, OPTIMISES, PROMPT_MAX, PROMPT_MIN, REQUIRED_FIELDS, ROOT, STATUSES, SUMMARY_MAX,
    TITLE_MAX, Finding,
)

SCHEMA_PATH = "docs/schemas/pattern-front-matter.schema.json"
EXPORT_SCHEMA_PATH = "docs/schemas/patterns-export.schema.json"


def site_url(root: Path) -> str:
    """mkdocs.yml's site_url (read as text: the file holds tags yaml.safe_load refuses)."""
    config = (root / "mkdocs.yml").read_text(encoding="utf-8") if (root / "mkdocs.yml").is_file() else ""
    match = re.search(r"^site_url:\s*(\S+)", config, re.M)
    return match.group(1).rstrip("/") + "/" if match else "https://example.invalid/"


def build_schema(tags: list[str], base_url: str) -> dict:
    """The front-matter contract as JSON Schema (draft 2020-12)."""
    pattern_id = {"type": "string", "pattern": ID_RE.pattern}
    properties = {
        "id": pattern_id,
        "title": {"type": "string", "minLength": 1, "maxLength": TITLE_MAX},
        "summary": {"type": "string", "minLength": 1, "maxLength": SUMMARY_MAX, "pattern": r"^[^\n]*[.!?]$"},
        "category": {"enum": list(CATEGORIES)},
        "tags": {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"enum": sorted(tags)}},
        "status": {"enum": list(STATUSES)},
        "last_reviewed": {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
        "related": {"type": "array", "uniqueItems": True, "items": pattern_id},
        "interview_prompt": {"type": "string", "minLength": PROMPT_MIN, "maxLength": PROMPT_MAX, "pattern": r"^[^\n]*[?.]$"},
        "optimises": {"type": "array", "minItems": 1, "uniqueItems": True, "items": {"enum": list(OPTIMISES)}},
        "replaced_by": pattern_id,
    }
    for key, value in properties.items():
        value["description"] = FIELD_HELP[key]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": base_url + SCHEMA_PATH.removeprefix("docs/"),
        "title": "AI system design pattern: front matter",
        "description": "Generated from scripts/schema.py by python -m scripts.json_schema; do not edit.",
        "type": "object",
        "required": list(REQUIRED_FIELDS),
        "additionalProperties": False,
        "properties": properties,
        "if": {"properties": {"status": {"const": "deprecated"}}},
        "then": {"required": ["replaced_by"]},
        "else": {"not": {"required": ["replaced_by"]}},
    }


def build_export_schema(front_matter: dict, base_url: str) -> dict:
    """Schema of patterns.json: every pattern's front matter plus its sections and diagram."""
    record = {**front_matter, "$schema": None}
    record.pop("$schema")
    record.pop("$id")
    record["properties"] = {**front_matter["properties"], "sections": {"type": "object", "additionalProperties": {"type": "string"}},
                            "diagram": {"type": "string"}}
    record["required"] = [*front_matter["required"], "sections", "diagram"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": base_url + EXPORT_SCHEMA_PATH.removeprefix("docs/"),
        "title": "AI system design patterns: patterns.json export",
        "description": "Generated from scripts/schema.py by python -m scripts.json_schema; do not edit.",
        "type": "object",
        "required": ["schema_version", "site_url", "categories", "patterns"],
        "properties": {
            "schema_version": {"const": EXPORT_SCHEMA_VERSION},
            "site_url": {"type": "string"},
            "categories": {"type": "object", "additionalProperties": {"type": "string"}},
            "patterns": {"type": "array", "items": record},
        },
    }


def render_all(root: Path) -> dict[str, str] | Finding:
    """Both committed schemas, by path."""
    tags = load_tags(root)
    if isinstance(tags, Finding):
        return tags
    front_matter = build_schema(list(tags), site_url(root))
    return {SCHEMA_PATH: json.dumps(front_matter, indent=2) + "\n",
            EXPORT_SCHEMA_PATH: json.dumps(build_export_schema(front_matter, site_url(root)), indent=2) + "\n"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m scripts.json_schema", description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed schema is out of date")
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args(argv)
    rendered = render_all(args.root)
    if isinstance(rendered, Finding):
        print(rendered, file=sys.stderr)
        return 1
    stale = [name for name, text in rendered.items()
             if not (args.root / name).is_file() or (args.root / name).read_text(encoding="utf-8") != text]
    if args.check:
        for name in stale:
            print(f"{name} is out of date; run: make schema", file=sys.stderr)
        if not stale:
            print("JSON Schemas are up to date", file=sys.stderr)
        return 1 if stale else 0
    for name, text in rendered.items():
        (args.root / name).parent.mkdir(parents=True, exist_ok=True)
        (args.root / name).write_text(text, encoding="utf-8")
        print(f"wrote {name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
