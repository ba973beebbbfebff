# Two commands do everything on a fresh machine: `make demo` and `make test`.
SHELL := /bin/bash
PY := .venv/bin/python
UV := $(shell command -v uv 2>/dev/null || echo "$(HOME)/.local/bin/uv")
export DAGSTER_HOME ?= $(CURDIR)/var/dagster_home
export TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS :=
export UV_LINK_MODE := copy

.PHONY: venv demo test test-prereqs lint ui bench clean

.venv/.synced: pyproject.toml uv.lock
	@command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet uv
	uv sync --frozen --python 3.11 --compile-bytecode
	@touch $@

venv: .venv/.synced

demo: venv
	$(PY) -m pipelines.cli demo

lint: venv
	.venv/bin/ruff check pipelines redaction tests bench benchmarks
	.venv/bin/mypy pipelines redaction benchmarks

test-prereqs:
	@bash scripts/test-prereqs.sh

test: venv lint test-prereqs
	.venv/bin/pytest -q -p no:cacheprovider

ui: venv
	@mkdir -p $(DAGSTER_HOME)/.nux && test -f $(DAGSTER_HOME)/dagster.yaml || printf 'telemetry:\n  enabled: false\n' > $(DAGSTER_HOME)/dagster.yaml
	@test -f $(DAGSTER_HOME)/.nux/nux.yaml || printf 'seen: 1\n' > $(DAGSTER_HOME)/.nux/nux.yaml
	.venv/bin/dagster dev -w workspace.yaml -h 127.0.0.1 -p 3000

bench: venv
	@for b in bench/bench_*.py; do echo "=== $$b"; $(PY) $$b $(BENCH_ARGS) || exit 1; done

clean:
	rm -rf var public test-artifacts
