"""A tenant admin sees and corrects the provider accounts a connection answers for
(GET/PUT /api/tenant/integrations/{id}/inbound-accounts, hub/inbound/accounts.py): validated per
provider, audited, used by attribution at once, and never a way to take another tenant's events."""

from __future__ import annotations

from typing import Any

import pytest

from hub.connections.repository import ConnectionRepository
from hub.inbound.records import AccountLink
from hub.inbound.repository import InboundRepository
from tests.integration.test_inbound_webhooks import (
    capture,
    cold_caches,
    connected_account,
    process_inbound,
    sandbox_event,
    send,
    signing_secret,
)
from tests.support.api import ApiClient
from tests.support.connections import SandboxWorld, sandbox_server, sandbox_world
from tests.support.webhooks import EventCapture

__all__ = ["capture", "cold_caches", "sandbox_server", "sandbox_world", "signing_secret"]  # fixtures

ACCOUNTS = "/api/tenant/integrations/{}/inbound-accounts"


def admin(tenant: str) -> ApiClient:
    return ApiClient("tenant_admin", tenant=tenant, user="ada")


def deliver(secret: str, account_id: str, capture: EventCapture, message_id: str) -> list[str]:
    """The tenants an event of `account_id` reaches."""
    seen = len(capture.of_type("provider.event"))
    assert send("sandbox", *sandbox_event(secret, account_id, message_id=message_id)).status == 200
    process_inbound()
    return sorted(e["tenantId"] for e in capture.of_type("provider.event")[seen:])


def test_the_view_shows_the_ids_captured_at_connect(sandbox_world: SandboxWorld) -> None:
    # Given acme connected the sandbox (the hub captured its account at connect)
    integration_id, account_id = connected_account(sandbox_world)
    # When its admin looks
    view = admin("acme").get(ACCOUNTS.format(integration_id))
    # Then the captured id is there, trusted and receiving, with the provider's id format
    assert view.status == 200, view.raw_body
    assert view.body["accounts"] == [{"accountId": account_id, "source": "connect", "receiving": True}]
    assert (view.body["connectAccountId"], view.body["accountIdPattern"]) == (
        "{account_id}", "^acct_[A-Za-z0-9]{1,64}$")
    # And another tenant, a plain user and an integration without a connection get nothing
    assert admin("globex").get(ACCOUNTS.format(integration_id)).error["code"] == "INTEGRATION_NOT_FOUND"
    assert ApiClient("user", tenant="acme", user="bob").get(ACCOUNTS.format(integration_id)).status == 403
    unconnected = sandbox_world.create_integration(tenant="initech")
    assert admin("initech").get(ACCOUNTS.format(unconnected)).error["code"] == "CONNECTION_NOT_FOUND"


def test_a_correction_is_validated_audited_and_used_by_the_next_event(
        sandbox_world: SandboxWorld, signing_secret: str, capture: EventCapture) -> None:
    integration_id, account_id = connected_account(sandbox_world)
    # When the admin sends ids that are not sandbox account ids, nothing changes
    wrong = admin("acme").put(ACCOUNTS.format(integration_id), {"accountIds": ["T123", "acct_ok"]})
    assert (wrong.status, wrong.error["code"], wrong.error["details"]["accountIds"]) == (400, "VALIDATION_ERROR",
                                                                                          ["T123"])
    assert admin("acme").put(ACCOUNTS.format(integration_id), {"accountIds": ["x"], "extra": 1}).status == 400
    assert [a["accountId"] for a in admin("acme").get(ACCOUNTS.format(integration_id)).body["accounts"]] == [account_id]
    # When the admin replaces the captured id with an id of its own typing
    fixed = admin("acme").put(ACCOUNTS.format(integration_id), {"accountIds": ["acct_corrected1"]})
    assert fixed.status == 200, fixed.raw_body
    assert fixed.body["accounts"] == [{"accountId": "acct_corrected1", "source": "tenant_admin", "receiving": False}]
    # Then the next events follow the correction at once: the removed account's events stop, and the
    # typed one receives nothing until a connect captures it (a typed id proves nothing)
    assert deliver(signing_secret, account_id, capture, "msg_b") == []
    assert deliver(signing_secret, "acct_corrected1", capture, "msg_a") == []
    # And putting the captured id back restores it as captured, not typed, and it receives again
    back = admin("acme").put(ACCOUNTS.format(integration_id), {"accountIds": [account_id, "acct_corrected1"]})
    assert [a["source"] for a in back.body["accounts"]] == ["connect", "tenant_admin"]
    assert deliver(signing_secret, account_id, capture, "msg_c") == ["acme"]
    # And the audit trail has each change, both lists
    [latest, *_] = admin("acme").get("/api/tenant/audit-logs",
                                     query={"action": "connection.inbound_accounts"}).body["auditLogs"]
    [change] = latest["changes"]
    assert change["diff"]["inboundAccountIds"] == {"from": ["acct_corrected1"],
                                                   "to": [account_id, "acct_corrected1"]}


