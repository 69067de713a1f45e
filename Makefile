# Two commands do all the set-up on a fresh machine:
#   make run    installs everything and opens the dashboard on the bundled sample data
#   make test   installs everything (Chromium included) and runs the whole test suite,
#               with the coverage of scoring/ and dashboard/ summarised at the end
#   make test-fast  the quick loop while working: every test not marked slow
# Everything lives in .venv; versions are pinned in requirements.lock.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8501

.PHONY: run test test-fast install browser postgres lint format bench samples docs lock clean fuzz

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.lock
	$(BIN)/pip install --quiet --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# Debian's Chromium for the real-browser tests; Playwright drives it, it never
# downloads a browser of its own.
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; \
		else sudo apt-get update -qq && sudo apt-get install -y -qq chromium >/dev/null; fi; \
	fi

# Debian's PostgreSQL server binaries for the store tests, which run every store test on
# SQLite and on a throw-away server they start themselves (tests/scoring/store/postgres_server.py).
postgres:
	@if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq postgresql >/dev/null; \
		else sudo apt-get update -qq && sudo apt-get install -y -qq postgresql >/dev/null; fi; \
	fi

run: $(STAMP)
	$(BIN)/streamlit run dashboard/app.py --server.port $(PORT) -- --sample active_seller

test: $(STAMP) browser postgres
	$(BIN)/ruff check scoring dashboard tests perf
	$(BIN)/ruff format --check scoring dashboard tests perf
	$(BIN)/python -m pytest -n 2 -p no:cacheprovider --cov --cov-report=term

# Tests slower than a few seconds carry @pytest.mark.slow (browser, build, property and
# end-to-end CLI tests and the like); the rest run in a few minutes.
test-fast: $(STAMP) postgres
	$(BIN)/python -m pytest -n 2 -p no:cacheprovider -q -m "not slow"

lint: $(STAMP)
	$(BIN)/ruff check scoring dashboard tests perf

format: $(STAMP)
	$(BIN)/ruff format scoring dashboard tests perf
	$(BIN)/ruff check --fix scoring dashboard tests perf

bench: $(STAMP) browser
	$(BIN)/python -m perf.profile && $(BIN)/python -m perf

# Hypothesis on every reader and the command line, thousands of examples each (CI runs 200);
# prints how many examples ran. FUZZ_EXAMPLES=… to change the number.
FUZZ_EXAMPLES ?= 3000
fuzz: $(STAMP)
	SSI_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -p no:cacheprovider -q -s -m fuzz \
		tests/scoring/ingest/bad_inputs tests/scoring/cli/test_parse_fuzz.py

samples: $(STAMP)
	$(BIN)/python -m scoring.samples sample_data

# docs/cli.md and the README's command-line block, from the parser's --help.
docs: $(STAMP)
	$(BIN)/python -m scoring.cli.docs

# Re-pin after changing dependencies in pyproject.toml.
lock:
	rm -rf /tmp/ssi-lock && $(PYTHON) -m venv /tmp/ssi-lock
	/tmp/ssi-lock/bin/pip install --quiet -e '.[dev]'
	/tmp/ssi-lock/bin/pip freeze --exclude-editable | grep -v '^ssi-dashboard' > requirements.lock

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis .coverage .coverage.*
