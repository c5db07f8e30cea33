"""The tenant-scoped vault (`HUB_VAULT_SCOPE=tenant`, hub/vault/clients.py): every AWS call on a
tenant's credential is made with a session of the vault role tagged with one tenant, assumed once
per tenant per container and renewed shortly before it expires; everything else keeps the
function's own credentials.

moto never enforces IAM: these tests show which credentials each call carries. That AWS refuses a
session of tenant A on tenant B's secret, item or key context is shown by the IAM audit's
evaluation of the synthesized policies (tests/infra/test_vault_roles.py), and the calls made here
are checked against those policies by the audit (tests/infra/test_iam_audit.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from botocore.client import BaseClient

from hub import clock
from hub.connections.repository import ConnectionRepository, secret_ref_of
from hub.principal import Principal
from hub.repository import Repository
from hub.request import RequestState, set_request
from hub.settings import reset_settings
from hub.table import tenant_pk
from hub.vault import PURPOSE_WEBHOOK_SIGNING, SecretRef, encrypt_field, get_vault, reset_crypto, standalone_vault
from hub.vault.clients import MAX_SESSIONS
from local.resources import LocalResources
from tests.support.connections import API_KEY, SandboxWorld, sandbox_server, sandbox_world

__all__ = ["sandbox_server", "sandbox_world"]

pytestmark = pytest.mark.usefixtures("vault_backend")

VAULT_ROLE = "arn:aws:iam::123456789012:role/hub-test-vault-read-write"
PAYLOAD = {"accessToken": "at-acme-5f1e2d3c4b5a", "refreshToken": "rt-acme-9a8b7c6d5e4f"}
VAULT_SERVICES = ("secretsmanager", "kms")


@dataclass(frozen=True)
class Call:
    operation: str  # "service.Operation"
    tenant: str | None  # the session tag of the credentials that signed it; None: the function's own

    @property
    def service(self) -> str:
        return self.operation.split(".", 1)[0]


@pytest.fixture
def calls(monkeypatch: pytest.MonkeyPatch) -> list[Call]:
    """Every AWS call from now on, with whose credentials it was signed."""
    made: list[Call] = []
    original = BaseClient._make_api_call

    def recording(client: BaseClient, operation: str, params: Any) -> Any:
        credentials = client._request_signer._credentials  # type: ignore[attr-defined]
        role = getattr(credentials, "assumed_role", None)
        tenant = role[1]["tenantId"] if role else None
        made.append(Call(f"{client.meta.service_model.service_name}.{operation}", tenant))
        return original(client, operation, params)

    monkeypatch.setattr(BaseClient, "_make_api_call", recording)
    return made


@pytest.fixture
def tenant_scope(vault_backend: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """Given a deployment whose vault reaches a tenant's credentials only through that tenant's session."""
    monkeypatch.setenv("HUB_VAULT_SCOPE", "tenant")
    monkeypatch.setenv("HUB_VAULT_ROLE_ARN", VAULT_ROLE)
    reset_settings()
    reset_crypto()
    yield vault_backend
    reset_crypto()


def _ref(tenant: str, connection: str = "conn_1") -> SecretRef:
    key = (tenant_pk(tenant), "CONNECTION#int_1#TENANT")
    Repository().put({"pk": key[0], "sk": key[1], "entity": "connection", "tenantId": tenant,
                      "integrationId": "int_1", "connectionId": connection, "secretStored": True})
    return SecretRef(tenant, "int_1", connection, record_key=key)


def _assumed(calls: list[Call]) -> int:
    return sum(call.operation == "sts.AssumeRole" for call in calls)


def test_a_tenants_credential_goes_only_through_that_tenants_session(tenant_scope: str, calls: list[Call]) -> None:
    ref = _ref("acme")
    calls.clear()
    # When acme's credential is stored, read, replaced and deleted
    vault = get_vault()
    vault.store(ref, PAYLOAD)
    assert vault.read(ref) == PAYLOAD
    vault.replace(ref, {**PAYLOAD, "accessToken": "at-acme-rotated-0001"})
    vault.delete(ref)
    # Then the role was assumed once, and every vault call carried acme's session
    assert _assumed(calls) == 1
    vault_calls = [c for c in calls if c.service in VAULT_SERVICES or c.service == "dynamodb"]
    assert vault_calls and {c.tenant for c in vault_calls} == {"acme"}, vault_calls


def test_warm_calls_reuse_the_session_and_each_tenant_has_its_own(tenant_scope: str, calls: list[Call]) -> None:
    acme, globex = _ref("acme"), _ref("globex")
    vault = get_vault()
    vault.store(acme, PAYLOAD)
    vault.store(globex, PAYLOAD)
    calls.clear()
    # When both are read twice
    for _ in range(2):
        vault.read(acme)
        vault.read(globex)
    # Then no session was assumed again, and each read carried its own tenant's session
    assert _assumed(calls) == 0
    assert {c.tenant for c in calls if c.service in VAULT_SERVICES} == {"acme", "globex"}


def test_a_session_is_renewed_shortly_before_it_expires(tenant_scope: str, calls: list[Call]) -> None:
    ref = _ref("acme")
    vault = get_vault()
    vault.store(ref, PAYLOAD)  # the session (one hour) starts here
    calls.clear()
    # When 44 minutes have passed, Then the session is still used
    clock.advance(44 * 60)
    vault.read(ref)
    assert _assumed(calls) == 0
    # When 46 minutes have passed (within 15 minutes of expiry), Then it is assumed again, once
    clock.advance(2 * 60)
    vault.read(ref)
    vault.read(ref)
    assert _assumed(calls) == 1


def test_the_verified_callers_tenant_is_the_sessions_tenant(tenant_scope: str, calls: list[Call]) -> None:
    globex = _ref("globex")
    get_vault().store(globex, PAYLOAD)
    calls.clear()
    # Given a request of an acme user; When a bug hands the vault globex's reference
    set_request(RequestState(request_id="r1", route_key="GET /x", principal=Principal("alice", "acme")))
    try:
        assert get_vault().read(globex) == PAYLOAD  # moto does not enforce IAM
    finally:
        set_request(None)
    # Then the calls carried acme's session, which the vault role's policy confines to acme
    # (AWS answers AccessDenied)
    assert {c.tenant for c in calls if c.service in VAULT_SERVICES} == {"acme"}


def test_platform_secrets_and_other_sealed_values_keep_the_functions_own_credentials(
        tenant_scope: str, calls: list[Call]) -> None:
    # When a provider client secret is stored and read, and a webhook signing secret sealed
    platform = SecretRef.for_provider_client("sandbox")
    standalone_vault().store(platform, {"clientSecret": "platform-secret-0001"})
    standalone_vault().read(platform)
    encrypt_field("whsec-0001", {"tenantId": "acme", "webhookId": "wh_1", "purpose": PURPOSE_WEBHOOK_SIGNING})
    # Then no session was assumed: these are the hub's, not a tenant's
    assert _assumed(calls) == 0 and {c.tenant for c in calls} == {None}


def test_the_function_scope_uses_the_functions_own_credentials(aws_env: LocalResources, vault_backend: str,
                                                               calls: list[Call]) -> None:
    ref = _ref("acme")
    get_vault().store(ref, PAYLOAD)
    assert get_vault().read(ref) == PAYLOAD
    assert _assumed(calls) == 0 and {c.tenant for c in calls} == {None}


def test_a_container_keeps_a_bounded_number_of_sessions(tenant_scope: str, calls: list[Call]) -> None:
    from hub.vault import clients

    for index in range(MAX_SESSIONS + 3):
        clients.tenant_session(f"t{index}", "connection")
    assert len(clients._sessions) == MAX_SESSIONS
    assert _assumed(calls) == 0  # a session is assumed on its first AWS call, not when made


# ---- through the handlers ------------------------------------------------------------------------


def test_connect_use_refresh_and_disconnect_work_in_the_tenant_scope(tenant_scope: str, sandbox_world: SandboxWorld,
                                                                     calls: list[Call]) -> None:
    world = sandbox_world
    # Given an OAuth connection and an API-key connection of acme, made in the tenant scope
    oauth_id = world.create_integration()
    world.connect(oauth_id)
    key_id = world.create_integration("sandbox-apikey")
    connected = world.api.post(f"/api/tenant/integrations/{key_id}/connect/api-key", {"apiKey": API_KEY})
    assert connected.status in (200, 201), connected.raw_body
    # When the connection is tested, refreshed on demand and disconnected
    assert world.api.post(f"/api/tenant/integrations/{oauth_id}/connection/test", {}).status == 200
    assert world.api.post(f"/api/tenant/integrations/{oauth_id}/connection/refresh", {}).status == 200
    assert world.api.post(f"/api/tenant/integrations/{key_id}/disconnect", {}).status == 200
    # Then the OAuth connection holds rotated tokens read back through acme's session
    record = ConnectionRepository().get_connection("acme", oauth_id, raw=True)
    assert record is not None and get_vault().read(secret_ref_of(record))["refreshToken"]
    # And every call on a credential carried acme's session; the platform's client secret did not
    assert {c.tenant for c in calls if c.service in VAULT_SERVICES} == {"acme", None}


def test_an_access_denied_answer_is_counted_and_the_read_still_fails(tenant_scope: str, capsys) -> None:
    from botocore.stub import Stubber

    from hub import aws
    from hub.errors import VaultError
    from hub.observability import metrics
    from hub.vault import clients, vault_named
    from tests.support.jobs import emitted_metrics

    metrics.clear_metrics()
    acme, globex = _ref("acme"), _ref("globex")
    # Given AWS refuses a session's call (the isolation caught a wrong reference), When the vault reads
    with Stubber(clients.tenant_session("acme", "connection").client("secretsmanager")) as refused:
        refused.add_client_error("get_secret_value", "AccessDeniedException", http_status_code=400)
        with pytest.raises(VaultError):
            vault_named("secretsmanager").read(acme)
    # and refuses to start a session (a trust or deployment fault)
    with Stubber(aws.client("sts")) as refused:
        refused.add_client_error("assume_role", "AccessDenied", http_status_code=403)
        with pytest.raises(VaultError):
            vault_named("secretsmanager").read(globex)
    # Then both fail as they would anyway, and each is counted for the alarm
    metrics.flush_metrics()
    assert emitted_metrics(capsys.readouterr().out)["HubAccessDenied"] == 2
