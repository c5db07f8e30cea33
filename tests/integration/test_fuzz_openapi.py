"""A bounded fuzz run over the OpenAPI document (schemathesis): for each role, every operation
gets valid and invalid inputs drawn from its own schema; no answer may be a 5xx, and every
answer must be a status, content type and body the document declares.

Bounded for CI: a few examples per operation and role (HUB_FUZZ_EXAMPLES raises it for a long
local run), derandomized so a failure reproduces.
"""

from __future__ import annotations

import os

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from hub.openapi import build_openapi
from hub.urlguard import use_resolver
from tests.support import seed
from tests.support.api import claims_for
from tests.support.wsgi import hub_wsgi_app

EXAMPLES = int(os.environ.get("HUB_FUZZ_EXAMPLES", "3"))
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.mark.parametrize("role", ["super_admin", "tenant_admin", "user"])
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_no_operation_answers_5xx_or_off_contract(aws_env, role: str, mode: GenerationMode) -> None:
    # Given the document, a caller of the role, and one integration the fuzzer may not guess
    schema = schemathesis.openapi.from_dict(build_openapi())
    app = hub_wsgi_app(claims_for(role, tenant="acme"))
    seed.integration("acme", "int_fuzz")
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if mode is GenerationMode.NEGATIVE and not (operation.definition.raw.get("parameters")
                                                     or operation.definition.raw.get("requestBody")):
            continue  # nothing to get wrong

        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(generation_mode=mode))
        def call(case: schemathesis.Case) -> None:
            # When the operation is called with the drawn input
            response = case.call(app=app)
            # Then the answer is no 5xx and is what the document declares
            case.validate_response(response, checks=CHECKS)

        try:
            with use_resolver({}):  # no DNS: a generated URL host resolves to nothing
                call()
        except Exception as error:  # collect every operation's failure, report them all
            failures.append(f"{operation.label}: {str(error)[:600]}")
    assert failures == [], "\n\n".join(failures)
