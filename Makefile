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
# the TypeScript client's generator, compiler and runtime (clients/typescript, npm ci from its lock file)
CLIENTS_TS_DIR := clients/typescript
CLIENTS_TS_STAMP := $(CLIENTS_TS_DIR)/node_modules/.installed
PORT ?= 3000
ROLE ?= tenant_admin
TENANT ?= acme
USER ?= alice
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION := 20
export PYTHONPATH := $(CURDIR):$(CURDIR)/layers/core

.PHONY: help install run token invoke events test test-unit test-integration test-e2e test-infra lint \
	synth synth-fast sizes bootstrap deploy upgrade-check upgrade-fixture openapi settings-doc clients generate bench clean

# Every target carries a `## ` description on its rule line; `make help` lists them from there
# (tests/unit/test_project_files.py checks that none is missing).
help: ## list every target
	@grep -E '^[a-z][a-z0-9-]*:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z0-9-]+):.*## (.*)/  make \1\t\2/' | expand -t 24

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	@touch $(STAMP)

$(OIDC_STAMP): $(OIDC_DIR)/package.json $(OIDC_DIR)/package-lock.json
	@cd $(OIDC_DIR) && npm ci --no-audit --no-fund --loglevel=error
	@touch $(OIDC_STAMP)

$(CLIENTS_TS_STAMP): $(CLIENTS_TS_DIR)/package.json $(CLIENTS_TS_DIR)/package-lock.json
	@cd $(CLIENTS_TS_DIR) && npm ci --no-audit --no-fund --loglevel=error
	@touch $(CLIENTS_TS_STAMP)

install: $(STAMP) $(OIDC_STAMP) $(CLIENTS_TS_STAMP) ## create .venv from pyproject.toml and the npm packages (test OIDC server, TS client)

run: $(STAMP) ## start the whole API on http://127.0.0.1:3000 (PORT=…; moto, emulator, sandbox, schedules)
	@$(PY) -m local run --port $(PORT)

token: $(STAMP) ## print a dev token: make token ROLE=tenant_admin TENANT=acme USER=alice
	@$(PY) -m local token --role $(ROLE) --tenant $(TENANT) --user $(USER)

# The first run records every AWS call each function makes (local/iam_recorder.py); the infra run
# checks them against the synthesized roles (tests/infra/test_iam_audit.py): one suite run, no rerun.
IAM_AUDIT_DIR := $(CURDIR)/build/iam-audit

test: $(STAMP) $(OIDC_STAMP) $(CLIENTS_TS_STAMP) ## unit + integration + e2e + infra tests (what CI runs)
	rm -rf $(IAM_AUDIT_DIR)
	HUB_IAM_AUDIT_DIR=$(IAM_AUDIT_DIR) $(PY) -m pytest tests/unit tests/integration tests/e2e -n 2 -q \
		-p no:cacheprovider --cov --cov-report=term-missing:skip-covered --cov-report=xml --cov-fail-under=90
	HUB_IAM_AUDIT_DIR=$(IAM_AUDIT_DIR) $(PY) -m pytest tests/infra -q -p no:cacheprovider

test-unit: $(STAMP) $(CLIENTS_TS_STAMP) ## unit tests only
	$(PY) -m pytest tests/unit -q

test-integration: $(STAMP) $(OIDC_STAMP) ## integration tests only (handlers against in-process moto)
	$(PY) -m pytest tests/integration -q

test-e2e: $(STAMP) $(CLIENTS_TS_STAMP) ## e2e tests only (HTTP against `python -m local run`, docs examples)
	$(PY) -m pytest tests/e2e -q

test-infra: $(STAMP) ## infrastructure tests only (template assertions, cdk-nag, cfn-lint)
	$(PY) -m pytest tests/infra -q

LINT_PATHS = $(wildcard layers/core functions infra local tests bench)
TYPED_PATHS = $(wildcard layers/core/hub functions infra local bench)

lint: $(STAMP) ## ruff + mypy
	$(VENV)/bin/ruff check $(LINT_PATHS)
	$(VENV)/bin/mypy $(TYPED_PATHS)

