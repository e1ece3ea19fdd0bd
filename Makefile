# The two commands a newcomer needs: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
HOST ?= 127.0.0.1
STAMP := $(VENV)/.installed
# Server limits (README.md, "Limits at the door"): idle keep-alive connections close after
# 5 s; WebSocket pings every 20 s, a peer silent 20 s more is dropped; a frame is at most
# 64 KiB (the consumers refuse more anyway); at most 1000 connections and tasks a worker
# (then 503); h11, because it bounds a request's headers (16 KiB), which httptools does not.
UVICORN_FLAGS ?= --timeout-keep-alive 5 --ws-ping-interval 20 --ws-ping-timeout 20 \
	--ws-max-size 65536 --limit-concurrency 1000 \
	--http h11 --h11-max-incomplete-event-size 16384

.PHONY: run test lint fmt install lock serve migrate seed check messages clean

# `make run` serves the production profile (DEBUG off) on the embedded default, over plain
# HTTP on this machine: the site's own 404 and 500 pages (never Django's debug page, which
# shows settings and code), static files collected and precompressed, pages gzipped. The
# development profile (DEBUG on: `DJANGO_DEBUG=1 make run`, or `manage.py runserver`) is
# for working on the code. What it needs, unless set in the environment:
# - SITE_URL, the address e-mails link to: where it serves (127.0.0.1 for HOST=0.0.0.0);
# - a secret key of its own, made once and kept in $(VENV)/secret-key;
# - seed_demo --force on the embedded database only (DEBUG off), never on DATABASE_URL's.
SITE_HOST = $(if $(filter 0.0.0.0 :: [::],$(HOST)),127.0.0.1,$(HOST))
LOCAL_KEY := $(VENV)/secret-key
run: export DJANGO_DEBUG ?= 0
run: export SITE_URL ?= http://$(SITE_HOST):$(PORT)
run: export DJANGO_SECRET_KEY ?= $(shell cat $(LOCAL_KEY) 2>/dev/null)
run: SEED_FLAGS = $(if $(DATABASE_URL),,--force)
run: install $(LOCAL_KEY) migrate seed  ## Install, migrate, seed the demo, and serve http://127.0.0.1:8000/
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/uvicorn config.asgi:application --host $(HOST) --port $(PORT) --lifespan off \
		$(UVICORN_FLAGS)

$(LOCAL_KEY): | install
	umask 077 && $(BIN)/python -c "import secrets; print(secrets.token_urlsafe(50))" > $@

# Tests run with the development profile (DEBUG settings, against DATABASE_URL/REDIS_URL
# when set); the production profile is checked by tests that start fresh processes.
test: export DJANGO_DEBUG ?= 1
test: install lint  ## Ruff and the whole pytest suite
	$(BIN)/python manage.py check --fail-level WARNING
	$(BIN)/python manage.py makemigrations --check --dry-run -v0
	$(BIN)/pytest $(PYTEST_ARGS)

install: $(STAMP)

# The project and its tools, at the versions pinned in constraints.txt (the lock).
$(STAMP): pyproject.toml constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[dev]"
	touch $(STAMP)

lock:  ## Resolve pyproject.toml's dependencies afresh and pin them in constraints.txt
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet -e ".[dev]"
	{ echo "# What CI and \`make run\` install: every package pinned (pip constraints). Regenerate with"; \
	  echo "# \`make lock\` after changing the dependencies in pyproject.toml."; \
	  .lock-venv/bin/pip freeze --exclude-editable | grep -v "^sse-asia"; } > constraints.txt
	rm -rf .lock-venv

migrate: install
	$(BIN)/python manage.py migrate --noinput -v0

seed: install
	$(BIN)/python manage.py seed_demo $(SEED_FLAGS)

lint: install  ## Ruff (lint and formatting) and import-linter (the layers of the layout)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

fmt: install  ## Fix what ruff can fix, format the code
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: install  ## Django's system checks
	$(BIN)/python manage.py check

# Every catalogue under locale/ takes the msgids of our code and templates, and those of
# Django and allauth that readers see (core/library_strings.py); copy_library_translations
# then fills in what the libraries' own catalogues translate, and the rest is left
# untranslated (or fuzzy) for translators, which tests/test_translations.py reports.
MESSAGES_IGNORE := --ignore=.venv --ignore=staticfiles --ignore=build --ignore=node_modules
messages: install  ## Update every translation catalogue (needs GNU gettext) and compile them
	$(BIN)/python manage.py makemessages --all $(MESSAGES_IGNORE)
	$(BIN)/python manage.py copy_library_translations
	$(BIN)/python manage.py compile_catalogues

clean:
	rm -rf $(VENV) staticfiles .pytest_cache
