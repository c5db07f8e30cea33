"""The credential vault (docs/architecture.md, Credential vault).

One Secrets Manager secret per connection, named `{secret_prefix}/{tenantId}/{connectionId}`,
encrypted at rest with the stack's KMS key and tagged with the tenant. The secret *value* is
itself an AWS Encryption SDK message whose encryption context binds tenantId, integrationId,
connectionId and purpose, so a secret loaded through the wrong reference (another tenant, another
connection) fails to decrypt even if an IAM or naming mistake lets the bytes through.

Provider client secrets (super admin) live here too, under the reserved tenant `_system` with the
provider id as both integration id and connection id: `{secret_prefix}/_system/{providerId}`
(use `SecretRef.for_provider_client`). Webhook signing secrets are not secrets in Secrets Manager
but Encryption-SDK-encrypted table attributes: see `encrypt_field` / `decrypt_field`.

`aws_encryption_sdk` is imported lazily: only functions that touch credentials pay its import
cost, and we use the master-key-provider API rather than the `[MPL]` keyring extra, which adds
~0.5 s to every cold start. That API does not check the encryption context on decrypt, so
`_decrypt` compares the message header's context with the expected one itself.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from hub import aws
from hub.errors import SecretExists, SecretNotFound, VaultError
from hub.redaction import register_secret
from hub.settings import get_settings

if TYPE_CHECKING:  # pragma: no cover - typing only
    from aws_encryption_sdk import EncryptionSDKClient, StrictAwsKmsMasterKeyProvider

SYSTEM_TENANT = "_system"
"""Reserved tenant id for secrets that belong to the hub rather than to a tenant."""

PURPOSE_CONNECTION = "connection"
PURPOSE_PROVIDER_CLIENT = "provider-client"
PURPOSE_WEBHOOK_SIGNING = "webhook-signing"

# Keys the Encryption SDK itself adds to the encryption context (e.g. `aws-crypto-public-key`
# for signed algorithm suites). They are not ours to compare.
_SDK_RESERVED_PREFIX = "aws-crypto-"

# Secrets Manager name characters minus "/", so that one id can never spill into the next
# path segment and make two references share a name.
_ID_PATTERN = re.compile(r"^[A-Za-z0-9._+=@-]{1,128}$")


@dataclass(frozen=True)
class SecretRef:
    """Which credential, for whom, for what. The four fields form the encryption context."""

    tenant_id: str
    integration_id: str
    connection_id: str
    purpose: str = PURPOSE_CONNECTION

    def __post_init__(self) -> None:
        for value in (self.tenant_id, self.integration_id, self.connection_id, self.purpose):
            if not isinstance(value, str) or not _ID_PATTERN.match(value):
                raise VaultError("The secret reference is not valid")
        # The reserved tenant holds only provider client secrets, and provider client secrets live
        # only there, so a tenant can never address (or collide with) a hub-owned secret.
        if (self.tenant_id == SYSTEM_TENANT) != (self.purpose == PURPOSE_PROVIDER_CLIENT):
            raise VaultError("The secret reference is not valid")

    @classmethod
    def for_provider_client(cls, provider_id: str) -> SecretRef:
        """A provider's OAuth client secret (set by a super admin): `{prefix}/_system/{providerId}`."""
        return cls(SYSTEM_TENANT, provider_id, provider_id, PURPOSE_PROVIDER_CLIENT)

    def secret_name(self, prefix: str | None = None) -> str:
        prefix = prefix if prefix is not None else get_settings().secret_prefix
        return f"{prefix}/{self.tenant_id}/{self.connection_id}"

    def encryption_context(self) -> dict[str, str]:
        return {
            "tenantId": self.tenant_id,
            "integrationId": self.integration_id,
            "connectionId": self.connection_id,
            "purpose": self.purpose,
        }


@runtime_checkable
class CredentialVault(Protocol):
    """Where connection credentials live. Secrets Manager is the default; a cheaper store (e.g.
    Encryption-SDK ciphertext in the table) can implement the same five calls."""

    def store(self, ref: SecretRef, payload: dict[str, Any]) -> str:
        """Create the secret; return its id (an ARN for Secrets Manager). SecretExists if present."""
        ...

    def read(self, ref: SecretRef) -> dict[str, Any]:
        """Return the decrypted payload. SecretNotFound if absent; VaultError if it does not
        decrypt under `ref`'s encryption context."""
        ...

    def replace(self, ref: SecretRef, payload: dict[str, Any]) -> None:
        """Write a new version of an existing secret. SecretNotFound if absent."""
        ...

    def delete(self, ref: SecretRef) -> None:
        """Remove the secret at once and for good; succeeds if it is already gone."""
        ...

    def exists(self, ref: SecretRef) -> bool: ...


