"""The `secretsmanager` backend (the default): one secret per credential.

Named `{secret_prefix}/{tenantId}/{connectionId}`, encrypted at rest with the stack's KMS key
and tagged with the tenant. The secret *value* is the Encryption SDK message of hub.vault.crypto,
so a secret loaded through the wrong reference (another tenant, another connection) fails to
decrypt even if an IAM or naming mistake lets the bytes through. Mind the quotas: PutSecretValue
and UpdateSecret share 50 TPS per account and region (see docs/cost.md).
"""

from __future__ import annotations

from typing import Any

from hub.errors import SecretExists, SecretNotFound, VaultError
from hub.secret_refs import SecretRef
from hub.settings import get_settings
from hub.vault.clients import client as vault_client
from hub.vault.sealed import SealedMessageVault

SECRETSMANAGER = "secretsmanager"


class SecretsManagerVault(SealedMessageVault):
    """Settings are read on every call (they are cached by hub.settings), so one instance stays
    valid across warm invocations and across tests that swap the environment."""

    name = SECRETSMANAGER

    def delete(self, ref: SecretRef) -> None:
        try:
            # ForceDeleteWithoutRecovery: a disconnected or revoked credential must not linger in
            # a 7-30 day recovery window where it could be restored and used again; the secret
            # (and every version of it) is gone immediately.
            _secrets(ref).delete_secret(SecretId=ref.secret_name(), ForceDeleteWithoutRecovery=True)
        except Exception as exc:
            if error_code(exc) == "ResourceNotFoundException":
                return  # already gone: deleting is idempotent
            raise VaultError() from exc

    def exists(self, ref: SecretRef) -> bool:
        try:
            described = _secrets(ref).describe_secret(SecretId=ref.secret_name())
        except Exception as exc:
            if error_code(exc) == "ResourceNotFoundException":
                return False
            raise VaultError() from exc
        return "DeletedDate" not in described

    # --- the sealed message as stored (the migration copies it without decrypting) -----------

    def store_message(self, ref: SecretRef, message: str) -> str:
        settings = get_settings()
        kwargs: dict[str, Any] = {
            "Name": ref.secret_name(settings.secret_prefix),
            "SecretString": message,
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
            response = _secrets(ref).create_secret(**kwargs)
        except Exception as exc:
            if error_code(exc) == "ResourceExistsException":
                raise SecretExists() from None
            raise VaultError() from exc
        return str(response["ARN"])

    def read_message(self, ref: SecretRef) -> str:
        try:
            response = _secrets(ref).get_secret_value(SecretId=ref.secret_name())
        except Exception as exc:
            if _is_gone(exc):
                raise SecretNotFound() from None
            raise VaultError() from exc
        message = response.get("SecretString")
        if not isinstance(message, str):
            raise VaultError()
        return message

    def replace_message(self, ref: SecretRef, message: str) -> None:
        try:
            # A new version (AWSCURRENT moves to it); the previous one stays as AWSPREVIOUS
            # until the next write, which lets an in-flight reader finish with the old token.
            _secrets(ref).put_secret_value(SecretId=ref.secret_name(), SecretString=message)
        except Exception as exc:
            if _is_gone(exc):
                raise SecretNotFound() from None
            raise VaultError() from exc


def _secrets(ref: SecretRef) -> Any:
    # the function's own client, or the session of the vault role scoped to ref's tenant
    return vault_client("secretsmanager", ref.tenant_id, ref.purpose)


def error_code(exc: Exception) -> str:
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        return str(response.get("Error", {}).get("Code", ""))
    return ""


def _is_gone(exc: Exception) -> bool:
    code = error_code(exc)
    if code == "ResourceNotFoundException":
        return True
    # A secret scheduled for deletion answers InvalidRequestException: for readers it is gone.
    return code == "InvalidRequestException" and "deleted" in str(exc).lower()
