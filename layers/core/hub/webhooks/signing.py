"""Standard Webhooks signing (https://www.standardwebhooks.com/).

The signed content is `{webhook-id}.{webhook-timestamp}.{body}`; the signature is `v1,` + the
base64 HMAC-SHA256 of it under the secret's raw bytes. A secret is `whsec_` + base64 of 32
random bytes. While a rotated secret is still honoured, the header carries one signature per
secret, space separated, so a receiver holding either secret verifies.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets
from collections.abc import Sequence

SECRET_PREFIX = "whsec_"  # noqa: S105 - the format's prefix, not a secret
SECRET_BYTES = 32
SIGNATURE_VERSION = "v1"


def generate_secret() -> str:
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii")


def secret_key(secret: str) -> bytes:
    """The HMAC key: the base64-decoded part after `whsec_`."""
    encoded = secret.removeprefix(SECRET_PREFIX)
    try:
        key = base64.b64decode(encoded, validate=True)
    except (binascii.Error, ValueError):
        raise ValueError("not a webhook signing secret") from None
    if not key:
        raise ValueError("not a webhook signing secret")
    return key


def signed_content(message_id: str, timestamp: int, body: str | bytes) -> bytes:
    payload = body if isinstance(body, bytes) else body.encode("utf-8")
    return f"{message_id}.{timestamp}.".encode() + payload


def sign(secret: str, message_id: str, timestamp: int, body: str | bytes) -> str:
    digest = hmac.new(secret_key(secret), signed_content(message_id, timestamp, body), hashlib.sha256).digest()
    return f"{SIGNATURE_VERSION}," + base64.b64encode(digest).decode("ascii")


def signature_header(signing_secrets: Sequence[str], message_id: str, timestamp: int, body: str | bytes) -> str:
    """`webhook-signature`: one `v1,` signature per secret, newest first, space separated."""
    if not signing_secrets:
        raise ValueError("at least one signing secret is required")
    return " ".join(sign(secret, message_id, timestamp, body) for secret in signing_secrets)


def signing_headers(
    signing_secrets: Sequence[str], message_id: str, timestamp: int, body: str | bytes
) -> dict[str, str]:
    return {
        "webhook-id": message_id,
        "webhook-timestamp": str(int(timestamp)),
        "webhook-signature": signature_header(signing_secrets, message_id, int(timestamp), body),
    }
