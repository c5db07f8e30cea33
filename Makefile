# Integration Hub — every developer command. The first target you run creates .venv from
# pyproject.toml; nothing has to be installed by hand first.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# the real OpenID provider the OAuth tests run against (tests/support/oidc, npm ci from its lock file)
OIDC_DIR := tests/support/oidc
OIDC_STAMP := $(OIDC_DIR)/node_modules/.installed
PORT ?= 3000
ROLE ?= tenant_admin
TENANT ?= acme
USER ?= alice
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20
export PYTHONPATH := $(CURDIR):$(CURDIR)/layers/core

.PHONY: settings-doc synth-fast cdk-deploy events help install run token test test-unit test-integration test-e2e test-infra lint synth openapi bench sizes clean

help:
	@echo "make run      start the whole API on http://127.0.0.1:$(PORT) (moto, emulator, sandbox, schedules)"
	@echo "make test     unit + integration + e2e + infra tests (what CI runs)"
	@echo "make lint     ruff + mypy"
	@echo "make token    print a dev token: make token ROLE=tenant_admin TENANT=acme USER=alice"
	@echo "make synth    synthesize the CDK app into cdk.out (no Docker, no AWS account)"
	@echo "make openapi  write docs/openapi.json"
	@echo "make bench    benchmarks that print figures"
	@echo "make settings-doc  regenerate docs/settings.md from layers/core/hub/settings.py"

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

$(OIDC_STAMP): $(OIDC_DIR)/package.json $(OIDC_DIR)/package-lock.json
	@cd $(OIDC_DIR) && npm ci --no-audit --no-fund --loglevel=error
	@touch $(OIDC_STAMP)

install: $(STAMP) $(OIDC_STAMP)

run: $(STAMP)
	@$(PY) -m local run --port $(PORT)

token: $(STAMP)
	@$(PY) -m local token --role $(ROLE) --tenant $(TENANT) --user $(USER)

# The first run records every AWS call each function makes (local/iam_recorder.py); the infra run
# checks them against the synthesized roles (tests/infra/test_iam_audit.py): one suite run, no rerun.
IAM_AUDIT_DIR := $(CURDIR)/build/iam-audit

test: $(STAMP) $(OIDC_STAMP)
	rm -rf $(IAM_AUDIT_DIR)
	HUB_IAM_AUDIT_DIR=$(IAM_AUDIT_DIR) $(PY) -m pytest tests/unit tests/integration tests/e2e -n 2 -q \
		-p no:cacheprovider --cov --cov-report=term-missing:skip-covered --cov-report=xml --cov-fail-under=90
	HUB_IAM_AUDIT_DIR=$(IAM_AUDIT_DIR) $(PY) -m pytest tests/infra -q -p no:cacheprovider

test-unit: $(STAMP)
	$(PY) -m pytest tests/unit -q

test-integration: $(STAMP) $(OIDC_STAMP)
	$(PY) -m pytest tests/integration -q

test-e2e: $(STAMP)
	$(PY) -m pytest tests/e2e -q

test-infra: $(STAMP)
	$(PY) -m pytest tests/infra -q

LINT_PATHS = $(wildcard layers/core functions infra local tests bench)
TYPED_PATHS = $(wildcard layers/core/hub functions infra local bench)

lint: $(STAMP)
	$(VENV)/bin/ruff check $(LINT_PATHS)
	$(VENV)/bin/mypy $(TYPED_PATHS)

synth: $(STAMP)
	@time $(PY) infra/app.py

synth-fast: $(STAMP)
	HUB_SKIP_DEPS_LAYER=1 $(PY) infra/app.py

cdk-deploy: $(STAMP)
	npx --yes aws-cdk@2 deploy $(CDK_ARGS)

openapi: $(STAMP)
	@mkdir -p docs
	$(PY) -m local openapi --output docs/openapi.json

bench: $(STAMP)
	$(PY) -m bench

settings-doc: $(STAMP)
	$(PY) -m local.settings_doc

sizes: synth
	$(PY) infra/sizes.py

clean:
	rm -rf cdk.out build .pytest_cache .mypy_cache .ruff_cache .coverage coverage.xml

events: $(STAMP)
	$(PY) -m local.sample_events
