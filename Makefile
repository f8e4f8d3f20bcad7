# Quick start: `make run` (install and launch the app), `make test` (install and run lint + the test suite).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint pytest bench screenshots clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/palavra

lint: $(STAMP)
	$(BIN)/ruff check engine desktop tests benchmarks
	$(BIN)/ruff format --check engine desktop tests benchmarks
	$(BIN)/mypy engine desktop tests/desktop/fakes.py
	$(BIN)/lint-imports

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

test: lint pytest

screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python scripts/screenshots.py
	xvfb-run -a -s "-screen 0 1280x800x24" $(BIN)/python scripts/screenshots.py --lang pt

bench: $(STAMP)
	$(BIN)/python benchmarks/mt_quality.py
	$(BIN)/python benchmarks/mt_parity.py
	$(BIN)/python benchmarks/mt_speed.py

clean:
	rm -rf $(VENV) build dist .mypy_cache .ruff_cache .pytest_cache
