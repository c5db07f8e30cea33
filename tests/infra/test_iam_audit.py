"""The IAM audit: every AWS call the suite made (recorded by local/iam_recorder.py while `make
test` ran unit, integration and e2e tests) is allowed by the role the synthesized template
gives the function that made it. Collected only when HUB_IAM_AUDIT_DIR is set (`make test` sets
it for both runs); then an empty recording fails rather than passing silently.

Calls made while the vault ran in the tenant scope (tests/integration/test_vault_tenant_scope.py)
are checked against the stack synthesized with vaultScope=tenant: the functions' own roles, the
vault roles' trust policies for each AssumeRole, and the vault roles' policies (with the session's
tenant tag) for each call made with a session."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from infra.iam_audit import AuditResult, audit, load_calls
from tests.infra.conftest import REPORT_KEY, Synthesized

pytestmark = pytest.mark.infra

AUDIT_DIR = Path(os.environ.get("HUB_IAM_AUDIT_DIR", "build/iam-audit"))


@pytest.fixture(scope="module")
def recorded() -> dict[str, list[dict[str, Any]]]:
    calls = load_calls(AUDIT_DIR) if AUDIT_DIR.is_dir() else []
    assert calls, f"no AWS calls were recorded in {AUDIT_DIR}: run the suite with HUB_IAM_AUDIT_DIR set (make test)"
    by_scope: dict[str, list[dict[str, Any]]] = {"function": [], "tenant": []}
    for call in calls:
        by_scope[str(call.get("vaultScope", "function"))].append(call)
    return by_scope


@pytest.fixture(scope="module")
def result(hub_synth: Synthesized, recorded: dict[str, list[dict[str, Any]]],
           request: pytest.FixtureRequest) -> AuditResult:
    outcome = audit(hub_synth.raw, recorded["function"])
    request.config.stash[REPORT_KEY] = outcome.report()
    return outcome


@pytest.fixture(scope="module")
def tenant_scope_result(tenant_scope_synth: Synthesized, recorded: dict[str, list[dict[str, Any]]],
                        request: pytest.FixtureRequest) -> AuditResult:
    outcome = audit(tenant_scope_synth.raw, recorded["tenant"])
    # only a few tests run in this scope: list what the vault roles allow and no session used,
    # not every function that made no call here
    shown = replace(outcome, silent_functions=[],
                    unused={name: actions for name, actions in outcome.unused.items() if "-vault-" in name})
    request.config.stash[REPORT_KEY] = (request.config.stash.get(REPORT_KEY, "") + "\n\nTenant-scoped vault (vaultScope"
                                        "=tenant): " + shown.report())
    return outcome


def test_every_recorded_aws_call_is_allowed_by_the_role_of_the_function_that_made_it(result: AuditResult) -> None:
    # Given every call the suite's handlers made, When each is checked against its function's role
    # Then none would be denied (the message names the function, the call and what is missing)
    assert not result.denials, "\n" + "\n".join(f"DENIED {denial}" for denial in result.denials)


def test_in_the_tenant_scope_every_call_is_allowed_to_the_function_or_the_session_that_made_it(
        result: AuditResult, tenant_scope_result: AuditResult) -> None:
    # Given the calls made with the tenant-scoped vault, When each is checked against the function's
    # role, the vault role's trust (AssumeRole) or the vault role's policy with the session's tag
    # Then none would be denied
    assert not tenant_scope_result.denials, "\n" + "\n".join(f"DENIED {d}" for d in tenant_scope_result.denials)
    # and the recording holds sessions of both vault roles (a silent recorder would pass vacuously)
    assert {"hub-test-vault-read-write", "hub-test-vault-delete-read"} <= tenant_scope_result.sessions


def test_the_recording_covers_the_functions_that_hold_credentials(result: AuditResult) -> None:
    # a recorder that silently stopped recording would make the first test pass vacuously
    covered = {
        "functions.connections.connect_custom", "functions.integrations.create", "functions.integrations.delete",
        "functions.connections.disconnect", "functions.oauth.callback", "functions.providers.create",
    }
    assert covered <= result.recorded_modules, f"not recorded: {sorted(covered - result.recorded_modules)}"
    assert result.calls > 100
