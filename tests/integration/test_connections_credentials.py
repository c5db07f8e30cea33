"""API key, basic and custom connections: fields checked against the template's credential
schema, the verification request first, and a rejected credential stores nothing."""

from __future__ import annotations

from typing import Any

import pytest

from hub.connections.repository import ConnectionRepository, secret_ref_of
from hub.vault import get_vault
from tests.support.connections import API_KEY, SandboxWorld, sandbox_server, sandbox_world

__all__ = ["sandbox_server", "sandbox_world"]

# every test runs once per vault backend (tests/conftest.py)
pytestmark = pytest.mark.usefixtures("vault_backend")

# the tenant's own account: the hub's role may never assume one of its own account (123456789012 in moto)
ROLE_ARN = "arn:aws:iam::111122223333:role/IntegrationHubAccess"


def _path(integration_id: str, suffix: str) -> str:
    return f"/api/tenant/integrations/{integration_id}/{suffix}"


def _nothing_stored(integration_id: str, tenant: str = "acme") -> bool:
    import boto3

    secrets = boto3.client("secretsmanager", region_name="us-east-1").list_secrets()["SecretList"]
    mine = [s for s in secrets if s["Name"].startswith(f"integration-hub/{tenant}/")]
    return ConnectionRepository().get_connection(tenant, integration_id) is None and not mine


def _provider(world: SandboxWorld, body: dict[str, Any]) -> None:
    admin = world.api.as_("super_admin", tenant="platform", user="root")
    response = admin.post("/api/admin/integrations", body)
    assert response.status == 201, response.raw_body


# ---- api key -------------------------------------------------------------------------------


