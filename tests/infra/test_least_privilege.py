"""Least privilege per function (issue 15): each function's role holds what its route or worker
entry grants, the vault by operation, KMS only with encryption-context values, a vault key of its
own, and the front door's throttles and concurrency limits."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tests.infra.conftest import Synthesized

pytestmark = pytest.mark.infra


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _function(synth: Synthesized, name: str) -> dict[str, Any]:
    (resource,) = [r for r in synth.resources("AWS::Lambda::Function").values()
                   if r["Properties"].get("FunctionName") == f"hub-test-{name}"]
    return resource


def _statements(synth: Synthesized, function: str) -> list[dict[str, Any]]:
    resource = _function(synth, function)
    role = synth.raw["Resources"][resource["Properties"]["Role"]["Fn::GetAtt"][0]]["Properties"]
    return [s for policy in role["Policies"] for s in policy["PolicyDocument"]["Statement"]]


def _allowed(statements: list[dict[str, Any]]) -> set[str]:
    """Allowed actions, leaving out the table key that DynamoDB uses on the caller's behalf."""
    return {a for s in statements if s["Effect"] == "Allow" and s.get("Sid") != "TableKeyViaDynamoDB"
            for a in _as_list(s["Action"])}


def _by_sid(statements: list[dict[str, Any]], sid: str) -> dict[str, Any]:
    (found,) = [s for s in statements if s.get("Sid") == sid]
    return found


def test_functions_that_never_touch_credentials_get_no_vault_and_no_vault_key(hub_synth: Synthesized) -> None:
    # Given routes that browse, list or redirect, Then their roles hold no secret and no vault-key use
    for name in ("catalog-list", "widgets-status", "widgets-activity", "user-connections-list",
                 "health-list", "audit-tenant-list", "system-health"):
        statements = _statements(hub_synth, name)
        assert not any(a.startswith("secretsmanager:") for a in _allowed(statements)), name
        kms = [s for s in statements if any(str(a).startswith("kms:") for a in _as_list(s["Action"]))]
        assert all("dynamodb." in json.dumps(s["Condition"]) for s in kms), name


def test_the_anonymous_oauth_routes_only_seal_their_flow_state(hub_synth: Synthesized) -> None:
    start = _statements(hub_synth, "oauth-start")
    assert not any(a.startswith("secretsmanager:") for a in _allowed(start))
    seal = _by_sid(start, "SealTableValues")
    assert seal["Condition"]["StringEquals"]["kms:EncryptionContext:purpose"] == [
        "oauth-authorization-url", "oauth-pkce-verifier"]


def test_the_vault_is_granted_by_operation(hub_synth: Synthesized) -> None:
    search = _allowed(_statements(hub_synth, "search-global-search"))
    assert {"secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue"} <= search
    assert "secretsmanager:DeleteSecret" not in search
    delete = _allowed(_statements(hub_synth, "integrations-delete"))
    assert {"secretsmanager:GetSecretValue", "secretsmanager:DeleteSecret", "kms:Decrypt"} <= delete
    assert not {"secretsmanager:CreateSecret", "secretsmanager:PutSecretValue", "kms:GenerateDataKey"} & delete


def test_tenant_facing_functions_never_reach_the_platforms_client_secrets(hub_synth: Synthesized) -> None:
    # search reads the client secret to refresh a token, through its own statement only
    for name in ("connections-connect-api-key", "widgets-data"):
        statements = _statements(hub_synth, name)
        open_ = _by_sid(statements, "VaultOpen")
        # a tenant credential, in the vault or pending in its record (hub.connections.pending)
        assert open_["Condition"]["StringEquals"] == {"kms:EncryptionContext:purpose": ["connection", "pending-grant"]}
        assert open_["Condition"]["StringNotEquals"] == {"kms:EncryptionContext:tenantId": "_system"}
    deny = _by_sid(_statements(hub_synth, "connections-connect-api-key"), "NoPlatformSecrets")
    assert deny["Effect"] == "Deny" and json.dumps(deny["Resource"]).endswith('/_system/*"]]}')
    platform = _by_sid(_statements(hub_synth, "widgets-data"), "PlatformRead")
    assert json.dumps(platform["Resource"]).endswith('/_system/*"]]}')


def test_secrets_are_created_only_with_the_vault_key_and_the_vaults_tags(hub_synth: Synthesized) -> None:
    create = _by_sid(_statements(hub_synth, "connections-connect-api-key"), "VaultCreate")
    assert set(create["Action"]) == {"secretsmanager:CreateSecret", "secretsmanager:TagResource"}
    vault_key = _vault_key(hub_synth)
    assert create["Condition"]["StringEquals"]["secretsmanager:KmsKeyArn"] == {"Fn::GetAtt": [vault_key, "Arn"]}
    assert create["Condition"]["StringEquals"]["aws:RequestTag/purpose"] == "connection"
    assert set(create["Condition"]["ForAllValues:StringEquals"]["aws:TagKeys"]) == {
        "tenantId", "integrationId", "connectionId", "purpose"}
    # replacing a credential never tags
    assert "secretsmanager:TagResource" not in _allowed(_statements(hub_synth, "connections-refresh")) - set(
        _by_sid(_statements(hub_synth, "connections-refresh"), "VaultCreate")["Action"])


