# The few commands people type. Everything goes through dev.py, so make is optional.
PYTHON ?= python3
VENV_PY = .venv/bin/python

.PHONY: up test lint format bench ci

up:
	$(PYTHON) dev.py up

test:
	$(PYTHON) dev.py test

lint:
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format:
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

bench:
	$(VENV_PY) bench/run.py

ci:
	CI=true bash .ci/run
