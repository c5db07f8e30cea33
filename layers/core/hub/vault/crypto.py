"""The Encryption SDK side of the vault: every stored credential is one AWS Encryption SDK
message (KMS master key provider) whose encryption context binds the reference's four ids.

`aws_encryption_sdk` is imported lazily: only functions that touch credentials pay its import
cost, and we use the master-key-provider API rather than the `[MPL]` keyring extra, which adds
~0.5 s to every cold start. That API does not check the encryption context on decrypt, so
`_decrypt_bytes` compares the message header's context with the expected one itself.

With `settings.vault_data_key_cache_seconds` > 0 the SDK's caching materials manager keeps data
keys for that long (at most `_CACHE_CAPACITY` entries, each used for at most
`_CACHE_MAX_MESSAGES` messages): a warm function that decrypts the same credential again (proxy
calls, search) or re-encrypts it skips the KMS call. Off by default: a cached data key is
plaintext key material held in the function's memory.
"""

from __future__ import annotations

import base64
import binascii
import json
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from hub.errors import VaultError
from hub.redaction import register_secret
from hub.secret_refs import SecretRef
from hub.settings import get_settings
from hub.vault.clients import reset_sessions, tenant_session

if TYPE_CHECKING:  # pragma: no cover - typing only
    from aws_encryption_sdk import EncryptionSDKClient, StrictAwsKmsMasterKeyProvider

# Keys the Encryption SDK itself adds to the encryption context (e.g. `aws-crypto-public-key`
# for signed algorithm suites). They are not ours to compare.
_SDK_RESERVED_PREFIX = "aws-crypto-"
_CACHE_CAPACITY = 256
_CACHE_MAX_MESSAGES = 100


def seal(ref: SecretRef, payload: dict[str, Any]) -> str:
    """The stored form of a credential: a base64 Encryption SDK message bound to `ref`."""
    return _encrypt_json(payload, ref.encryption_context())


def unseal(ref: SecretRef, message: str) -> dict[str, Any]:
    """The payload of a message made by `seal` for the same reference; VaultError otherwise.
    Every decrypted string is registered so that logs and errors mask it from now on."""
    payload = _decrypt_json(message, ref.encryption_context())
    _register_strings(payload)
    return payload


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
    client, materials = _crypto(context)
    try:
        ciphertext, _header = client.encrypt(source=plaintext, encryption_context=context, **materials)
    except Exception as exc:
        raise VaultError() from exc
    return base64.b64encode(ciphertext).decode("ascii")


def _decrypt_bytes(encoded: str, expected_context: dict[str, str]) -> bytes:
    try:
        message = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise VaultError() from None
    client, materials = _crypto(expected_context)
    try:
        plaintext, header = client.decrypt(source=message, **materials)
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


def _crypto(context: dict[str, str]) -> tuple[EncryptionSDKClient, dict[str, Any]]:
    """The SDK client and the keyword that names its key material (a master key provider, or a
    caching materials manager in front of it) for a message with `context`: with the function's
    own KMS client, or a tenant session's (hub/vault/clients.py), each with its own data-key cache
    so that no tenant's session ever reuses a key another session obtained."""
    settings = get_settings()
    if not settings.kms_key_id:
        raise VaultError("The credential vault has no KMS key configured")
    # kms_key_id must be the key ARN: the strict provider matches the ARN recorded in the message
    # on decrypt, so an alias would encrypt fine and then never decrypt.
    where = (settings.kms_key_id, settings.region, settings.aws_endpoint_url)
    max_age = settings.vault_data_key_cache_seconds
    session = tenant_session(context.get("tenantId", ""), context.get("purpose", ""))
    if session is None:
        client, provider = _crypto_for(*where)
        if max_age > 0:
            return client, {"materials_manager": _caching_manager(*where, max_age)}
        return client, {"key_provider": provider}
    client, provider = session.memo(("crypto", *where), lambda: _build_crypto(*where, session.botocore_session))
    if max_age > 0:
        return client, {"materials_manager": session.memo(("cache", *where, max_age),
                                                          lambda: _build_cache(provider, max_age))}
    return client, {"key_provider": provider}


@lru_cache(maxsize=4)
def _caching_manager(key_id: str, region: str, endpoint_url: str, max_age: float) -> Any:
    """One bounded data-key cache per key provider, kept while the function is warm."""
    return _build_cache(_crypto_for(key_id, region, endpoint_url)[1], max_age)


def _build_cache(provider: StrictAwsKmsMasterKeyProvider, max_age: float) -> Any:
    import aws_encryption_sdk

    return aws_encryption_sdk.CachingCryptoMaterialsManager(
        master_key_provider=provider,
        cache=aws_encryption_sdk.LocalCryptoMaterialsCache(capacity=_CACHE_CAPACITY),
        max_age=float(max_age),
        max_messages_encrypted=_CACHE_MAX_MESSAGES,
    )


@lru_cache(maxsize=4)
def _crypto_for(
    key_id: str, region: str, endpoint_url: str
) -> tuple[EncryptionSDKClient, StrictAwsKmsMasterKeyProvider]:
    """One SDK client and master key provider per (key, region, endpoint), reused while warm."""
    import botocore.session

    session = botocore.session.Session()
    session.set_config_variable("region", region)
    return _build_crypto(key_id, region, endpoint_url, session)


def _build_crypto(key_id: str, region: str, endpoint_url: str, session: Any
                  ) -> tuple[EncryptionSDKClient, StrictAwsKmsMasterKeyProvider]:
    """An SDK client and a master key provider whose KMS clients come from `session`."""
    import aws_encryption_sdk
    from aws_encryption_sdk.identifiers import CommitmentPolicy

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
    _caching_manager.cache_clear()
    reset_sessions()


# --- helpers ------------------------------------------------------------------------------------


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