class SecretsManagerVault:
    """The default vault: Secrets Manager secrets holding Encryption SDK messages.

    Settings are read on every call (they are cached by hub.settings), so one instance stays
    valid across warm invocations and across tests that swap the environment.
    """

    def store(self, ref: SecretRef, payload: dict[str, Any]) -> str:
        settings = get_settings()
        secret_string = _encrypt_json(payload, ref.encryption_context())
        kwargs: dict[str, Any] = {
            "Name": ref.secret_name(settings.secret_prefix),
            "SecretString": secret_string,
            "Description": f"Integration Hub {ref.purpose} credentials",
            "Tags": [
                {"Key": "tenantId", "Value": ref.tenant_id},
                {"Key": "integrationId", "Value": ref.integration_id},
                {"Key": "connectionId", "Value": ref.connection_id},
                {"Key": "purpose", "Value": ref.purpose},
            ],
        }
        if settings.kms_key_id:
            kwargs["KmsKeyId"] = settings.kms_key_id
        try:
            response = _secrets().create_secret(**kwargs)
        except Exception as exc:
            if _error_code(exc) == "ResourceExistsException":
                raise SecretExists() from None
            raise VaultError() from exc
        return str(response["ARN"])

    def read(self, ref: SecretRef) -> dict[str, Any]:
        try:
            response = _secrets().get_secret_value(SecretId=ref.secret_name())
        except Exception as exc:
            if _is_gone(exc):
                raise SecretNotFound() from None
            raise VaultError() from exc
        secret_string = response.get("SecretString")
        if not isinstance(secret_string, str):
            raise VaultError()
        payload = _decrypt_json(secret_string, ref.encryption_context())
        _register_strings(payload)
        return payload

    def replace(self, ref: SecretRef, payload: dict[str, Any]) -> None:
        secret_string = _encrypt_json(payload, ref.encryption_context())
        try:
            # A new version (AWSCURRENT moves to it); the previous one stays as AWSPREVIOUS
            # until the next write, which lets an in-flight reader finish with the old token.
            _secrets().put_secret_value(SecretId=ref.secret_name(), SecretString=secret_string)
        except Exception as exc:
            if _is_gone(exc):
                raise SecretNotFound() from None
            raise VaultError() from exc

    def delete(self, ref: SecretRef) -> None:
        try:
            # ForceDeleteWithoutRecovery: a disconnected or revoked credential must not linger in
            # a 7-30 day recovery window where it could be restored and used again; the secret
            # (and every version of it) is gone immediately.
            _secrets().delete_secret(SecretId=ref.secret_name(), ForceDeleteWithoutRecovery=True)
        except Exception as exc:
            if _error_code(exc) == "ResourceNotFoundException":
                return  # already gone: deleting is idempotent
            raise VaultError() from exc

    def exists(self, ref: SecretRef) -> bool:
        try:
            described = _secrets().describe_secret(SecretId=ref.secret_name())
        except Exception as exc:
            if _error_code(exc) == "ResourceNotFoundException":
                return False
            raise VaultError() from exc
        return "DeletedDate" not in described


_vault_lock = threading.Lock()
_vault: CredentialVault | None = None


def get_vault() -> CredentialVault:
    """The process-wide vault (created once, reused by warm invocations)."""
    global _vault
    if _vault is None:
        with _vault_lock:
            if _vault is None:
                _vault = SecretsManagerVault()
    return _vault


def set_vault(vault: CredentialVault | None) -> None:
    """Swap the vault (tests, or a future alternative store); None restores the default."""
    global _vault
    with _vault_lock:
        _vault = vault


# --- field encryption (values kept encrypted in the table) -------------------------------------


def encrypt_field(plaintext: str, context: dict[str, str]) -> str:
    """Encrypt one value for storage in the table (e.g. a webhook signing secret).

    `context` is the encryption context (e.g. {"tenantId": ..., "webhookId": ..., "purpose":
    "webhook-signing"}); the same context must be given to `decrypt_field`.
    """
    return _encrypt_bytes(plaintext.encode("utf-8"), _checked_context(context))


def decrypt_field(ciphertext: str, context: dict[str, str]) -> str:
    """Decrypt a value made by `encrypt_field`; VaultError if the context does not match."""
    plaintext = _decrypt_bytes(ciphertext, _checked_context(context)).decode("utf-8")
    register_secret(plaintext)
    return plaintext


# --- Encryption SDK plumbing ---------------------------------------------------------------------


def _checked_context(context: dict[str, str]) -> dict[str, str]:
    if not context or not all(isinstance(k, str) and isinstance(v, str) for k, v in context.items()):
        raise VaultError("The encryption context is not valid")
    if any(key.startswith(_SDK_RESERVED_PREFIX) for key in context):
        raise VaultError("The encryption context is not valid")
    return dict(context)


def _encrypt_json(payload: dict[str, Any], context: dict[str, str]) -> str:
    if not isinstance(payload, dict):
        raise VaultError("The credential payload must be an object")
    try:
        raw = json.dumps(payload, separators=(",", ":"), sort_keys=True).encode("utf-8")
    except (TypeError, ValueError):
        raise VaultError("The credential payload is not serializable") from None
    return _encrypt_bytes(raw, context)


def _decrypt_json(secret_string: str, context: dict[str, str]) -> dict[str, Any]:
    raw = _decrypt_bytes(secret_string, context)
    try:
        payload = json.loads(raw)
    except ValueError:
        raise VaultError() from None
    if not isinstance(payload, dict):
        raise VaultError()
    return payload


