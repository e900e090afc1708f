# Two commands for a newcomer: `make serve` and `make test`. Everything else is set up on demand.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_PY := $(VENV)/.installed
STAMP_JS := node_modules/.installed
HOST ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: help setup serve site check new schema linkcheck-external publish offline pdf stale bench lighthouse test clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-19s %s\n", $$1, $$2}'

$(STAMP_PY): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || { echo "Python 3.11+ is required (found: $$($(PYTHON) --version 2>&1))"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(STAMP_JS): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node 18+) is required to install the pinned mermaid; install Node.js"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

setup: $(STAMP_PY) $(STAMP_JS) ## create .venv and node_modules from the pinned files

serve: setup ## build and serve with live reload (open http://127.0.0.1:8000/catalog/)
	$(BIN)/mkdocs serve --strict --dev-addr $(HOST)

site: setup ## strict static build into site/
	$(BIN)/mkdocs build --strict --clean --site-dir site

check: $(STAMP_PY) ## validate every pattern and diagram, and that the JSON Schema is current
	$(BIN)/python -m scripts.validate
	$(BIN)/python -m scripts.json_schema --check

new: $(STAMP_PY) ## start a pattern: make new ID=my-pattern CATEGORY=inference-serving
	@[ -n "$(ID)" ] && [ -n "$(CATEGORY)" ] || { echo "usage: make new ID=<kebab-case-id> CATEGORY=<category>"; $(BIN)/python -c 'from scripts.schema import CATEGORIES; print("categories:", ", ".join(CATEGORIES))'; exit 2; }
	$(BIN)/python -m scripts.scaffold "$(ID)" "$(CATEGORY)"

schema: $(STAMP_PY) ## regenerate docs/schemas/pattern-front-matter.schema.json from scripts/schema.py
	$(BIN)/python -m scripts.json_schema

publish: setup ## deploy VERSION to the local gh-pages branch as "latest" with mike (PUSH=1 to push)
	@[ -n "$(VERSION)" ] || { echo "usage: make publish VERSION=x.y [PUSH=1]"; exit 2; }
	PATH="$(abspath $(BIN)):$$PATH" VERSION_PROVIDER=mike $(BIN)/mike deploy --update-aliases --alias-type=redirect \
	  --message "Publish catalog $(VERSION)" $(if $(PUSH),--push) "$(VERSION)" latest
	PATH="$(abspath $(BIN)):$$PATH" $(BIN)/mike set-default --allow-empty $(if $(PUSH),--push) latest

offline: setup ## write dist/<site>-VERSION-offline.zip, a reproducible archive that works from file://
	@[ -n "$(VERSION)" ] || { echo "usage: make offline VERSION=x.y"; exit 2; }
	$(BIN)/python -m scripts.build_offline "$(VERSION)"

pdf: setup ## print the whole catalog to dist/<site>-VERSION.pdf with headless Chromium
	@[ -n "$(VERSION)" ] || { echo "usage: make pdf VERSION=x.y"; exit 2; }
	$(BIN)/python -m scripts.build_pdf "$(VERSION)"

stale: $(STAMP_PY) ## list patterns not reviewed in the last DAYS days (default 180)
	$(BIN)/python -m scripts.stale $(if $(DAYS),--days $(DAYS))

bench: setup ## benchmark validator, build (100 and 1,000 synthetic patterns) and live reload
	$(BIN)/python -m scripts.bench

lighthouse: setup ## Lighthouse scores (home and a pattern page, mobile and desktop) against the targets
	$(BIN)/python -m scripts.lighthouse

linkcheck-external: $(STAMP_PY) ## fetch every https reference in the patterns (needs network)
	$(BIN)/python -m scripts.external_links

test: setup ## everything CI runs: validator, unit tests, strict build, links, browser
	bash .ci/run

clean: ## remove build output (keeps .venv and node_modules)
	rm -rf site dist .pytest_cache
