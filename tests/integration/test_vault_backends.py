"""Both vault backends keep the same promises: a credential is stored once, read back only under
its own encryption context, replaced, deleted for good; provider client secrets work in both;
the `table` backend keeps a connection's credential in the connection's own item."""

from __future__ import annotations

import base64
import threading
from typing import Any

import boto3
import pytest

from hub.errors import SecretExists, SecretNotFound, VaultError
from hub.repository import Repository
from hub.settings import reset_settings
from hub.table import tenant_pk
from hub.vault import (
    BACKEND_FIELD,
    MESSAGE_FIELD,
    TABLE,
    CredentialVault,
    SecretRef,
    TableVault,
    get_vault,
    read_credentials,
    standalone_vault,
    vault_named,
)
from local.resources import LocalResources

PAYLOAD = {"accessToken": "at-acme-5f1e2d3c4b5a", "refreshToken": "rt-acme-9a8b7c6d5e4f"}
ACME_KEY = (tenant_pk("acme"), "CONNECTION#int_1#TENANT")


def _connection_item(tenant: str, integration: str, connection: str) -> tuple[str, str]:
    key = (tenant_pk(tenant), f"CONNECTION#{integration}#TENANT")
    Repository().put({"pk": key[0], "sk": key[1], "entity": "connection", "tenantId": tenant,
                      "integrationId": integration, "connectionId": connection, "secretStored": True})
    return key


@pytest.fixture
def acme_ref(aws_env: LocalResources) -> SecretRef:
    """Given acme's connection record (the `table` backend writes into it)."""
    return SecretRef("acme", "int_1", "conn_1", record_key=_connection_item("acme", "int_1", "conn_1"))


@pytest.fixture
def vault(vault_backend: str) -> CredentialVault:
    return get_vault()


def test_the_configured_backend_is_the_deployments_vault(vault_backend: str) -> None:
    assert get_vault().name == vault_backend
    assert get_vault() is vault_named(vault_backend)


def test_an_unknown_backend_is_refused(aws_env: LocalResources, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HUB_VAULT_BACKEND", "floppy")
    reset_settings()
    with pytest.raises(Exception) as raised:
        get_vault()
    assert "HUB_VAULT_BACKEND" in str(raised.value) and "table" in str(raised.value)


def test_store_read_replace_delete(vault: CredentialVault, acme_ref: SecretRef) -> None:
    # When
    vault.store(acme_ref, PAYLOAD)
    # Then
    assert vault.exists(acme_ref) and vault.read(acme_ref) == PAYLOAD
    with pytest.raises(SecretExists):
        vault.store(acme_ref, {"accessToken": "another"})
    rotated = {**PAYLOAD, "accessToken": "at-acme-rotated-77aa88bb"}
    vault.replace(acme_ref, rotated)
    assert vault.read(acme_ref) == rotated
    vault.delete(acme_ref)
    assert not vault.exists(acme_ref)
    with pytest.raises(SecretNotFound):
        vault.read(acme_ref)
    with pytest.raises(SecretNotFound):
        vault.replace(acme_ref, PAYLOAD)
    vault.delete(acme_ref)  # idempotent
    vault.store(acme_ref, PAYLOAD)  # and usable again at once
    assert vault.read(acme_ref) == PAYLOAD


def test_a_message_read_through_another_context_does_not_decrypt(vault: CredentialVault,
                                                                  acme_ref: SecretRef) -> None:
    # Given acme's message copied under globex's reference
    vault.store(acme_ref, PAYLOAD)
    message = vault.read_message(acme_ref)
    globex = SecretRef("globex", "int_1", "conn_1", record_key=_connection_item("globex", "int_1", "conn_1"))
    vault.store_message(globex, message)
    # When / Then
    with pytest.raises(VaultError) as raised:
        vault.read(globex)
    assert "at-acme" not in str(raised.value)


def test_provider_client_secrets_work_in_both_backends(vault: CredentialVault) -> None:
    ref = SecretRef.for_provider_client("github")
    vault.store(ref, {"clientSecret": "gh-client-secret-0011"})
    assert vault.read(ref) == {"clientSecret": "gh-client-secret-0011"}
    vault.replace(ref, {"clientSecret": "gh-client-secret-0022"})
    assert standalone_vault().read(ref) == {"clientSecret": "gh-client-secret-0022"}
    vault.delete(ref)
    assert not vault.exists(ref)


def test_a_provider_secret_stays_readable_when_the_deployment_switches_backend(
        aws_env: LocalResources, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given a client secret in Secrets Manager
    ref = SecretRef.for_provider_client("github")
    vault_named("secretsmanager").store(ref, {"clientSecret": "gh-client-secret-0011"})
    # When the deployment now uses the table
    monkeypatch.setenv("HUB_VAULT_BACKEND", TABLE)
    reset_settings()
    # Then it is still read, and a replacement lands where it is
    assert standalone_vault().read(ref) == {"clientSecret": "gh-client-secret-0011"}
    standalone_vault().replace(ref, {"clientSecret": "gh-client-secret-0022"})
    assert vault_named("secretsmanager").read(ref) == {"clientSecret": "gh-client-secret-0022"}


# --- the `table` backend ----------------------------------------------------------------------


def test_the_table_backend_keeps_the_message_in_the_connection_item(acme_ref: SecretRef) -> None:
    # When
    TableVault().store(acme_ref, PAYLOAD)
    # Then the connection's own item holds ciphertext and names its backend
    item = Repository().get(*ACME_KEY)
    assert item is not None and item[BACKEND_FIELD] == TABLE
    message = item[MESSAGE_FIELD]
    assert "at-acme" not in message and b"at-acme" not in base64.b64decode(message)
    assert base64.b64decode(message)[:1] == b"\x02"  # Encryption SDK message format v2
    # and the record in hand is enough to read it (no call)
    assert read_credentials(acme_ref, item) == PAYLOAD


def test_the_table_backend_writes_only_into_the_same_connection(acme_ref: SecretRef) -> None:
    # Given the item now belongs to another connection id (a reconnect made a new one)
    stale = SecretRef("acme", "int_1", "conn_old", record_key=ACME_KEY)
    # When / Then: nothing is written through the stale reference
    with pytest.raises(SecretNotFound):
        TableVault().store(stale, PAYLOAD)
    with pytest.raises(SecretNotFound):
        TableVault().read(stale)
    assert MESSAGE_FIELD not in (Repository().get(*ACME_KEY) or {})


def test_a_connection_reference_without_its_record_is_refused(aws_env: LocalResources) -> None:
    with pytest.raises(VaultError):
        TableVault().store(SecretRef("acme", "int_1", "conn_1"), PAYLOAD)


# --- moto's Secrets Manager made atomic (local/moto_atomic.py) --------------------------------


def test_secrets_created_from_eight_threads_at_once_all_exist(aws_env: LocalResources) -> None:
    # Given 8 threads creating secrets at the same time (moto's backend iterates its dict)
    client = boto3.client("secretsmanager", region_name="us-east-1")
    errors: list[Any] = []

    def create(worker: int) -> None:
        for n in range(40):
            try:
                client.create_secret(Name=f"bench/{worker}/{n}", SecretString="x")
            except Exception as error:
                errors.append(error)

    threads = [threading.Thread(target=create, args=(w,)) for w in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    # Then none failed and every secret is there
    assert errors == []
    names = [s["Name"] for page in client.get_paginator("list_secrets").paginate() for s in page["SecretList"]]
    assert len([n for n in names if n.startswith("bench/")]) == 320
