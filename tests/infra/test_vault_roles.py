"""A blast radius of one tenant, proven on the synthesized policies (context vaultScope=tenant).

moto never enforces IAM, so these tests hand the calls the vault makes (in the form the IAM
audit's recorder writes them, local/iam_recorder.py) to the audit's own evaluation of the
synthesized template (infra/iam_audit.py, infra/iam_policy.py): a session of the vault role
tagged with tenant acme may open acme's secret, item and key context and nothing of globex's,
only functions that touch credentials may start such a session, and the functions' own roles
open no tenant credential at all."""

from __future__ import annotations

from typing import Any

import pytest

from infra.iam_audit import audit
from tests.infra.conftest import Synthesized

pytestmark = pytest.mark.infra

REFRESH = "functions.connections.refresh"  # reads and writes tenant credentials
DISCONNECT = "functions.connections.disconnect"  # reads and deletes them
API_KEY_CONNECT = "functions.connections.connect_api_key"  # tenant credentials only
CATALOG = "functions.catalog.list"  # never touches a credential
PROVIDERS_UPDATE = "functions.providers.update"  # the platform's own client secrets
KEY = "$HUB_KMS_KEY_ID"


def _as_session(call: dict[str, Any], tenant: str) -> dict[str, Any]:
    return {**call, "ownCredentials": False, "vaultScope": "tenant",
            "session": {"role": "$HUB_VAULT_ROLE_ARN", "tags": {"tenantId": tenant}}}


def _denials(synth: Synthesized, module: str, call: dict[str, Any], *, session_of: str | None = None) -> list[str]:
    recorded = {"module": module, "ownCredentials": True, **call}
    if session_of is not None:
        recorded = _as_session(recorded, session_of)
    return [str(denial) for denial in audit(synth.raw, [recorded]).denials]


def _secret(action: str, tenant: str, **extra: Any) -> dict[str, Any]:
    return {"action": f"secretsmanager:{action}", "secret": f"$HUB_SECRET_PREFIX/{tenant}/<id>", **extra}


def _sealed(action: str, tenant: str, purpose: str = "connection") -> dict[str, Any]:
    context = {"tenantId": tenant, "integrationId": "<id>", "connectionId": "<id>", "purpose": purpose}
    return {"action": f"kms:{action}", "keyId": KEY, "encryptionContext": context}


def _item(action: str, tenant: str) -> dict[str, Any]:
    return {"action": f"dynamodb:{action}", "table": "$HUB_TABLE_NAME", "leadingKeys": [f"TENANT#{tenant}"]}


def _assume(tags: dict[str, str] | None) -> dict[str, Any]:
    return {"action": "sts:AssumeRole", "roleArn": "$HUB_VAULT_ROLE_ARN", "externalId": False,
            **({"tags": tags} if tags is not None else {})}


TENANT_CALLS = {
    "read its secret (and Secrets Manager's KMS call for it)": lambda t: _secret("GetSecretValue", t),
    "write a new version": lambda t: _secret("PutSecretValue", t, withValue=True),
    "create its secret with the vault's tags": lambda t: _secret(
        "CreateSecret", t, kmsKeyId=KEY, withValue=True,
        tags={"tenantId": t, "integrationId": "<id>", "connectionId": "<id>", "purpose": "connection"}),
    "open its Encryption SDK message": lambda t: _sealed("Decrypt", t),
    "seal a new message": lambda t: _sealed("GenerateDataKey", t),
    "open its pending grant": lambda t: _sealed("Decrypt", t, "pending-grant"),
    "read its connection item (table vault)": lambda t: _item("GetItem", t),
    "write the message into its item": lambda t: _item("UpdateItem", t),
}


@pytest.mark.parametrize("what", sorted(TENANT_CALLS))
def test_a_tenants_session_reaches_its_own_credential_and_not_another_tenants(tenant_scope_synth: Synthesized,
                                                                              what: str) -> None:
    call = TENANT_CALLS[what]
    # Given a session of the vault role tagged acme (a function that reads and writes credentials)
    # When it makes the call on acme's credential, Then the synthesized policies allow it
    assert _denials(tenant_scope_synth, REFRESH, call("acme"), session_of="acme") == []
    # When a bug (a wrong tenant id, a confused key) makes the same call on globex's, Then AWS refuses it
    assert _denials(tenant_scope_synth, REFRESH, call("globex"), session_of="acme")


