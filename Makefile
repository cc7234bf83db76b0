# One command to start the portal with demo content, one to test it.
# Both set themselves up from nothing but this repository and Python 3.11.

PYTHON_SYSTEM := $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint format faults bench install install-dev messages makemessages clean backup restore

$(VENV)/bin/python:
	$(PYTHON_SYSTEM) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.runtime-installed: requirements.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-installed: requirements.txt requirements-dev.txt | $(VENV)/bin/python
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.runtime-installed $@

install: $(VENV)/.runtime-installed

install-dev: $(VENV)/.dev-installed

messages: install
	$(PY) scripts/compile_messages.py

# The admin's address (printed with the demo log-in, used in staff e-mails) follows HOST and PORT.
run: export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
run: install messages
	$(PY) manage.py migrate --no-input -v 0
	$(PY) manage.py load_demo_content
	@echo ""
	@echo "Portal: http://$(HOST):$(PORT)/   (Ctrl+C stops it)"
	$(PY) manage.py runserver $(HOST):$(PORT)

test: install-dev messages lint
	./scripts/install_system_packages.sh
	$(PY) -m pytest

# One style for the whole code (pyproject.toml): `make format` rewrites, `make lint` checks.
lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Load and faults on the real stack (gunicorn, task worker, SMTP, SQLite and a PostgreSQL
# server of its own; two app servers behind nginx with Redis): a confirmed request is never
# lost. About 9 minutes; README, "Faults and load".
faults: install-dev messages
	./scripts/install_system_packages.sh faults
	$(PY) bench/faults.py

# The speed targets, each a ratio to a baseline measured in the same run, in alternating
# rounds (wrk, nginx, the request form, publishing, Lighthouse, the admin at 100,000
# requests); prints every figure, a table and "N passed, N failed". About 25 minutes on
# two cores; not part of `make test`. README, "Performance".
bench: install-dev messages
	./scripts/install_system_packages.sh bench
	$(PY) -m bench.perf

# Back up the development database and uploads to var/backups/ (BACKUP_DIR), and put
# the newest backup back (it asks first; stop `make run` before). Servers: README, "Backups".
backup: install
	mkdir -p media
	$(PY) manage.py dbbackup --compress --clean
	$(PY) manage.py mediabackup --compress --clean

restore: install
	$(PY) manage.py dbrestore --uncompress
	$(PY) manage.py mediarestore --uncompress --replace

clean:
	rm -rf $(VENV) var staticfiles test-artifacts .pytest_cache
	find . -name '*.mo' -path './locale/*' -delete

# Refresh the Polish and Ukrainian catalogues after changing translatable strings, then
# translate the new entries in locale/{pl,uk}/LC_MESSAGES/django.po (needs GNU gettext).
makemessages: install
	$(PY) manage.py makemessages --locale pl --locale uk --no-location --ignore '.venv/*' --ignore 'var/*' --ignore 'staticfiles/*' --ignore 'test-artifacts/*'
