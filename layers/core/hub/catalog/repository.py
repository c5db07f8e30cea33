"""Providers live outside any tenant: pk `PROVIDER#{id}`, listed through GSI1 `PROVIDERS`.

Every refresh and provider call needs its provider's record, which changes only when a super
admin edits it: `cached_provider` keeps it per warm container for `settings.catalog_cache_seconds`
(hub/cache.py). This repository's writes drop the entry in this container at once; other
containers see the edit within that time."""

from __future__ import annotations

import copy
from typing import Any

from hub.cache import TtlCache, catalog_seconds
from hub.repository import ConditionFailed, Repository
from hub.table import GSI1, GSI1_PK, GSI1_SK

PROVIDERS_PK = "PROVIDERS"
_cached: TtlCache[dict[str, Any] | None] = TtlCache(catalog_seconds, 512)


def provider_key(provider_id: str) -> tuple[str, str]:
    return f"PROVIDER#{provider_id}", "PROVIDER"


class ProviderRepository(Repository):
    def get_provider(self, provider_id: str) -> dict[str, Any] | None:
        return self.get(*provider_key(provider_id))

    def cached_provider(self, provider_id: str) -> dict[str, Any] | None:
        """The provider's record (keys stripped), read at most once per cache period."""
        def load() -> dict[str, Any] | None:
            item = self.get_provider(provider_id)
            return strip_keys(item) if item is not None else None

        record = _cached.get(provider_id, load)
        return copy.deepcopy(record) if record is not None else None

    def holds_provider(self, provider_id: str) -> bool:
        """Whether `cached_provider` would answer without a read."""
        return _cached.holds(provider_id)

    def create_provider(self, record: dict[str, Any]) -> bool:
        _cached.discard(record["id"])
        pk, sk = provider_key(record["id"])
        try:
            self.put_new({"pk": pk, "sk": sk, GSI1_PK: PROVIDERS_PK, GSI1_SK: record["id"], "entity": "provider",
                          **record})
        except ConditionFailed:
            return False
        return True

    def save_provider(self, record: dict[str, Any], expected_version: int) -> dict[str, Any]:
        _cached.discard(record["id"])
        pk, sk = provider_key(record["id"])
        item = {"pk": pk, "sk": sk, GSI1_PK: PROVIDERS_PK, GSI1_SK: record["id"], "entity": "provider", **record}
        return strip_keys(self.put_versioned(item, expected_version))

    def delete_provider(self, provider_id: str) -> None:
        _cached.discard(provider_id)
        self.delete(*provider_key(provider_id))

    def list_providers(self) -> list[dict[str, Any]]:
        return [strip_keys(i) for i in self.query_all(PROVIDERS_PK, index=GSI1)]


def strip_keys(item: dict[str, Any]) -> dict[str, Any]:
    hidden = {"pk", "sk", GSI1_PK, GSI1_SK, "gsi2pk", "gsi2sk", "entity", "ttl"}
    return {k: v for k, v in item.items() if k not in hidden}
