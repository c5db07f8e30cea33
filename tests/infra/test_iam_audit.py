"""The IAM audit: every AWS call the suite made (recorded by local/iam_recorder.py while `make
test` ran unit, integration and e2e tests) is allowed by the role the synthesized template
gives the function that made it. Collected only when HUB_IAM_AUDIT_DIR is set (`make test` sets
it for both runs); then an empty recording fails rather than passing silently."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from infra.iam_audit import AuditResult, audit, load_calls
from tests.infra.conftest import REPORT_KEY, Synthesized

pytestmark = pytest.mark.infra

AUDIT_DIR = Path(os.environ.get("HUB_IAM_AUDIT_DIR", "build/iam-audit"))


@pytest.fixture(scope="module")
def result(hub_synth: Synthesized, request: pytest.FixtureRequest) -> AuditResult:
    calls = load_calls(AUDIT_DIR) if AUDIT_DIR.is_dir() else []
    assert calls, f"no AWS calls were recorded in {AUDIT_DIR}: run the suite with HUB_IAM_AUDIT_DIR set (make test)"
    outcome = audit(hub_synth.raw, calls)
    request.config.stash[REPORT_KEY] = outcome.report()
    return outcome


def test_every_recorded_aws_call_is_allowed_by_the_role_of_the_function_that_made_it(result: AuditResult) -> None:
    # Given every call the suite's handlers made, When each is checked against its function's role
    # Then none would be denied (the message names the function, the call and what is missing)
    assert not result.denials, "\n" + "\n".join(f"DENIED {denial}" for denial in result.denials)


def test_the_recording_covers_the_functions_that_hold_credentials(result: AuditResult) -> None:
    # a recorder that silently stopped recording would make the first test pass vacuously
    covered = {
        "functions.connections.connect_custom", "functions.integrations.create", "functions.integrations.delete",
        "functions.connections.disconnect", "functions.oauth.callback", "functions.providers.create",
    }
    assert covered <= result.recorded_modules, f"not recorded: {sorted(covered - result.recorded_modules)}"
    assert result.calls > 100
