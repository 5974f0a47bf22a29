# Improvement Board: every set-up step lives here, so a fresh clone works.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
export DJANGO_SETTINGS_MODULE := config.settings

.PHONY: install run test lint check e2e lock demo clean

install: $(VENV)/.installed node_modules/.installed improvement/core/static/css/application.css

$(VENV)/.installed: requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

improvement/core/static/css/application.css: node_modules/.installed frontend/application.scss frontend/_improvement.scss
	npm run --silent build

# The worker (imports, emails) runs beside the web server and stops when it does.
# The demo's sign-ins need no authenticator app: OTP_REQUIRED=false (docs/adr/015).
run: install
	DEBUG=true $(PY) manage.py migrate --no-input
	DEBUG=true $(PY) manage.py createcachetable
	DEBUG=true $(PY) manage.py load_demo
	DEBUG=true $(PY) manage.py run_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DEBUG=true OTP_REQUIRED=false $(PY) manage.py runserver 127.0.0.1:8000

lint: install
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

check: install
	$(PY) manage.py check
	$(PY) manage.py makemigrations --check --dry-run
	$(PY) -m improvement.core.lint_council_scope
	$(VENV)/bin/lint-imports --no-cache

test: lint check
	$(VENV)/bin/pytest -q -n 2

# Browser journeys in Debian's Chromium (apt-get install chromium), served over
# plain HTTP by the live test server, so the HTTPS-only settings are relaxed here.
e2e: install
	@command -v $${CHROMIUM:-chromium} >/dev/null || { \
	  echo "Installing Debian's Chromium for the browser journeys"; \
	  apt-get install -y -q chromium >/dev/null 2>&1 || \
	  { apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null; }; }
	SECURE_SSL_REDIRECT=false SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false \
	SECURE_HSTS_SECONDS=0 $(VENV)/bin/pytest -q -p no:xdist e2e

# Re-resolve every pin of pyproject.toml into requirements.lock.
lock:
	rm -rf /tmp/ib-lock && $(PYTHON) -m venv /tmp/ib-lock
	/tmp/ib-lock/bin/pip install --quiet $$($(PYTHON) -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb')); print(' '.join(p['project']['dependencies'] + p['dependency-groups']['dev']))")
	/tmp/ib-lock/bin/pip freeze > requirements.lock

clean:
	rm -rf $(VENV) node_modules db.sqlite3 improvement/core/static/css/application.css
