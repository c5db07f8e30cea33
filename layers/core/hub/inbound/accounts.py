"""A tenant admin's view and correction of the provider accounts a connection answers for
(docs/inbound-webhooks.md, "Correcting account ids").

Ids captured from the provider when the connection was made (`source: connect`) are proof that
the tenant authorized that account. Ids a tenant admin types (`source: tenant_admin`) prove
nothing, so they are held to two rules that keep one tenant from diverting another's events:
- exclusive: a typed id is refused (409 ACCOUNT_CLAIMED) while another connection holds it,
  typed (the claim item, a conditional put: two admins racing cannot both win) or captured;
- outranked: should another tenant later capture the same account at connect, the typed link
  stops receiving (hub/inbound/links.py `receiving_links`); the view says `receiving: false`.
A captured id may be removed and put back (it stays captured); a reconnect replaces the list
with what the provider reports then. Attribution reads the links for every batch, so a
correction applies to the next event.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hub.connections.record import is_live
from hub.connections.repository import ConnectionRepository
from hub.errors import AccountClaimed, ConnectionNotFound, IntegrationNotFound, ValidationError
from hub.inbound.links import captured_account_ids, link_record, receiving_links
from hub.inbound.models import AccountLink, InboundAccountsUpdate, InboundAccountsView, InboundAccountView
from hub.inbound.repository import InboundRepository
from hub.inbound.spec import InboundWebhookSpec
from hub.integrations.repository import IntegrationRepository
from hub.principal import Principal
from hub.providers.templates import get_template
from hub.request import record_change


def _connection(principal: Principal, integration_id: str) -> tuple[dict[str, Any], InboundWebhookSpec]:
    integration = IntegrationRepository().get_integration(principal.tenant_id, integration_id)
    if integration is None:
        raise IntegrationNotFound(details={"integrationId": integration_id})
    record = ConnectionRepository().get_connection(principal.tenant_id, integration_id)
    if record is None or not is_live(record):
        raise ConnectionNotFound(details={"integrationId": integration_id})
    template = get_template(str(record.get("templateId") or ""))
    if template is None or template.inbound_webhooks is None:
        raise ValidationError("This provider's template declares no inbound webhooks",
                              code="INBOUND_NOT_SUPPORTED", details={"providerId": record.get("providerId")})
    return dict(record), template.inbound_webhooks


def _link(record: Mapping[str, Any], account_id: str, *, verified: bool) -> AccountLink:
    return AccountLink(tenant_id=str(record["tenantId"]), integration_id=str(record["integrationId"]),
                       connection_id=str(record["connectionId"]), provider_id=str(record["providerId"]),
                       account_id=account_id, verified=verified)


def _view(record: Mapping[str, Any], spec: InboundWebhookSpec) -> InboundAccountsView:
    captured = set(captured_account_ids(record))
    repository = InboundRepository()
    accounts = []
    for account in record.get("inboundAccountIds") or []:
        receiving = True
        if account not in captured:  # a typed id: does another tenant hold it by proof?
            links = repository.links_for(str(record["providerId"]), account)
            receiving = any(link.connection_id == record["connectionId"] for link in receiving_links(links))
        accounts.append(InboundAccountView(accountId=account, source="connect" if account in captured
                                           else "tenant_admin", receiving=receiving))
    return InboundAccountsView(integrationId=str(record["integrationId"]), providerId=str(record["providerId"]),
                               connectionId=str(record["connectionId"]),
                               accountIdPattern=spec.account_id_regex().pattern,
                               connectAccountId=spec.connect_account_id, accounts=accounts)


def inbound_accounts(principal: Principal, integration_id: str) -> InboundAccountsView:
    record, spec = _connection(principal, integration_id)
    return _view(record, spec)


def _validated(spec: InboundWebhookSpec, given: list[str]) -> list[str]:
    pattern = spec.account_id_regex()
    wanted = list(dict.fromkeys(account.strip() for account in given))
    wrong = [account for account in wanted if not pattern.fullmatch(account)]
    if wrong:
        raise ValidationError("Not an account id of this provider", details={"accountIds": wrong[:5],
                                                                             "pattern": pattern.pattern})
    return wanted


def _claim(record: Mapping[str, Any], typed: list[str]) -> None:
    """Claim every newly typed id, or none: 409 when another connection holds one."""
    repository = InboundRepository()
    taken: list[str] = []
    for account in typed:
        held = [link for link in repository.links_for(str(record["providerId"]), account)
                if link.tenant_id != record["tenantId"] and link.verified]
        if held or not repository.claim(_link(record, account, verified=False)):
            _release(record, taken)
            raise AccountClaimed(details={"accountId": account})
        taken.append(account)


def _release(record: Mapping[str, Any], accounts: list[str]) -> None:
    repository = InboundRepository()
    for account in accounts:
        repository.release_claim(str(record["providerId"]), account, str(record["connectionId"]))


def set_inbound_accounts(principal: Principal, integration_id: str, body: InboundAccountsUpdate
                         ) -> InboundAccountsView:
    record, spec = _connection(principal, integration_id)
    wanted = _validated(spec, body.accountIds)
    captured = captured_account_ids(record)
    before = list(record.get("inboundAccountIds") or [])
    typed_before = [a for a in before if a not in captured]
    typed_now = [a for a in wanted if a not in captured]
    claimed = [a for a in typed_now if a not in typed_before]
    _claim(record, claimed)
    try:
        updated = ConnectionRepository().set_inbound_accounts(
            record, {"inboundAccountIds": wanted or None, "inboundAccountIdsCaptured": captured})
        if updated is None:
            raise ConnectionNotFound(details={"integrationId": integration_id})
    except Exception:
        _release(record, claimed)  # the list was not written: its new claims would block other tenants
        raise
    link_record(updated, keep_claims=True)
    _release(record, [a for a in typed_before if a not in typed_now])
    # account ids are not secrets: the audit trail keeps both lists
    record_change("connection", str(record["connectionId"]), before={"inboundAccountIds": before},
                  after={"inboundAccountIds": wanted})
    return _view(updated, spec)