def test_a_tenant_cannot_claim_an_account_another_tenant_connected(
        sandbox_world: SandboxWorld, signing_secret: str, capture: EventCapture) -> None:
    # Given globex's connection holds an account captured from the provider at connect time
    InboundRepository().link([AccountLink("globex", "int_g", "conn_g", "sandbox", "acct_globex1", verified=True)])
    acme_integration, account_id = connected_account(sandbox_world, tenant="acme")
    # When acme's admin types globex's account id
    claimed = admin("acme").put(ACCOUNTS.format(acme_integration), {"accountIds": [account_id, "acct_globex1"]})
    # Then it is refused, acme's list is unchanged, and globex alone receives that account's events
    assert (claimed.status, claimed.error["code"]) == (409, "ACCOUNT_CLAIMED")
    assert claimed.error["details"] == {"accountId": "acct_globex1"}
    assert [a["accountId"] for a in admin("acme").get(ACCOUNTS.format(acme_integration)).body["accounts"]] == [
        account_id]
    assert deliver(signing_secret, "acct_globex1", capture, "msg_h") == ["globex"]


def test_a_typed_id_is_exclusive_until_released(sandbox_world: SandboxWorld) -> None:
    acme_integration, _ = connected_account(sandbox_world, tenant="acme")
    globex_integration, _ = connected_account(sandbox_world, tenant="globex")
    # Given acme's admin typed an account nobody connected
    assert admin("acme").put(ACCOUNTS.format(acme_integration), {"accountIds": ["acct_typed1"]}).status == 200
    # When globex's admin types the same id, it is refused
    again = admin("globex").put(ACCOUNTS.format(globex_integration), {"accountIds": ["acct_typed1"]})
    assert (again.status, again.error["code"]) == (409, "ACCOUNT_CLAIMED")
    # And once acme disconnects, the claim is released and globex may take it
    assert admin("acme").post(f"/api/tenant/integrations/{acme_integration}/disconnect").status in (200, 204)
    taken = admin("globex").put(ACCOUNTS.format(globex_integration), {"accountIds": ["acct_typed1"]})
    assert taken.status == 200 and taken.body["accounts"][0]["source"] == "tenant_admin"
    # And removing it releases it too
    assert admin("globex").put(ACCOUNTS.format(globex_integration), {"accountIds": []}).status == 200
    assert InboundRepository().claim(AccountLink("initech", "int_i", "conn_i", "sandbox", "acct_typed1",
                                                 verified=False))


