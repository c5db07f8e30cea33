"""The credential vault against moto: Secrets Manager secrets holding Encryption SDK messages
whose encryption context binds tenant, integration, connection and purpose."""

from __future__ import annotations

import base64
import json
import logging
import socket
import sys
from collections.abc import Iterator

import boto3
import pytest
from hub.errors import SecretExists, SecretNotFound, VaultError
from hub.settings import get_settings
from hub.vault import (
    CredentialVault,
    SecretRef,
    SecretsManagerVault,
    decrypt_field,
    encrypt_field,
    get_vault,
)

from local.resources import LocalResources

ACME_REF = SecretRef(tenant_id="acme", integration_id="int_1", connection_id="conn_1")
PAYLOAD = {
    "access_token": "at-acme-5f1e2d3c4b5a",
    "refresh_token": "rt-acme-9a8b7c6d5e4f",
    "expires_in": 3600,
}


def _secrets() -> object:
    return boto3.client("secretsmanager", region_name="us-east-1")


@pytest.fixture
def vault(aws_env: LocalResources) -> CredentialVault:
    return SecretsManagerVault()


def test_the_default_vault_is_the_secrets_manager_vault(aws_env: LocalResources) -> None:
    assert isinstance(get_vault(), SecretsManagerVault)
    assert isinstance(get_vault(), CredentialVault)
    assert get_vault() is get_vault()


def test_store_then_read_returns_the_payload(vault: CredentialVault) -> None:
    # When
    arn = vault.store(ACME_REF, PAYLOAD)
    # Then
    assert arn.startswith("arn:aws:secretsmanager:")
    assert vault.exists(ACME_REF)
    assert vault.read(ACME_REF) == PAYLOAD


def test_the_secret_is_named_by_tenant_and_connection(vault: CredentialVault) -> None:
    vault.store(ACME_REF, PAYLOAD)
    described = _secrets().describe_secret(SecretId=f"{get_settings().secret_prefix}/acme/conn_1")
    assert described["Name"] == "integration-hub/acme/conn_1"


def test_storing_twice_for_the_same_reference_is_a_conflict(vault: CredentialVault) -> None:
    vault.store(ACME_REF, PAYLOAD)
    with pytest.raises(SecretExists):
        vault.store(ACME_REF, {"access_token": "another-token-value"})
    assert vault.read(ACME_REF) == PAYLOAD


def test_replace_writes_a_new_version_that_read_returns(vault: CredentialVault) -> None:
    # Given
    vault.store(ACME_REF, PAYLOAD)
    name = ACME_REF.secret_name()
    first_version = _secrets().get_secret_value(SecretId=name)["VersionId"]
    rotated = {**PAYLOAD, "access_token": "at-acme-rotated-77aa88bb"}
    # When
    vault.replace(ACME_REF, rotated)
    # Then
    current = _secrets().get_secret_value(SecretId=name)
    assert current["VersionId"] != first_version
    versions = _secrets().list_secret_version_ids(SecretId=name)["Versions"]
    assert len(versions) == 2
    assert vault.read(ACME_REF) == rotated


def test_replace_of_a_missing_secret_is_not_found(vault: CredentialVault) -> None:
    with pytest.raises(SecretNotFound):
        vault.replace(ACME_REF, PAYLOAD)


def test_delete_removes_the_secret_at_once_and_is_idempotent(vault: CredentialVault) -> None:
    # Given
    vault.store(ACME_REF, PAYLOAD)
    # When
    vault.delete(ACME_REF)
    # Then
    assert not vault.exists(ACME_REF)
    with pytest.raises(SecretNotFound) as raised:
        vault.read(ACME_REF)
    assert raised.value.status_code == 404
    # deleting again is fine
    vault.delete(ACME_REF)
    # no recovery window: the name can be used again right away
    vault.store(ACME_REF, {"access_token": "at-acme-after-reconnect"})
    assert vault.read(ACME_REF) == {"access_token": "at-acme-after-reconnect"}


def test_reading_a_secret_that_was_never_stored_is_not_found(vault: CredentialVault) -> None:
    assert not vault.exists(ACME_REF)
    with pytest.raises(SecretNotFound):
        vault.read(ACME_REF)


