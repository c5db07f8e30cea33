"""A tenant admin's view and correction of the provider accounts a connection answers for
(docs/inbound-webhooks.md, "Correcting account ids").

Ids captured from the provider when the connection was made (`source: connect`: the token
answer, the callback confirmed by the provider's API, or the template's accountLookup) are proof
that the tenant authorized that account, and only they receive events on the shared intake.
Ids a tenant admin types (`source: tenant_admin`) prove nothing: they are recorded, shown with
`receiving: false` and never delivered until a connect captures them (hub/inbound/links.py
`receiving_links`), so typing another tenant's account id first gains nothing. They are also
exclusive (409 ACCOUNT_CLAIMED while another connection holds the id, typed or captured; the
claim item is a conditional put). A captured id may be removed (its events stop at once) and put
back (it stays captured); a reconnect replaces the list with what the provider reports then.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hub.connections.record import is_live
from hub.connections.repository import ConnectionRepository
from hub.errors import AccountClaimed, ConnectionNotFound, IntegrationNotFound, ValidationError
from hub.inbound.links import captured_account_ids, link_record, receiving_links
from hub.inbound.models import InboundAccountsUpdate, InboundAccountsView, InboundAccountView
from hub.inbound.records import AccountLink
from hub.inbound.repository import InboundRepository
from hub.inbound.spec import InboundWebhookSpec
from hub.integrations.repository import IntegrationRepository
from hub.principal import Principal
from hub.providers.templates import get_template
from hub.request import record_change


def _connection(principal: Principal, integration_id: str, *, live: bool = True
                ) -> tuple[dict[str, Any], InboundWebhookSpec]:
    integration = IntegrationRepository().get_integration(principal.tenant_id, integration_id)
    if integration is None:
        raise IntegrationNotFound(details={"integrationId": integration_id})
    record = ConnectionRepository().get_connection(principal.tenant_id, integration_id)
    # an expired or failing connection keeps its links (and receives) until it is disconnected,
    # so its admin may still see them; corrections wait for a live connection
    if record is None or (not is_live(record) if live else record.get("status") == "disconnected"):
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
    record, spec = _connection(principal, integration_id, live=False)
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
