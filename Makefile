# Two commands do all the set-up on a fresh machine:
#   make run    installs everything and opens the dashboard on the bundled sample data
#   make test   installs everything (Chromium included) and runs the whole test suite
# Everything lives in .venv; versions are pinned in requirements.lock.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8501

.PHONY: run test install browser lint format bench samples docs lock clean

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

run: $(STAMP)
	$(BIN)/streamlit run dashboard/app.py --server.port $(PORT) -- --sample active_seller

test: $(STAMP) browser
	$(BIN)/ruff check scoring dashboard tests perf
	$(BIN)/ruff format --check scoring dashboard tests perf
	$(BIN)/python -m pytest -n 2 -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check scoring dashboard tests perf

format: $(STAMP)
	$(BIN)/ruff format scoring dashboard tests perf
	$(BIN)/ruff check --fix scoring dashboard tests perf

bench: $(STAMP) browser
	$(BIN)/python -m perf

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
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
