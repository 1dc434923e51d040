# `make demo` and `make test` set up .venv from nothing when it is missing, then reuse it.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test bench eval clean-venv browser dashboard

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/python -m blotter.geo.build
	@touch $(STAMP)

demo: $(STAMP)
	$(BIN)/blotter demo examples

# A dashboard with more to look at: the examples plus, when the development data is beside
# the project, 400 Gun Violence Archive articles (stored locally in out/, never committed).
DASHBOARD_DB := sqlite:///out/dashboard.db
dashboard: $(STAMP)
	@mkdir -p out
	$(BIN)/blotter ingest examples --db $(DASHBOARD_DB)
	@if [ -f ../shared/data/gva/articles.jsonl ]; then \
	  $(BIN)/python scripts/gva_sample.py 400 > out/gva-sample.jsonl && \
	  $(BIN)/blotter ingest out/gva-sample.jsonl --db $(DASHBOARD_DB) --progress; fi
	$(BIN)/blotter serve --db $(DASHBOARD_DB)

# The dashboard's browser tests use Debian's Chromium (never a downloaded browser).
browser:
	@command -v chromium >/dev/null || (apt-get update && apt-get install -y chromium)

test: $(STAMP) browser
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python scripts/bench.py

eval: $(STAMP)
	for d in muc4 muc4-keys gvdb gva article geo quotes wikievents; do $(BIN)/blotter eval $$d --data ../shared/data || exit 1; done

clean-venv:
	rm -rf $(VENV)
