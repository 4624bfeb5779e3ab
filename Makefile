# Learning Hub: `make run` to try it, `make test` to check it. `make help` lists the rest.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
MANAGE := $(BIN)/python manage.py

.DEFAULT_GOAL := help
.PHONY: help install oidc-provider scorm-lms run prod migrate seed test e2e lint format check clean

help: ## List the targets
	@grep -E '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.txt requirements-dev.txt
	$(BIN)/pip install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed ## Create .venv and install the pinned dependencies

# The SSO tests sign in at a real OpenID Provider (tests/oidc, Node.js 20.19+); without npm
# they are skipped (outside CI).
tests/oidc/node_modules/.installed: tests/oidc/package-lock.json
	npm ci --prefix tests/oidc --no-audit --no-fund
	touch $@

# The SCORM export's browser test runs a package under scorm-again's SCORM 1.2 API (tests/scorm).
tests/scorm/node_modules/.installed: tests/scorm/package-lock.json
	npm ci --prefix tests/scorm --no-audit --no-fund
	touch $@

scorm-lms: ## Install the SCORM browser test's LMS stand-in (scorm-again) from tests/scorm/package-lock.json (needs npm)
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory tests/scorm/node_modules/.installed; \
	else echo "npm not found: the SCORM browser test will be skipped"; fi

oidc-provider: ## Install the SSO tests' OpenID Provider from tests/oidc/package-lock.json (needs npm)
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory tests/oidc/node_modules/.installed; \
	else echo "npm not found: the single sign-on tests will be skipped"; fi

migrate: install ## Apply database migrations
	$(MANAGE) migrate --no-input

seed: migrate ## Load the demo organisation and courses (idempotent)
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(MANAGE) seed_demo

run: seed ## Set everything up and serve http://127.0.0.1:$(PORT) on SQLite
	@echo "Serving on http://127.0.0.1:$(PORT)/  (admin: http://127.0.0.1:$(PORT)/admin/)"
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(MANAGE) runserver 127.0.0.1:$(PORT)

# Production settings unless DJANGO_SETTINGS_MODULE says otherwise; they need SECRET_KEY and
# DATABASE_URL (and REDIS_URL for several machines) from the environment: README.
prod: export DJANGO_SETTINGS_MODULE := $(or $(DJANGO_SETTINGS_MODULE),elearning.settings.production)
prod: install ## The production topology on this machine: gunicorn, the task worker and the scheduler (Procfile, honcho)
	$(MANAGE) migrate --no-input
	$(MANAGE) collectstatic --no-input --verbosity 0
	PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/honcho start --procfile Procfile --port $(PORT)

test: install oidc-provider ## Run the test suite, browser tests aside (PostgreSQL when DATABASE_URL points at one)
	$(BIN)/pytest --ignore=tests/e2e

e2e: install oidc-provider scorm-lms ## Run the browser journeys in Debian's chromium (apt-get install chromium); screenshots in test-artifacts/e2e/
	$(BIN)/pytest tests/e2e

lint: install ## Check style with ruff, and that the apps depend one way (import-linter)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache

format: install ## Reformat the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install ## Django system checks and missing migrations
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

clean: ## Remove the virtualenv, the SQLite database and collected files
	rm -rf $(VENV) db.sqlite3 staticfiles test-media test-artifacts
