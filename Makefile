# Two commands on a fresh machine (Python 3.11 + pip):  make demo   and   make test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install browser bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,web]'
	touch $(STAMP)

install: $(STAMP)

## the main job on the bundled example corpus: store, JSON export, HTML report, story list
demo: $(STAMP)
	$(BIN)/linimasa analyze examples --db out/demo.db --json out/demo.json --html out/demo.html
	$(BIN)/linimasa stories --db out/demo.db

## the test suite (installs headless Chromium for the report test where apt-get is available; skipped otherwise)
test: $(STAMP) browser
	$(BIN)/python -m pytest

browser:
	@command -v chromium >/dev/null 2>&1 || { command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) ; } || \
	  echo "chromium not installed: the browser test will be skipped"

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_analyze.py

clean:
	rm -rf out build *.egg-info