def _vault_key(synth: Synthesized) -> str:
    (key,) = [k for k, v in synth.resources("AWS::KMS::Key").items()
              if "credential vault" in v["Properties"]["Description"]]
    return key


def test_the_vault_key_is_separate_and_its_policy_names_the_roles_that_use_it(hub_synth: Synthesized) -> None:
    keys = hub_synth.resources("AWS::KMS::Key")
    assert len(keys) == 2
    vault_key = _vault_key(hub_synth)
    (table,) = hub_synth.resources("AWS::DynamoDB::Table").values()
    assert vault_key not in json.dumps(table["Properties"]["SSESpecification"])
    function = _function(hub_synth, "connections-connect-api-key")
    assert function["Properties"]["Environment"]["Variables"]["HUB_KMS_KEY_ID"] == {"Fn::GetAtt": [vault_key, "Arn"]}
    (deny,) = [s for s in keys[vault_key]["Properties"]["KeyPolicy"]["Statement"] if s["Effect"] == "Deny"]
    named = {json.dumps(arn).split(":role/")[1].split('"')[0]
             for arn in deny["Condition"]["ArnNotEquals"]["aws:PrincipalArn"]}
    roles = {r["Properties"]["RoleName"]: r for r in hub_synth.resources("AWS::IAM::Role").values()
             if "RoleName" in r["Properties"]}
    uses_key = {name for name, r in roles.items() if vault_key in json.dumps(r["Properties"].get("Policies", []))}
    assert named == uses_key and named


def test_assume_role_is_limited_to_other_accounts_with_an_external_id(hub_synth: Synthesized) -> None:
    for name in ("connections-connect-custom", "connections-test", "check-connection-health"):
        assume = _by_sid(_statements(hub_synth, name), "AssumeTenantRoles")
        assert assume["Condition"]["StringNotEquals"] == {"aws:ResourceAccount": {"Ref": "AWS::AccountId"}}
        assert assume["Condition"]["Null"] == {"sts:ExternalId": "false"}
    assert "sts:AssumeRole" not in _allowed(_statements(hub_synth, "connections-connect-api-key"))


def test_webhook_functions_publish_their_events_with_the_hubs_source_only(hub_synth: Synthesized) -> None:
    for name in ("webhook-dispatcher", "webhook-retry-sweep", "webhooks-test"):
        publish = _by_sid(_statements(hub_synth, name), "PublishEvents")
        assert publish["Condition"] == {"StringEquals": {"events:source": ["integration-hub"]}}


def test_public_routes_have_their_own_tight_throttles(hub_synth: Synthesized) -> None:
    (stage,) = hub_synth.resources("AWS::ApiGatewayV2::Stage").values()
    settings = stage["Properties"]["RouteSettings"]
    public = {r.key for r in hub_synth.routes if r.public}
    assert set(settings) == public
    default = stage["Properties"]["DefaultRouteSettings"]
    for key in public:
        assert settings[key]["ThrottlingRateLimit"] < default["ThrottlingRateLimit"]
        assert settings[key]["ThrottlingBurstLimit"] < default["ThrottlingBurstLimit"]


def test_refresh_health_and_webhook_workers_keep_reserved_concurrency(hub_synth: Synthesized) -> None:
    for name in ("refresh-worker", "refresh-due-connections", "check-connection-health", "webhook-dispatcher",
                 "webhook-retry-sweep"):
        function = _function(hub_synth, name)
        assert function["Properties"]["ReservedConcurrentExecutions"] >= 1, name


def test_every_queue_source_has_a_maximum_concurrency(hub_synth: Synthesized) -> None:
    mappings = hub_synth.resources("AWS::Lambda::EventSourceMapping").values()
    assert mappings
    for mapping in mappings:
        assert mapping["Properties"]["ScalingConfig"]["MaximumConcurrency"] >= 2


def test_the_bus_accepts_only_known_sources_of_its_own_account(hub_synth: Synthesized) -> None:
    (policy,) = hub_synth.resources("AWS::Events::EventBusPolicy").values()
    statement = policy["Properties"]["Statement"]
    assert statement["Condition"] == {"StringEquals": {"events:source": ["integration-hub", "platform"]}}
    assert ":root" in json.dumps(statement["Principal"])


def test_swallowed_failures_and_access_denied_raise_alarms(hub_synth: Synthesized) -> None:
    metrics = {a["Properties"].get("MetricName") for a in hub_synth.resources("AWS::CloudWatch::Alarm").values()}
    assert {"AuditNotWritten", "EventNotPublished", "RevocationSkipped", "HubAccessDenied"} <= metrics
