# Two commands do everything on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
PY := .venv/bin/python
UV := $(shell command -v uv 2>/dev/null || echo "$(HOME)/.local/bin/uv")
export DAGSTER_HOME ?= $(CURDIR)/var/dagster_home
export TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS :=
export UV_LINK_MODE := copy

.PHONY: venv demo test lint ui bench clean

.venv/.synced: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet uv
	uv sync --frozen --python 3.11 --compile-bytecode
	@touch $@

venv: .venv/.synced

demo: venv
	$(PY) -m pipelines.cli demo

lint: venv
	.venv/bin/ruff check pipelines redaction tests bench
	.venv/bin/mypy pipelines redaction

test: venv lint
	.venv/bin/pytest -q -p no:cacheprovider

# the local instance (run queue: one prepare and one publish per dataset at a time), the demo key on the demo
# deployment `make demo` created, then `dagster dev` (webserver + daemon)
ui: venv
	$(PY) -m pipelines.cli ui

bench: venv
	@for b in bench/bench_*.py; do echo "=== $$b"; $(PY) $$b $(BENCH_ARGS) || exit 1; done

clean:
	rm -rf var public test-artifacts
