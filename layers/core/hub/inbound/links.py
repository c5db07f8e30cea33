"""Which connections answer for a provider account: recorded when a connection is made.

At connect time the template's `inboundWebhooks.connectAccountId` is filled from the values the
connection keeps (`connect_account_ids`, stored on the record as `inboundAccountIds`); the
`connected` transition links them (hub/connections/lifecycle.py) and `disconnected` unlinks.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hub.inbound.extract import connect_values
from hub.inbound.records import AccountLink
from hub.inbound.repository import InboundRepository
from hub.inbound.spec import render_account_id
from hub.providers.templates import ProviderTemplate


def connect_account_ids(template: ProviderTemplate | None, record: Mapping[str, Any],
                        config: Mapping[str, Any] | None) -> list[str]:
    """The provider account ids a connection answers for (none when the provider's template
    declares no `connectAccountId`, or the connection lacks a value it names)."""
    inbound = template.inbound_webhooks if template is not None else None
    if inbound is None or inbound.connect_account_id is None:
        return []
    values = connect_values(record, config)
    if inbound.account_lookup is not None:  # the provider's API answer, not what a browser carried
        for name in inbound.account_lookup.confirm:
            values.pop(name, None)
        values.update(record.get("accountFields") or {})
    found = render_account_id(inbound.connect_account_id, values)
    return [found] if found else []


def captured_account_ids(record: Mapping[str, Any]) -> list[str]:
    """The ids captured from the provider when the connection was made (trusted); a tenant
    admin's correction keeps them in `inboundAccountIdsCaptured` (hub/inbound/accounts.py)."""
    captured = record.get("inboundAccountIdsCaptured")
    return list(record.get("inboundAccountIds") or []) if captured is None else list(captured)


def link_record(record: Mapping[str, Any], *, keep_claims: bool = False) -> None:
    """Link a (re)connected connection to its accounts, replacing the links it had."""
    repository = InboundRepository()
    tenant_id, connection_id = str(record["tenantId"]), str(record["connectionId"])
    captured = set(captured_account_ids(record))
    repository.unlink_connection(tenant_id, connection_id, keep_claims=keep_claims)
    repository.link(AccountLink(tenant_id=tenant_id, integration_id=str(record["integrationId"]),
                                connection_id=connection_id, provider_id=str(record["providerId"]),
                                account_id=account, user_id=record.get("userId"), verified=account in captured)
                    for account in record.get("inboundAccountIds") or [])


def receiving_links(links: list[AccountLink]) -> list[AccountLink]:
    """The links an account's events go to: only ids captured from the provider at connect time.
    They are proof that the tenant authorized that account, so every connection holding one
    receives (two tenants may install the same workspace). An id a tenant admin typed proves
    nothing and receives nothing on the shared intake until a connect captures it (a tenant that
    typed another tenant's Stripe account id first must not get that account's events)."""
    return [link for link in links if link.verified]


def unlink_record(record: Mapping[str, Any]) -> None:
    if record.get("connectionId"):
        InboundRepository().unlink_connection(str(record["tenantId"]), str(record["connectionId"]))
