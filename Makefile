# Two commands do everything on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
PY := .venv/bin/python
UV := $(shell command -v uv 2>/dev/null || echo "$(HOME)/.local/bin/uv")
export DAGSTER_HOME ?= $(CURDIR)/var/dagster_home
export TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS :=
export UV_LINK_MODE := copy

.PHONY: venv demo test test-prereqs lint ui bench clean site-vendor

# Python 3.12 (pyproject.toml): python3.12 on PATH, else pyenv's 3.12 (these machines have it, not active by
# default), else uv's own download of 3.12.
PYTHON_312 := $(shell python3.12 -V >/dev/null 2>&1 && echo python3.12 || ls -d $$(pyenv root 2>/dev/null || echo $$HOME/.pyenv)/versions/3.12*/bin/python3.12 2>/dev/null | tail -1)

.venv/.synced: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet uv
	uv sync --frozen --python $(or $(PYTHON_312),3.12) --compile-bytecode
	@touch $@

venv: .venv/.synced

demo: venv
	@$(MAKE) --no-print-directory site-vendor || echo "make site-vendor failed (needs npm and the npm registry once): the site's query tool will filter the CSV instead"
	OSD_SITE_VENDOR=$${OSD_SITE_VENDOR:-$(CURDIR)/var/site-vendor} $(PY) -m pipelines.cli demo --dataset-rows stops=10000

# The in-browser query engine of the site (DuckDB-WASM, pinned in site_vendor/package-lock.json), bundled at
# build time into var/site-vendor/; with OSD_SITE_VENDOR pointing there (make demo does) the site builder copies
# it into the public site (never a CDN at run time).
SITE_VENDOR := var/site-vendor/duckdb
site-vendor: $(SITE_VENDOR)/duckdb.mjs
$(SITE_VENDOR)/duckdb.mjs: site_vendor/package.json site_vendor/package-lock.json site_vendor/entry.mjs
	cd site_vendor && npm ci --no-audit --no-fund --loglevel=error
	@mkdir -p $(SITE_VENDOR)
	site_vendor/node_modules/.bin/esbuild site_vendor/entry.mjs --bundle --format=esm --minify --platform=browser --log-level=warning --outfile=$@.tmp
	cp site_vendor/node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js site_vendor/node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm $(SITE_VENDOR)/
	cd site_vendor && node -e 'for (const p of ["@duckdb/duckdb-wasm", "apache-arrow", "hyparquet", "hyparquet-compressors"]) { const j = require("./node_modules/" + p + "/package.json"); console.log(p, j.version, j.license); }' > ../$(SITE_VENDOR)/NOTICE.txt
	mv $@.tmp $@

lint: venv
	.venv/bin/ruff check pipelines redaction demo tests bench benchmarks
	.venv/bin/mypy pipelines redaction demo benchmarks

test-prereqs:
	@bash scripts/test-prereqs.sh

test: venv lint test-prereqs site-vendor
	.venv/bin/pytest -q -p no:cacheprovider

# the local instance (run queue: one prepare and one publish per dataset at a time), the demo key on the demo
# deployment `make demo` created, then `dagster dev` (webserver + daemon)
ui: venv
	$(PY) -m pipelines.cli ui

bench: venv
	@for b in bench/bench_*.py; do echo "=== $$b"; $(PY) $$b $(BENCH_ARGS) || exit 1; done

clean:
	rm -rf var public test-artifacts