def test_a_rejected_api_key_is_400_invalid_credentials_and_stores_nothing(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration("sandbox-apikey")
    response = sandbox_world.api.post(_path(integration_id, "connect/api-key"), {"apiKey": "sbx_wrong_key_0000"})
    assert response.status == 400 and response.error["code"] == "INVALID_CREDENTIALS"
    assert response.error["details"]["statusCode"] == 401
    assert "sbx_wrong_key_0000" not in response.raw_body
    assert _nothing_stored(integration_id)
    assert sandbox_world.provider.stats()["api_requests"] == 1  # the verification ran


def test_an_unreachable_provider_is_connection_failed_and_stores_nothing(sandbox_world: SandboxWorld) -> None:
    sandbox_world.provider.configure(api_status=503)
    integration_id = sandbox_world.create_integration("sandbox-apikey")
    response = sandbox_world.api.post(_path(integration_id, "connect/api-key"), {"apiKey": API_KEY})
    assert response.status == 502 and response.error["code"] == "CONNECTION_FAILED"
    assert _nothing_stored(integration_id)


@pytest.mark.parametrize(("body", "field"), [
    ({"apiKey": API_KEY, "credentials": {"token": "x"}}, None),
    ({"apiKey": ""}, "apiKey"),
    ({"apiKey": API_KEY, "extra": 1}, "extra"),
    ({"apiKey": "abc\ndef"}, None),
])
def test_api_key_fields_are_checked_against_the_template(sandbox_world: SandboxWorld, body: dict[str, Any],
                                                         field: str | None) -> None:
    integration_id = sandbox_world.create_integration("sandbox-apikey")
    response = sandbox_world.api.post(_path(integration_id, "connect/api-key"), body)
    assert response.status == 400 and response.error["code"] == "VALIDATION_ERROR", response.raw_body
    assert _nothing_stored(integration_id)
    assert sandbox_world.provider.stats()["api_requests"] == 0  # invalid input never reaches the provider


def test_the_wrong_connect_endpoint_names_the_right_one(sandbox_world: SandboxWorld) -> None:
    integration_id = sandbox_world.create_integration("sandbox-apikey")
    response = sandbox_world.api.post(_path(integration_id, "connect/basic"), {"username": "u", "password": "p"})
    assert response.status == 400 and response.error["code"] == "AUTH_TYPE_MISMATCH"
    assert response.error["details"]["endpoint"] == "connect/api-key"
    oauth_id = sandbox_world.create_integration("sandbox")
    response = sandbox_world.api.post(_path(oauth_id, "connect/api-key"), {"apiKey": API_KEY})
    assert response.status == 400 and response.error["details"]["endpoint"] == "connect/oauth"


# ---- basic and free-form custom (providers without a template) ----------------------------


def test_a_basic_provider_without_a_template_stores_unverified_credentials(sandbox_world: SandboxWorld) -> None:
    _provider(sandbox_world, {"provider": "legacy-crm", "name": "Legacy CRM", "displayName": "Legacy CRM",
                              "category": "crm", "authType": "basic"})
    integration_id = sandbox_world.create_integration("legacy-crm")
    missing = sandbox_world.api.post(_path(integration_id, "connect/basic"), {"username": "ops"})
    assert missing.status == 400
    response = sandbox_world.api.post(_path(integration_id, "connect/basic"),
                                      {"username": "ops", "password": "legacy-pass-123", "displayName": "Ops"})
    assert response.status == 200, response.raw_body
    assert response.body["verified"] is False and "no verification" in response.body["message"]
    record = ConnectionRepository().get_connection("acme", integration_id)
    assert record is not None and record["publicCredentials"] == {"username": "ops"}
    assert get_vault().read(secret_ref_of(record))["credentials"]["password"] == "legacy-pass-123"
    status = sandbox_world.api.get(_path(integration_id, "connection")).body
    assert status["credentials"] == {"username": "ops"} and "legacy-pass-123" not in str(status)
    test = sandbox_world.api.post(_path(integration_id, "connection/test")).body
    # nothing was checked: the test says so, never success (issue 14)
    assert test["success"] is False and test["outcome"] == "unverified" and test["error"] == "NOT_VERIFIABLE"


def test_a_custom_provider_without_a_template_takes_string_fields(sandbox_world: SandboxWorld) -> None:
    _provider(sandbox_world, {"provider": "in-house", "name": "In-house", "displayName": "In-house",
                              "category": "custom", "authType": "custom"})
    integration_id = sandbox_world.create_integration("in-house")
    assert sandbox_world.api.post(_path(integration_id, "connect/custom"), {"credentials": {}}).status == 400
    assert sandbox_world.api.post(_path(integration_id, "connect/custom"),
                                  {"credentials": {"token": 5}}).status == 400
    ok = sandbox_world.api.post(_path(integration_id, "connect/custom"),
                                {"credentials": {"token": "in-house-token-1", "tenantCode": "A1"}})
    assert ok.status == 200, ok.raw_body


# ---- AWS cross-account role (moto STS) ------------------------------------------------------


def test_aws_shows_the_generated_external_id_before_connecting(sandbox_world: SandboxWorld) -> None:
    _provider(sandbox_world, {"provider": "aws", "templateId": "aws"})
    integration_id = sandbox_world.create_integration("aws")
    first = sandbox_world.api.get(_path(integration_id, "connection")).body
    again = sandbox_world.api.get(_path(integration_id, "connection")).body
    external_id = first["setup"]["externalId"]
    assert external_id.startswith("ih-") and again["setup"]["externalId"] == external_id
    assert first["connectWith"] == "connect/custom"


def test_aws_role_is_assumed_with_the_external_id_and_verified(sandbox_world: SandboxWorld,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from hub.connections import aws_sts

    calls: list[dict[str, Any]] = []
    real_assume = aws_sts.assume_role

    def recording_assume(region: str, role_arn: str, external_id: str, session: str,
                         duration_seconds: int = 900) -> dict[str, str]:
        calls.append({"region": region, "roleArn": role_arn, "externalId": external_id, "session": session})
        return real_assume(region, role_arn, external_id, session, duration_seconds)

    monkeypatch.setattr(aws_sts, "assume_role", recording_assume)
    _provider(sandbox_world, {"provider": "aws", "templateId": "aws"})
    integration_id = sandbox_world.create_integration("aws")
    external_id = sandbox_world.api.get(_path(integration_id, "connection")).body["setup"]["externalId"]
    response = sandbox_world.api.post(_path(integration_id, "connect/custom"), {"credentials": {"roleArn": ROLE_ARN}})
    assert response.status == 200, response.raw_body
    assert calls == [{"region": "us-east-1", "roleArn": ROLE_ARN, "externalId": external_id,
                      "session": "integration-hub-acme"}]
    status = sandbox_world.api.get(_path(integration_id, "connection")).body
    assert status["credentials"] == {"roleArn": ROLE_ARN, "externalId": external_id}
    test = sandbox_world.api.post(_path(integration_id, "connection/test")).body
    assert test["success"] is True and test["details"]["account"] == "111122223333"


def test_a_json_credential_nested_past_the_parsers_stack_is_400_and_stores_nothing(
        sandbox_world: SandboxWorld) -> None:
    # Given a provider whose credential is a JSON document (a Google service account key)
    _provider(sandbox_world, {"provider": "google-cloud-service-account", "templateId": "google-cloud-service-account"})
    integration_id = sandbox_world.create_integration("google-cloud-service-account")
    # When the key sent is JSON within the length limit that nests past the parser's stack
    deep = "[" * 8000 + "]" * 8000
    response = sandbox_world.api.post(_path(integration_id, "connect/custom"),
                                      {"credentials": {"serviceAccountKey": deep}})
    # Then it is refused as a bad field, and nothing is stored
    assert response.status == 400 and response.error["code"] == "VALIDATION_ERROR", response.raw_body[:300]
    assert response.error["details"]["field"] == "credentials.serviceAccountKey"
    assert _nothing_stored(integration_id)


def test_aws_refuses_a_client_chosen_external_id_and_a_bad_role_arn(sandbox_world: SandboxWorld) -> None:
    _provider(sandbox_world, {"provider": "aws", "templateId": "aws"})
    integration_id = sandbox_world.create_integration("aws")
    chosen = sandbox_world.api.post(_path(integration_id, "connect/custom"),
                                    {"credentials": {"roleArn": ROLE_ARN, "externalId": "attacker-chosen"}})
    assert chosen.status == 400 and chosen.error["details"]["field"] == "credentials.externalId"
    bad_arn = sandbox_world.api.post(_path(integration_id, "connect/custom"),
                                     {"credentials": {"roleArn": "arn:aws:iam::1:user/x"}})
    assert bad_arn.status == 400 and bad_arn.error["details"]["field"] == "credentials.roleArn"
    assert _nothing_stored(integration_id)


def test_aws_access_denied_is_invalid_credentials_and_stores_nothing(sandbox_world: SandboxWorld,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from botocore.exceptions import ClientError

    from hub.connections import aws_sts

    def denied(*_args: Any, **_kwargs: Any) -> dict[str, str]:
        raise ClientError({"Error": {"Code": "AccessDenied", "Message": "not authorized"}}, "AssumeRole")

    monkeypatch.setattr(aws_sts, "assume_role", denied)
    _provider(sandbox_world, {"provider": "aws", "templateId": "aws"})
    integration_id = sandbox_world.create_integration("aws")
    response = sandbox_world.api.post(_path(integration_id, "connect/custom"), {"credentials": {"roleArn": ROLE_ARN}})
    assert response.status == 400 and response.error["code"] == "INVALID_CREDENTIALS"
    assert "AccessDenied" in response.error["message"]
    assert _nothing_stored(integration_id)


def test_aws_access_denied_by_the_hubs_own_policy_is_a_server_error_not_bad_credentials(
        sandbox_world: SandboxWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    from botocore.exceptions import ClientError

    from hub.connections import aws_sts

    # Given AWS refuses the hub's own sts:AssumeRole (its role lacks the permission)
    def denied(*_args: Any, **_kwargs: Any) -> dict[str, str]:
        raise ClientError({"Error": {"Code": "AccessDenied", "Message": (
            "User: arn:aws:sts::123456789012:assumed-role/hub-prod-fn/x is not authorized to perform: "
            "sts:AssumeRole on resource: " + ROLE_ARN + " because no identity-based policy allows the "
            "sts:AssumeRole action")}}, "AssumeRole")

    monkeypatch.setattr(aws_sts, "assume_role", denied)
    _provider(sandbox_world, {"provider": "aws", "templateId": "aws"})
    integration_id = sandbox_world.create_integration("aws")
    # When a tenant connects its role
    response = sandbox_world.api.post(_path(integration_id, "connect/custom"), {"credentials": {"roleArn": ROLE_ARN}})
    # Then it is the hub's fault: a 500 that blames nobody's credentials, and nothing is stored
    assert response.status == 500 and response.error["code"] == "INTERNAL_ERROR"
    assert "credentials" not in response.error["message"].lower()
    assert _nothing_stored(integration_id)


def test_aws_access_keys_are_verified_with_get_caller_identity(sandbox_world: SandboxWorld) -> None:
    _provider(sandbox_world, {"provider": "aws-access-keys", "templateId": "aws-access-keys"})
    integration_id = sandbox_world.create_integration("aws-access-keys")
    response = sandbox_world.api.post(_path(integration_id, "connect/custom"), {"credentials": {
        "accessKeyId": "AKIAIOSFODNN7EXAMPLE", "secretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}})
    assert response.status == 200, response.raw_body
    status = sandbox_world.api.get(_path(integration_id, "connection")).body
    assert status["credentials"] == {"accessKeyId": "AKIAIOSFODNN7EXAMPLE"}
    assert "wJalrXUtnFEMI" not in str(status)
