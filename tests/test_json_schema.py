"""The committed JSON Schema is generated from scripts/schema.py, current, and agrees with the validator."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
import pytest

from conftest import GOOD, ROOT
from scripts import json_schema
from scripts.validate import load_catalog

SCHEMA = json.loads((ROOT / json_schema.SCHEMA_PATH).read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_committed_schema_is_up_to_date() -> None:
    result = subprocess.run([sys.executable, "-m", "scripts.json_schema", "--check"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_check_mode_fails_on_a_stale_schema(tmp_path) -> None:
    for name in ("patterns", "docs"):
        (tmp_path / name).mkdir()
    (tmp_path / "patterns" / "tags.yml").write_text("batching: Grouping requests\n")
    (tmp_path / json_schema.SCHEMA_PATH).parent.mkdir(parents=True)
    (tmp_path / json_schema.SCHEMA_PATH).write_text("{}\n")
    result = subprocess.run([sys.executable, "-m", "scripts.json_schema", "--check", "--root", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "is out of date; run: make schema" in result.stderr


@pytest.mark.parametrize("root", [ROOT, GOOD], ids=["catalog", "fixture"])
def test_every_pattern_front_matter_validates(root) -> None:
    for p in load_catalog(root).patterns:
        errors = [e.message for e in VALIDATOR.iter_errors(p.meta)]
        assert errors == [], f"{p.path.name}: {errors}"


@pytest.mark.parametrize("key, value", [
    ("status", "final"), ("category", "serving"), ("tags", ["not-a-tag"]), ("tags", []), ("id", "Bad_Id"),
    ("title", "x" * 81), ("last_reviewed", "15/01/2026"), ("related", "paged-kv-cache"), ("owner", "me"),
])
def test_a_bad_value_fails_the_schema(key: str, value: object) -> None:
    meta = dict(load_catalog(ROOT).patterns[0].meta)
    meta[key] = value
    assert list(VALIDATOR.iter_errors(meta)), f"{key}={value!r} passed the schema"


def test_schema_lists_exactly_the_vocabulary_and_categories() -> None:
    catalog = load_catalog(ROOT)
    assert SCHEMA["properties"]["tags"]["items"]["enum"] == sorted(catalog.tags)
    assert SCHEMA["required"] == list(json_schema.REQUIRED_FIELDS)