def test_the_raw_secret_string_is_ciphertext_not_the_payload(vault: CredentialVault) -> None:
    # Given
    vault.store(ACME_REF, PAYLOAD)
    # When
    raw = _secrets().get_secret_value(SecretId=ACME_REF.secret_name())["SecretString"]
    # Then
    assert "at-acme-5f1e2d3c4b5a" not in raw
    assert "rt-acme-9a8b7c6d5e4f" not in raw
    decoded = base64.b64decode(raw)
    assert b"at-acme-5f1e2d3c4b5a" not in decoded
    assert decoded[:1] == b"\x02"  # Encryption SDK message format v2 (key commitment)
    with pytest.raises(ValueError):
        json.loads(raw)


def test_the_secret_is_tagged_with_the_tenant_and_uses_the_stack_key(
    vault: CredentialVault, aws_env: LocalResources
) -> None:
    vault.store(ACME_REF, PAYLOAD)
    described = _secrets().describe_secret(SecretId=ACME_REF.secret_name())
    tags = {tag["Key"]: tag["Value"] for tag in described["Tags"]}
    assert tags["tenantId"] == "acme"
    assert tags["integrationId"] == "int_1"
    assert tags["purpose"] == "connection"
    assert described["KmsKeyId"] == aws_env.kms_key_arn


def test_a_secret_copied_under_another_tenant_does_not_decrypt(vault: CredentialVault) -> None:
    # Given acme's ciphertext planted in a secret named for tenant globex
    vault.store(ACME_REF, PAYLOAD)
    raw = _secrets().get_secret_value(SecretId=ACME_REF.secret_name())["SecretString"]
    globex_ref = SecretRef(tenant_id="globex", integration_id="int_1", connection_id="conn_1")
    _secrets().create_secret(Name=globex_ref.secret_name(), SecretString=raw)
    # When globex reads it
    with pytest.raises(VaultError) as raised:
        vault.read(globex_ref)
    # Then it fails, and the error names no secret material
    assert raised.value.code == "VAULT_ERROR"
    assert raised.value.status_code == 500
    text = str(raised.value) + json.dumps(raised.value.to_body("r1"))
    for value in ("at-acme-5f1e2d3c4b5a", "rt-acme-9a8b7c6d5e4f", raw[:40]):
        assert value not in text


@pytest.mark.parametrize(
    "other",
    [
        SecretRef(tenant_id="acme", integration_id="int_2", connection_id="conn_1"),
        SecretRef(
            tenant_id="acme", integration_id="int_1", connection_id="conn_1", purpose="webhook-signing"
        ),
    ],
    ids=["other-integration", "other-purpose"],
)
def test_every_context_field_is_bound(vault: CredentialVault, other: SecretRef) -> None:
    # Given a secret stored for ACME_REF, and another ref with the same secret name
    vault.store(ACME_REF, PAYLOAD)
    assert other.secret_name() == ACME_REF.secret_name()
    # Then reading through the other ref fails to decrypt
    with pytest.raises(VaultError):
        vault.read(other)


def test_a_tampered_secret_string_does_not_decrypt(vault: CredentialVault) -> None:
    vault.store(ACME_REF, PAYLOAD)
    raw = _secrets().get_secret_value(SecretId=ACME_REF.secret_name())["SecretString"]
    message = bytearray(base64.b64decode(raw))
    message[-40] ^= 0x01
    _secrets().put_secret_value(
        SecretId=ACME_REF.secret_name(), SecretString=base64.b64encode(message).decode()
    )
    with pytest.raises(VaultError):
        vault.read(ACME_REF)
    _secrets().put_secret_value(SecretId=ACME_REF.secret_name(), SecretString="not base64 at all!")
    with pytest.raises(VaultError):
        vault.read(ACME_REF)