def _encrypt_bytes(plaintext: bytes, context: dict[str, str]) -> str:
    client, provider = _crypto()
    try:
        ciphertext, _header = client.encrypt(
            source=plaintext, key_provider=provider, encryption_context=context
        )
    except Exception as exc:
        raise VaultError() from exc
    return base64.b64encode(ciphertext).decode("ascii")


def _decrypt_bytes(encoded: str, expected_context: dict[str, str]) -> bytes:
    try:
        message = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise VaultError() from None
    client, provider = _crypto()
    try:
        plaintext, header = client.decrypt(source=message, key_provider=provider)
    except Exception as exc:
        raise VaultError() from exc
    actual = {
        key: value
        for key, value in header.encryption_context.items()
        if not key.startswith(_SDK_RESERVED_PREFIX)
    }
    if actual != expected_context:
        # The bytes decrypted, but they were sealed for another tenant/connection/purpose: refuse
        # them. The message says nothing about either context or the plaintext.
        raise VaultError("The stored credentials do not belong to this reference")
    return bytes(plaintext)


def _crypto() -> tuple[EncryptionSDKClient, StrictAwsKmsMasterKeyProvider]:
    settings = get_settings()
    if not settings.kms_key_id:
        raise VaultError("The credential vault has no KMS key configured")
    # kms_key_id must be the key ARN: the strict provider matches the ARN recorded in the message
    # on decrypt, so an alias would encrypt fine and then never decrypt.
    return _crypto_for(settings.kms_key_id, settings.region, settings.aws_endpoint_url)


@lru_cache(maxsize=4)
def _crypto_for(
    key_id: str, region: str, endpoint_url: str
) -> tuple[EncryptionSDKClient, StrictAwsKmsMasterKeyProvider]:
    """One SDK client and master key provider per (key, region, endpoint), reused while warm."""
    import aws_encryption_sdk
    import botocore.session
    from aws_encryption_sdk.identifiers import CommitmentPolicy

    session = botocore.session.Session()
    session.set_config_variable("region", region)
    provider_class = (
        _endpoint_provider_class(endpoint_url)
        if endpoint_url
        else aws_encryption_sdk.StrictAwsKmsMasterKeyProvider
    )
    provider = provider_class(key_ids=[key_id], botocore_session=session)
    client = aws_encryption_sdk.EncryptionSDKClient(
        commitment_policy=CommitmentPolicy.REQUIRE_ENCRYPT_REQUIRE_DECRYPT,
        # We always encrypt under exactly one KMS key; refusing messages with more encrypted data
        # keys stops a crafted message from making us call KMS many times.
        max_encrypted_data_keys=1,
    )
    return client, provider


@lru_cache(maxsize=4)
def _endpoint_provider_class(endpoint_url: str) -> type[StrictAwsKmsMasterKeyProvider]:
    """A StrictAwsKmsMasterKeyProvider whose KMS clients talk to a custom endpoint.

    The SDK builds its regional KMS clients itself in `add_regional_client` from the botocore
    session and offers no endpoint option, so the local stack (moto server on loopback) needs
    this override. `_register_client` is kept so the SDK's client error handling still applies.
    The endpoint is a class attribute because the SDK creates the first client inside __init__.
    """
    import boto3
    from aws_encryption_sdk import StrictAwsKmsMasterKeyProvider

    class EndpointKmsMasterKeyProvider(StrictAwsKmsMasterKeyProvider):  # type: ignore[misc]
        kms_endpoint_url = endpoint_url

        def add_regional_client(self, region_name: str) -> None:
            if region_name not in self._regional_clients:
                session = boto3.session.Session(botocore_session=self.config.botocore_session)
                client = session.client(
                    "kms",
                    region_name=region_name,
                    endpoint_url=self.kms_endpoint_url,
                    config=self._user_agent_adding_config,
                )
                self._register_client(client, region_name)
                self._regional_clients[region_name] = client

    return EndpointKmsMasterKeyProvider


def reset_crypto() -> None:
    """Forget cached KMS clients (tests and the local stack, after the endpoint or key changes)."""
    _crypto_for.cache_clear()


# --- helpers ------------------------------------------------------------------------------------


def _secrets() -> Any:
    return aws.client("secretsmanager")


def _error_code(exc: Exception) -> str:
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        return str(response.get("Error", {}).get("Code", ""))
    return ""


def _is_gone(exc: Exception) -> bool:
    code = _error_code(exc)
    if code == "ResourceNotFoundException":
        return True
    # A secret scheduled for deletion answers InvalidRequestException: for readers it is gone.
    return code == "InvalidRequestException" and "deleted" in str(exc).lower()


def _register_strings(value: Any) -> None:
    """Every decrypted string is registered so that logs and errors mask it from now on."""
    if isinstance(value, str):
        register_secret(value)
    elif isinstance(value, dict):
        for item in value.values():
            _register_strings(item)
    elif isinstance(value, list):
        for item in value:
            _register_strings(item)
