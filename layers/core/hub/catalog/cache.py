"""Provider records and their client secrets, kept per warm container for a short time.

Every refresh, token exchange and provider call needs the provider's record and (for OAuth) its
client secret; both change only when a super admin edits the provider. Reading them once per
`settings.provider_cache_seconds` (default 60 s) instead of on every use saves a GetItem, a
GetSecretValue and a KMS Decrypt per refresh (docs/cost.md). An edit through this container
drops the entry at once (`forget`, called by ProviderRepository's writes and the client-secret
store); other warm containers see it within the TTL.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hub.cache import TtlCache

_records: TtlCache[dict[str, Any]] = TtlCache()
_secrets: TtlCache[str] = TtlCache()


def provider_record(provider_id: str) -> dict[str, Any] | None:
    """The provider's stored record (keys stripped), or None."""
    from hub.catalog.repository import ProviderRepository, strip_keys

    def load() -> dict[str, Any] | None:
        item = ProviderRepository().get_provider(provider_id)
        return strip_keys(item) if item is not None else None

    record = _records.get(provider_id, load)
    return dict(record) if record is not None else None


def client_secret(provider_id: str, load: Callable[[], str | None]) -> str | None:
    """The provider's OAuth client secret, loaded by `load` (the vault) when not cached."""
    return _secrets.get(provider_id, load)


def forget(provider_id: str) -> None:
    _records.forget(provider_id)
    _secrets.forget(provider_id)
