# Two commands on a fresh machine:
#   make serve   set everything up, serve the site with live reload on http://127.0.0.1:8000
#   make test    set everything up (incl. Chromium for browser tests), run the whole test suite
# Other targets: preview (serve, rebuilding only the pages you change), build (strict build
# into site/), check (contributor checks), mark-translated, linkcheck-external, and online:
# verify-references, add-reference ID=<DOI or PMID>.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

export NO_MKDOCS_2_WARNING := 1

.PHONY: setup system-deps serve preview build test linkcheck-external clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --requirement requirements.txt
	$(BIN)/pip install --quiet --no-deps --editable .
	touch $(STAMP)

setup: $(STAMP)

system-deps:
	scripts/install-system-deps

serve: setup
	$(BIN)/mkdocs serve --strict --dev-addr 127.0.0.1:8000

# Faster edit loop: after the first build, only changed pages are rebuilt (MkDocs' --dirty).
# Lists of articles and the other language's "translation outdated" notice are not refreshed,
# and --dirty itself warns, so warnings do not stop it; `make serve` or `make build` before
# you push.
preview: setup
	$(BIN)/mkdocs serve --dirty --no-strict --dev-addr 127.0.0.1:8000

build: setup
	$(BIN)/mkdocs build --strict

# Two workers (pytest-xdist): every machine this runs on has at least two cores.
test: setup system-deps check
	$(BIN)/python -m pytest --numprocesses 2

linkcheck-external: build
	scripts/check-external-links

clean:
	rm -rf site .pytest_cache test-artifacts

# Contributor checks: content, Markdown, code, strict build and offline link check.
.PHONY: check check-fast mark-translated
check: setup
	$(BIN)/python -m checks

check-fast: setup
	$(BIN)/python -m checks --fast

mark-translated: setup
	@test -n "$(FILE)" || { echo "usage: make mark-translated FILE=docs/articles/<slug>.en.md"; exit 2; }
	$(BIN)/python -m checks mark-translated $(FILE)

# Online: check every bibliography entry with Crossref (DOI) and PubMed (PMID); prints
# `SKIPPED: …` and succeeds when a registry does not answer. Answers are cached for a week in
# .cache/references/. CROSSREF_API_URL and NCBI_EUTILS_URL point it at other servers.
.PHONY: verify-references add-reference
verify-references: setup
	$(BIN)/python -m checks verify-references

# Online: append an entry for a DOI or PMID to bibliography/references.bib.
add-reference: setup
	@test -n "$(ID)" || { echo "usage: make add-reference ID=<DOI or PMID>"; exit 2; }
	$(BIN)/python -m checks add-reference '$(ID)'

# Speed and weight figures (not tests): prints a table, writes benchmarks/results/latest.{md,json}.
.PHONY: bench
bench: setup
	cd benchmarks && npm ci --no-audit --no-fund --silent
	$(BIN)/python -m benchmarks