synth: $(STAMP) ## synthesize the CDK app into cdk.out/ (no Docker, no AWS account)
	@echo "Synthesizing the CDK app (infra/app.py) into cdk.out/: building the dependency layer for"
	@echo "Lambda arm64 with pip (cached after the first run), packaging one asset per function, and"
	@echo "running cdk-nag's AwsSolutions checks (an unacknowledged finding fails the synth)..."
	@time $(PY) infra/app.py
	@echo "Next: make sizes (asset sizes), make deploy (needs AWS credentials; docs/deploy.md)"

synth-fast: $(STAMP) ## synth with a placeholder dependency layer: template checks only, never deploy it
	HUB_SKIP_DEPS_LAYER=1 $(PY) infra/app.py

# The CDK CLI runs the app with this venv's interpreter, so nothing has to be activated first.
CDK := npx --yes aws-cdk@2
CDK_APP := --app "$(abspath $(PY)) infra/app.py"

bootstrap: $(STAMP) ## once per account/region: npx aws-cdk@2 bootstrap (needs AWS credentials)
	$(CDK) bootstrap $(CDK_APP) $(CDK_ARGS)

deploy: $(STAMP) ## deploy the stack: make deploy CDK_ARGS="-c stage=prod -c alarmEmail=ops@example.com"
	$(CDK) deploy $(CDK_APP) $(if $(UPGRADE),-c upgrade=$(UPGRADE)) $(CDK_ARGS)

# A stack deployed before the nested stacks moves in two deploys (docs/deploy.md, "Upgrading a
# stack deployed before the nested stacks"): make deploy UPGRADE=detach ..., then make deploy ...
upgrade-check: $(STAMP) ## what the two upgrade deploys do to a deployed stack: make upgrade-check DEPLOYED=deployed.json CDK_ARGS="..."
	$(PY) -m infra.upgrade check $(DEPLOYED) $(CDK_ARGS)

upgrade-fixture: $(STAMP) ## rewrite tests/infra/fixtures/pre-split.json from the last single-template commit
	$(PY) -m infra.upgrade snapshot f39f656^ tests/infra/fixtures/pre-split.json -c stage=test \
	  -c skipDepsLayer=true -c alarmEmail=ops@example.com \
	  -c allowedReturnOrigins=https://app.example.com,http://127.0.0.1:3000

invoke: $(STAMP) ## run one function with its sample event: make invoke FUNCTION=health-list
	@$(PY) -m local invoke $(FUNCTION) $(if $(EVENT),$(EVENT),events/$(FUNCTION).json)

openapi: $(STAMP) ## write docs/openapi.json
	@mkdir -p docs
	$(PY) -m local openapi --output docs/openapi.json

clients: $(STAMP) $(CLIENTS_TS_STAMP) ## regenerate the typed clients (clients/typescript, clients/python) from docs/openapi.json
	$(PY) -m local.clients

# every generated file, in dependency order: after adding or changing a route, a model or a
# setting, run this and commit what changed (the staleness tests fail otherwise)
generate: ## regenerate everything generated: docs/openapi.json, docs/settings.md, events/, clients/
	$(MAKE) --no-print-directory openapi
	$(MAKE) --no-print-directory settings-doc
	$(MAKE) --no-print-directory events
	$(MAKE) --no-print-directory clients

bench: $(STAMP) ## benchmarks that print figures (targets live there, never in timed tests)
	$(PY) -m bench

settings-doc: $(STAMP) ## regenerate docs/settings.md from layers/core/hub/settings.py
	$(PY) -m local.settings_doc

sizes: synth ## layer and asset sizes against Lambda's 250 MB limit; each template against CloudFormation's limits
	$(PY) infra/sizes.py

clean: ## remove build output and caches (not .venv, not .local)
	rm -rf cdk.out build .pytest_cache .mypy_cache .ruff_cache .coverage coverage.xml

events: $(STAMP) ## write events/<function>.json, one sample event per route and worker
	$(PY) -m local.sample_events