def test_a_tenant_that_types_another_tenants_account_first_receives_nothing_of_it(
        sandbox_world: SandboxWorld, signing_secret: str, capture: EventCapture) -> None:
    # Given globex's admin typed acme's Stripe-like account id before acme connected it
    globex_integration, _ = connected_account(sandbox_world, tenant="globex")
    assert admin("globex").put(ACCOUNTS.format(globex_integration), {"accountIds": ["acct_acme1"]}).status == 200
    # When that account's events arrive, Then globex gets none of them
    assert deliver(signing_secret, "acct_acme1", capture, "msg_1") == []
    # And when acme's connect captures the account from the provider, acme receives them, globex still not
    InboundRepository().link([AccountLink("acme", "int_a", "conn_a", "sandbox", "acct_acme1", verified=True)])
    assert deliver(signing_secret, "acct_acme1", capture, "msg_2") == ["acme"]
    view = admin("globex").get(ACCOUNTS.format(globex_integration)).body["accounts"]
    assert view == [{"accountId": "acct_acme1", "source": "tenant_admin", "receiving": False}]


def test_an_expired_connection_still_shows_what_it_receives(sandbox_world: SandboxWorld) -> None:
    # Given acme's connection expired (the provider refused its refresh) but is not disconnected
    integration_id, account_id = connected_account(sandbox_world)
    ConnectionRepository().update_connection("acme", integration_id, None, {"status": "expired"})
    # Then its admin still sees the accounts it answers for, and corrections wait for a reconnect
    view = admin("acme").get(ACCOUNTS.format(integration_id))
    assert view.status == 200 and [a["accountId"] for a in view.body["accounts"]] == [account_id]
    late = admin("acme").put(ACCOUNTS.format(integration_id), {"accountIds": []})
    assert (late.status, late.error["code"]) == (404, "CONNECTION_NOT_FOUND")


def test_a_correction_that_cannot_be_written_leaves_no_claim_behind(
        sandbox_world: SandboxWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    acme_integration, _ = connected_account(sandbox_world, tenant="acme")
    globex_integration, _ = connected_account(sandbox_world, tenant="globex")
    # Given acme's connection disappears between the claim of a typed id and the write of the list
    monkeypatch.setattr(ConnectionRepository, "set_inbound_accounts", lambda *args, **kwargs: None)
    # When acme's admin types an id nobody holds
    lost = admin("acme").put(ACCOUNTS.format(acme_integration), {"accountIds": ["acct_orphan1"]})
    assert (lost.status, lost.error["code"]) == (404, "CONNECTION_NOT_FOUND")
    monkeypatch.undo()
    # Then the id is not left claimed by a list that was never written: globex may type it
    taken = admin("globex").put(ACCOUNTS.format(globex_integration), {"accountIds": ["acct_orphan1"]})
    assert taken.status == 200, taken.raw_body


def test_a_correction_does_not_bring_back_the_links_of_a_connection_disconnected_meanwhile(
        sandbox_world: SandboxWorld, monkeypatch: pytest.MonkeyPatch) -> None:
    acme_integration, account_id = connected_account(sandbox_world, tenant="acme")
    # Given the connection is disconnected between the correction's read and its write
    read = ConnectionRepository.get_connection

    def read_then_disconnect(self: ConnectionRepository, *args: Any, **kwargs: Any) -> Any:
        found = read(self, *args, **kwargs)
        monkeypatch.setattr(ConnectionRepository, "get_connection", read)
        assert admin("acme").post(f"/api/tenant/integrations/{acme_integration}/disconnect").status in (200, 204)
        return found

    monkeypatch.setattr(ConnectionRepository, "get_connection", read_then_disconnect)
    # When the correction is written, Then it is refused and no link of that connection is back
    late = admin("acme").put(ACCOUNTS.format(acme_integration), {"accountIds": [account_id, "acct_late1"]})
    assert (late.status, late.error["code"]) == (404, "CONNECTION_NOT_FOUND")
    assert InboundRepository().links_of_tenant("acme") == []
    assert InboundRepository().claim(AccountLink("globex", "int_g", "conn_g", "sandbox", "acct_late1", verified=False))
