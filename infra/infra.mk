# Infra targets. Include from the project Makefile:   include infra/infra.mk
# PYTHON defaults to the active interpreter (activate the project venv first).
PYTHON ?= python3
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION = 20

.PHONY: synth synth-fast sizes test-infra cdk-deploy

synth:          ## Synthesize the stack into cdk.out/ (builds the real deps layer; cached)
	$(PYTHON) infra/app.py

synth-fast:     ## Synthesize with a placeholder deps layer (template checks only, never deploy it)
	HUB_SKIP_DEPS_LAYER=1 $(PYTHON) infra/app.py

sizes: synth    ## Layer and function asset sizes against Lambda's limits
	$(PYTHON) infra/sizes.py

test-infra:     ## Template assertions, cdk-nag, cfn-lint
	$(PYTHON) -m pytest tests/infra -q -m infra

cdk-deploy:     ## Deploy with the CDK CLI (npx runs infra/app.py via cdk.json); CDK_ARGS="-c stage=prod ..."
	npx --yes aws-cdk@2 deploy $(CDK_ARGS)