def test_a_decrypted_value_is_masked_when_logged(
    vault: CredentialVault, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given a value the log redaction patterns would not recognise on their own
    from hub.observability import logger

    secret_value = "opaque-7Hq2Zx9Lw4Rt"
    vault.store(ACME_REF, {"api_key": secret_value})
    # When the vault decrypts it and someone logs it carelessly
    value = vault.read(ACME_REF)["api_key"]
    # (Powertools' handler holds the stdout of import time; point it at capsys' stdout.)
    handler = logger.registered_handler
    assert isinstance(handler, logging.StreamHandler)
    previous = handler.setStream(sys.stdout)
    try:
        logger.info(f"calling the provider with {value}", extra={"note": f"value={value}"})
    finally:
        if previous is not None:
            handler.setStream(previous)
    # Then the captured output has the mask, not the value
    out = capsys.readouterr().out
    assert "calling the provider with ***" in out
    assert secret_value not in out


def test_provider_client_secrets_live_under_the_system_tenant(vault: CredentialVault) -> None:
    ref = SecretRef.for_provider_client("github")
    vault.store(ref, {"client_secret": "gh-client-secret-0011"})
    assert ref.secret_name() == "integration-hub/_system/github"
    assert vault.read(ref) == {"client_secret": "gh-client-secret-0011"}


@pytest.mark.parametrize(
    "fields",
    [
        ("acme/evil", "int_1", "conn_1", "connection"),
        ("acme", "int_1", "conn/1", "connection"),
        ("", "int_1", "conn_1", "connection"),
        ("_system", "int_1", "conn_1", "connection"),
        ("acme", "github", "github", "provider-client"),
    ],
)
def test_references_that_could_collide_are_refused(fields: tuple[str, str, str, str]) -> None:
    with pytest.raises(VaultError):
        SecretRef(*fields)


def test_encrypt_field_round_trips_under_the_same_context(aws_env: LocalResources) -> None:
    context = {"tenantId": "acme", "webhookId": "wh_1", "purpose": "webhook-signing"}
    ciphertext = encrypt_field("whsec_c2lnbmluZy1zZWNyZXQ=", context)
    assert "whsec_" not in ciphertext
    assert decrypt_field(ciphertext, dict(context)) == "whsec_c2lnbmluZy1zZWNyZXQ="
    with pytest.raises(VaultError):
        decrypt_field(ciphertext, {**context, "tenantId": "globex"})
    with pytest.raises(VaultError):
        encrypt_field("x", {"aws-crypto-public-key": "forged"})


def test_without_a_kms_key_the_vault_refuses_to_work(
    aws_env: LocalResources, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hub.settings import reset_settings

    monkeypatch.delenv("HUB_KMS_KEY_ID")
    reset_settings()
    with pytest.raises(VaultError):
        SecretsManagerVault().store(ACME_REF, PAYLOAD)


# --- against a moto server over loopback (the local stack's setup) -----------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def moto_server_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    from hub import aws
    from hub.settings import reset_settings
    from hub.vault import reset_crypto
    from moto.server import ThreadedMotoServer

    from local.resources import create_resources

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    port = _free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    endpoint = f"http://127.0.0.1:{port}"
    try:
        resources = create_resources(endpoint_url=endpoint)
        for name, value in resources.environment().items():
            monkeypatch.setenv(name, value)
        monkeypatch.setenv("HUB_AWS_ENDPOINT_URL", endpoint)
        reset_settings()
        aws.reset_clients()
        reset_crypto()
        yield endpoint
    finally:
        server.stop()
        monkeypatch.undo()
        reset_settings()
        aws.reset_clients()
        reset_crypto()


def test_the_vault_talks_to_kms_and_secrets_manager_at_the_configured_endpoint(moto_server_env: str) -> None:
    # Given the hub pointed at a moto server on loopback (no in-process mock)
    vault = SecretsManagerVault()
    # When
    vault.store(ACME_REF, PAYLOAD)
    # Then the secret went to that server, and reads back through its KMS
    server_secrets = boto3.client("secretsmanager", region_name="us-east-1", endpoint_url=moto_server_env)
    assert server_secrets.describe_secret(SecretId=ACME_REF.secret_name())["Name"] == ACME_REF.secret_name()
    assert vault.read(ACME_REF) == PAYLOAD


def test_a_payload_that_is_not_a_json_object_is_refused_without_echoing_it(vault: CredentialVault) -> None:
    for payload in ({"token": {"not-json-serializable-value-123"}}, ["not", "an", "object"]):
        with pytest.raises(VaultError) as raised:
            vault.store(ACME_REF, payload)  # type: ignore[arg-type]
        assert "not-json-serializable-value-123" not in str(raised.value)
    assert not vault.exists(ACME_REF)


def test_the_vault_can_be_swapped_for_another_store(aws_env: LocalResources) -> None:
    from hub.vault import set_vault

    class InMemoryVault(SecretsManagerVault):
        pass

    replacement = InMemoryVault()
    set_vault(replacement)
    try:
        assert get_vault() is replacement
    finally:
        set_vault(None)
    assert type(get_vault()) is SecretsManagerVault
