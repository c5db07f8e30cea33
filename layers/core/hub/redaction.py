"""Redaction of secrets from anything that leaves the process as text (logs, errors, events).

Three nets, because one is never enough:
1. keys that name secrets (token, secret, password, authorization, api_key, ...) are masked;
2. values that look like credentials (Bearer headers, JWTs, `whsec_` secrets, key=value pairs
   with secret names) are masked inside free text;
3. every value the vault decrypts is registered here, and is masked wherever it shows up.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Mapping
from typing import Any

MASK = "***"

_SECRET_KEY = re.compile(
    r"(pass(word|wd|phrase)?|secret|token|api[_-]?key|apikey|authorization|auth[_-]?header|"
    r"private[_-]?key|client[_-]?secret|credential|cookie|signature|code[_-]?verifier|session[_-]?key)",
    re.IGNORECASE,
)
# keys that contain a secret-ish word but hold no secret
_SAFE_KEYS = {
    "token_type",
    "tokentype",
    "token_url",
    "tokenurl",
    "has_refresh_token",
    "hasrefreshtoken",
    "secret_name",
    "secretname",
    "credentialfields",
    "credential_fields",
    "tokenclientauth",
    "token_client_auth",
    "secretconfigured",
    "secret_configured",
    "credentialsupdatedat",
    "tokenexpiresat",
    "token_expires_at",
    "tokenparams",
    "token_params",
    "idempotency_key_header",
}
_TEXT_PATTERNS = [
    re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}"),
    re.compile(r"\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"),
    re.compile(r"\bwhsec_[A-Za-z0-9+/=]{8,}"),
    re.compile(
        r"(?i)((?:access_?token|refresh_?token|id_?token|client_?secret|password|api_?key|secret_?access_?key|"
        r"private_?key|secret|code_?verifier|auth_?token|session_?token|token)"
        r"[\"']?\s*[:=]\s*[\"']?)[^\s\"'&,}]+"
    ),
    # OAuth callback query strings: the authorization code and the state are bearer values
    re.compile(r"((?:^|[?&])(?:code|state)=)[^&\s\"']+"),
]

_registered: set[str] = set()
_lock = threading.Lock()


def register_secret(value: str | None) -> None:
    """Remember a clear-text secret so that it is masked wherever it appears later."""
    if value and isinstance(value, str) and len(value) >= 6:
        with _lock:
            _registered.add(value)


def forget_secrets() -> None:
    with _lock:
        _registered.clear()


def is_secret_key(key: str) -> bool:
    lowered = key.lower()
    if lowered in _SAFE_KEYS:
        return False
    return bool(_SECRET_KEY.search(lowered))


def mask_value(value: str | None, visible: int = 4) -> str | None:
    """Show at most the last `visible` characters (never more than a quarter of the value)."""
    if value is None:
        return None
    if len(value) < 8:
        return MASK
    shown = min(visible, len(value) // 4)
    return MASK + value[-shown:]


def mask_registered(text: str) -> str:
    """Mask only the registered secrets (no pattern heuristics): for third-party content such as
    provider records, where a pattern could eat ordinary words ("Basic Introduction")."""
    with _lock:
        known = sorted(_registered, key=len, reverse=True)
    for secret in known:
        if secret in text:
            text = text.replace(secret, MASK)
    return text


def redact_text(text: str) -> str:
    text = mask_registered(text)
    for pattern in _TEXT_PATTERNS:
        if pattern.groups:
            text = pattern.sub(lambda m: m.group(1) + MASK, text)
        else:
            text = pattern.sub(MASK, text)
    return text


def redact(value: Any, _depth: int = 0) -> Any:
    """Return a copy of `value` with secrets masked (dicts by key, strings by content)."""
    if _depth > 20:
        return MASK
    if isinstance(value, Mapping):
        out: dict[Any, Any] = {}
        for key, item in value.items():
            if isinstance(key, str) and is_secret_key(key) and item not in (None, "", [], {}):
                out[key] = MASK
            else:
                out[key] = redact(item, _depth + 1)
        return out
    if isinstance(value, list | tuple | set):
        return [redact(item, _depth + 1) for item in value]
    if isinstance(value, str):
        stripped = value.strip()
        # JSON documents inside strings (request bodies in logged events) are redacted by key
        if len(stripped) >= 2 and stripped[0] in "{[" and stripped[-1] in "}]":
            try:
                parsed = json.loads(stripped)
            except ValueError:
                return redact_text(value)
            return json.dumps(redact(parsed, _depth + 1), separators=(",", ":"))
        return redact_text(value)
    return value
