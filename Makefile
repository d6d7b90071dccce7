# Two commands matter: `make run` (install and run the whole portal) and `make test`.
VENV := .venv
PY := $(VENV)/bin/python
PYTHON ?= python3

.PHONY: run test install install-dev lint messages screenshots

$(VENV)/.installed: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt $(VENV)/.installed
	$(PY) -m pip install -q -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

## Installs, migrates, loads the demo data and runs web + Celery worker + beat scheduler (Ctrl-C stops all).
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	$(PY) manage.py search_rebuild
	@# Ctrl-C (or a SIGTERM) stops web, worker and scheduler; honcho then says 130 (143): a clean stop.
	@$(VENV)/bin/honcho start -f Procfile; status=$$?; [ $$status -eq 0 ] || [ $$status -eq 130 ] || [ $$status -eq 143 ]

## Installs what the tests need (Python and Debian packages) and runs the whole suite.
test: install-dev
	scripts/system-packages.sh
	scripts/test.sh

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports

messages: install
	$(PY) manage.py makemessages -l bn -l en --ignore '.venv/*' --ignore 'var/*'
	$(PY) manage.py compilemessages --ignore '.venv/*'

## Redraws docs/screenshots/ from a running `make run` (in another terminal).
screenshots: install-dev
	$(PY) scripts/screenshots.py