def test_a_disconnecting_session_deletes_only_its_tenants_secret(tenant_scope_synth: Synthesized) -> None:
    assert _denials(tenant_scope_synth, DISCONNECT, _secret("DeleteSecret", "acme"), session_of="acme") == []
    assert _denials(tenant_scope_synth, DISCONNECT, _secret("DeleteSecret", "globex"), session_of="acme")
    # and its role (read + delete) cannot write, whatever the tenant
    assert _denials(tenant_scope_synth, DISCONNECT, _secret("PutSecretValue", "acme", withValue=True),
                    session_of="acme")


def test_no_session_reaches_the_platforms_secrets(tenant_scope_synth: Synthesized) -> None:
    assert _denials(tenant_scope_synth, REFRESH, _secret("GetSecretValue", "_system"), session_of="_system")
    assert _denials(tenant_scope_synth, REFRESH, _assume({"tenantId": "_system"}))


def test_only_functions_that_touch_credentials_may_start_a_session_and_only_tagged_with_one_tenant(
        tenant_scope_synth: Synthesized) -> None:
    # Given the function's own role and the vault role's trust policy
    assert _denials(tenant_scope_synth, REFRESH, _assume({"tenantId": "acme"})) == []
    assert _denials(tenant_scope_synth, DISCONNECT, _assume({"tenantId": "acme"})) == []
    # Then an untagged session, a second tag, or a function that never touches credentials is refused
    assert _denials(tenant_scope_synth, REFRESH, _assume(None))
    assert _denials(tenant_scope_synth, REFRESH, _assume({"tenantId": "acme", "team": "x"}))
    catalog = tenant_scope_synth.function_by_handler(f"{CATALOG}.handler")[1]
    assert "HUB_VAULT_ROLE_ARN" not in catalog["Properties"]["Environment"]["Variables"]
    role = _vault_role_arn(tenant_scope_synth, REFRESH)
    assert _denials(tenant_scope_synth, CATALOG, {**_assume({"tenantId": "acme"}), "roleArn": role})


def test_in_the_tenant_scope_a_functions_own_role_opens_no_tenant_credential(tenant_scope_synth: Synthesized) -> None:
    for call in (_secret("GetSecretValue", "acme"), _sealed("Decrypt", "acme"), _sealed("Decrypt", "acme",
                                                                                         "pending-grant")):
        assert _denials(tenant_scope_synth, REFRESH, call), call
    # while what is the hub's own stays with the function: the platform's client secrets
    platform = {"action": "secretsmanager:GetSecretValue", "secret": "$HUB_SECRET_PREFIX/_system/<id>"}
    assert _denials(tenant_scope_synth, PROVIDERS_UPDATE, platform) == []


def test_the_vault_key_admits_the_vault_roles_and_no_longer_the_functions_that_assume_them(
        tenant_scope_synth: Synthesized) -> None:
    [key] = [r for r in tenant_scope_synth.resources("AWS::KMS::Key").values()
             if "vault" in r["Properties"]["Description"]]
    [deny] = [s for s in key["Properties"]["KeyPolicy"]["Statement"] if s["Effect"] == "Deny"]
    allowed = str(deny["Condition"]["ArnNotEquals"]["aws:PrincipalArn"])
    assert "role/hub-test-vault-read-write" in allowed and "role/hub-test-vault-delete-read" in allowed
    # a function whose only use of the key was tenant credentials (an API-key connect) is no longer named;
    # one that also opens the platform's client secrets (refresh) still is
    assert _role_name(tenant_scope_synth, API_KEY_CONNECT) not in allowed
    assert _role_name(tenant_scope_synth, REFRESH) in allowed


def test_the_default_scope_has_no_vault_role(hub_synth: Synthesized) -> None:
    names = [str(r["Properties"].get("RoleName", "")) for r in hub_synth.resources("AWS::IAM::Role").values()]
    assert not [n for n in names if "-vault-" in n]
    variables = hub_synth.function_by_handler(f"{REFRESH}.handler")[1]["Properties"]["Environment"]["Variables"]
    assert "HUB_VAULT_SCOPE" not in variables and "HUB_VAULT_ROLE_ARN" not in variables


def _role_name(synth: Synthesized, module: str) -> str:
    role = synth.function_by_handler(f"{module}.handler")[1]["Properties"]["Role"]["Fn::GetAtt"][0]
    return str(synth.raw["Resources"][role]["Properties"]["RoleName"])


def _vault_role_arn(synth: Synthesized, module: str) -> str:
    variables = synth.function_by_handler(f"{module}.handler")[1]["Properties"]["Environment"]["Variables"]
    parts = variables["HUB_VAULT_ROLE_ARN"]["Fn::Join"][1]
    return f"arn:aws:iam::123456789012{parts[-1]}"
