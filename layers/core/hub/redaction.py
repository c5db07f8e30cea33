"""Redaction of secrets from anything that leaves the process as text (logs, errors, events).

Three nets, because one is never enough:
1. keys that name secrets (token, secret, password, authorization, api_key, ...) are masked;
2. values that look like credentials (Bearer headers, JWTs, `whsec_` secrets, key=value pairs
   with secret names) are masked inside free text;
3. the secret values the hub handles in this invocation (the secret fields of what the vault
   decrypts, tokens a provider issues, typed-in secrets) are registered, and masked wherever
   they show up.

The registry of the third net belongs to one invocation: `start_invocation()` at every Lambda
entry (HTTP and jobs) starts an empty one, so nothing registered for one tenant's request can
mask another tenant's text later. Only values of at least `MIN_SECRET_LENGTH` characters are
kept ("Bearer" or a short username would mask ordinary words). Matching is an index on each
secret's first `MIN_SECRET_LENGTH` characters: a text is scanned once, whatever the number of
registered secrets (the refresh job registers the tokens of every connection it handles).
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Mapping
from contextvars import ContextVar
from typing import Any

from hub.validation import parse_json

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

MIN_SECRET_LENGTH = 8


class SecretRegistry:
    """The secrets of one invocation, indexed by their first MIN_SECRET_LENGTH characters.
    `work` counts the index probes and candidate comparisons (for tests and the bench)."""

    def __init__(self) -> None:
        self._by_prefix: dict[str, tuple[str, ...]] = {}
        self._lock = threading.Lock()
        self.work = 0

    def __len__(self) -> int:
        return sum(len(bucket) for bucket in self._by_prefix.values())

    def add(self, value: str) -> None:
        prefix = value[:MIN_SECRET_LENGTH]
        with self._lock:
            bucket = self._by_prefix.get(prefix, ())
            if value not in bucket:
                # longest first, so that the longest registered secret at a position is masked
                self._by_prefix[prefix] = tuple(sorted((*bucket, value), key=len, reverse=True))

    def mask(self, text: str) -> str:
        index = self._by_prefix
        if not index or len(text) < MIN_SECRET_LENGTH:
            return text
        parts: list[str] = []
        start = position = probes = 0
        last = len(text) - MIN_SECRET_LENGTH
        while position <= last:
            probes += 1
            bucket = index.get(text[position:position + MIN_SECRET_LENGTH])
            if bucket is not None:
                probes += len(bucket)
                found = next((secret for secret in bucket if text.startswith(secret, position)), None)
                if found is not None:
                    parts.append(text[start:position])
                    parts.append(MASK)
                    position = start = position + len(found)
                    continue
            position += 1
        self.work += probes
        if not parts:
            return text
        parts.append(text[start:])
        return "".join(parts)


_invocation: ContextVar[SecretRegistry | None] = ContextVar("hub_secrets", default=None)
# threads started without the invocation's context (job worker pools) use the latest invocation's
_latest = SecretRegistry()


def start_invocation() -> SecretRegistry:
    """A new, empty registry for the invocation starting now (called at every Lambda entry)."""
    global _latest
    registry = SecretRegistry()
    _latest = registry
    _invocation.set(registry)
    return registry


def current_registry() -> SecretRegistry:
    return _invocation.get() or _latest


def register_secret(value: str | None) -> None:
    """Remember a clear-text secret for this invocation, so that it is masked wherever it
    appears. Values shorter than MIN_SECRET_LENGTH are not kept."""
    if value and isinstance(value, str) and len(value) >= MIN_SECRET_LENGTH:
        current_registry().add(value)


def register_secret_fields(value: Any) -> None:
    """Register the values of secret-named keys (accessToken, password, apiKey, private_key, ...)
    anywhere in `value`; other values (token types, usernames, regions) are not secrets."""
    if isinstance(value, Mapping):
        for key, item in value.items():
            if isinstance(key, str) and is_secret_key(key) and isinstance(item, str):
                register_secret(item)
            else:
                register_secret_fields(item)
    elif isinstance(value, list | tuple):
        for item in value:
            register_secret_fields(item)


def forget_secrets() -> None:
    start_invocation()


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
    return current_registry().mask(text)


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
                parsed = parse_json(stripped)
            except ValueError:  # not JSON, or nested past the parser's stack: still text to mask
                return redact_text(value)
            return json.dumps(redact(parsed, _depth + 1), separators=(",", ":"))
        return redact_text(value)
    return value
