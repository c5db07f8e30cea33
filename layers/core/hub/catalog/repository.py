"""Providers live outside any tenant: pk `PROVIDER#{id}`, listed through GSI1 `PROVIDERS`."""

from __future__ import annotations

from typing import Any

from hub.repository import ConditionFailed, Repository
from hub.table import GSI1, GSI1_PK, GSI1_SK

PROVIDERS_PK = "PROVIDERS"


def provider_key(provider_id: str) -> tuple[str, str]:
    return f"PROVIDER#{provider_id}", "PROVIDER"


class ProviderRepository(Repository):
    def get_provider(self, provider_id: str) -> dict[str, Any] | None:
        return self.get(*provider_key(provider_id))

    def create_provider(self, record: dict[str, Any]) -> bool:
        pk, sk = provider_key(record["id"])
        try:
            self.put_new({"pk": pk, "sk": sk, GSI1_PK: PROVIDERS_PK, GSI1_SK: record["id"], "entity": "provider",
                          **record})
        except ConditionFailed:
            return False
        return True

    def save_provider(self, record: dict[str, Any], expected_version: int) -> dict[str, Any]:
        pk, sk = provider_key(record["id"])
        item = {"pk": pk, "sk": sk, GSI1_PK: PROVIDERS_PK, GSI1_SK: record["id"], "entity": "provider", **record}
        return strip_keys(self.put_versioned(item, expected_version))

    def delete_provider(self, provider_id: str) -> None:
        self.delete(*provider_key(provider_id))

    def list_providers(self) -> list[dict[str, Any]]:
        return [strip_keys(i) for i in self.query_all(PROVIDERS_PK, index=GSI1)]


def strip_keys(item: dict[str, Any]) -> dict[str, Any]:
    hidden = {"pk", "sk", GSI1_PK, GSI1_SK, "gsi2pk", "gsi2sk", "entity", "ttl"}
    return {k: v for k, v in item.items() if k not in hidden}
