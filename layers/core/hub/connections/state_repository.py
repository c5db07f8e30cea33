"""OAuth state items (hub/connections/state.py says what they hold): pk `TENANT#{t}`, sk
`OAUTHSTATE#{sha256(state)}`, with the due-index keys the purge job (hub/jobs/purge.py) reads.
Every conditional write of a state is a method here, named for its intent; a condition that does
not hold answers None (or False)."""

from __future__ import annotations

from typing import Any

from hub.jobs.due import STATE
from hub.repository import ConditionFailed, Repository
from hub.table import TTL_ATTRIBUTE, due_keys, tenant_pk

STATE_SK_PREFIX = "OAUTHSTATE#"


def state_due_keys(tenant_id: str, state_hash: str, expires_at: float) -> dict[str, str]:
    """The gsi2pk / gsi2sk an OAuth state item carries, so the purge job finds it when it expires."""
    return due_keys(STATE, f"{tenant_id}#{state_hash}", expires_at)


def is_state_key(sk: str) -> bool:
    return sk.startswith(STATE_SK_PREFIX)


class OAuthStateRepository(Repository):
    def create_state(self, item: dict[str, Any]) -> None:
        self.put_new(item)

    def get_state(self, tenant_id: str, state_hash: str) -> dict[str, Any] | None:
        return self.get(tenant_pk(tenant_id), STATE_SK_PREFIX + state_hash)

    def bind_to_browser(self, tenant_id: str, state_hash: str, fields: dict[str, Any], *, now: float
                        ) -> dict[str, Any] | None:
        """Bind a live state of this tenant that has a provider URL to one browser (`fields`),
        only once; the item as it is now, or None."""
        try:
            return self.update(
                tenant_pk(tenant_id), STATE_SK_PREFIX + state_hash, set_fields=fields,
                condition="attribute_exists(pk) AND attribute_not_exists(#browser) AND #expires > :now "
                          "AND #tenant = :tenant AND attribute_exists(#url)",
                names={"#browser": "browserHash", "#expires": "expiresAt", "#tenant": "tenantId",
                       "#url": "authorizationUrlEnc"},
                values={":now": int(now), ":tenant": tenant_id},
            )
        except ConditionFailed:
            return None

    def take_state(self, tenant_id: str, state_hash: str, *, integration_id: str | None = None,
                   user_id: str | None = None) -> dict[str, Any] | None:
        """Delete the state (only when it names these integration / user) and answer it as it
        was: two callbacks racing with one state get it once. None when there is none to take."""
        conditions = ["attribute_exists(pk)", "#tenant = :tenant"]
        values: dict[str, Any] = {":tenant": tenant_id}
        names = {"#tenant": "tenantId"}
        if integration_id is not None:
            conditions.append("#integration = :integration")
            names["#integration"] = "integrationId"
            values[":integration"] = integration_id
        if user_id is not None:
            conditions.append("#user = :user")
            names["#user"] = "userId"
            values[":user"] = user_id
        try:
            return self.delete(tenant_pk(tenant_id), STATE_SK_PREFIX + state_hash, condition=" AND ".join(conditions),
                               names=names, values=values, return_old=True)
        except ConditionFailed:
            return None

    def delete_if_expired(self, pk: str, sk: str, *, now: float) -> bool:
        """Delete a state whose `ttl` has passed; False when it was consumed or given a new life."""
        try:
            self.delete(pk, sk, condition="attribute_exists(pk) AND #ttl <= :now", names={"#ttl": TTL_ATTRIBUTE},
                        values={":now": int(now)})
        except ConditionFailed:
            return False
        return True
