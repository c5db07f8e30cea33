"""The state transitions of a connection and their side effects, written once.

connect (store), refresh, disconnect and the health job change the record themselves (through
`ConnectionRepository`'s intent-named writes); once a change has been stored they call one of
the transitions here, which tells everyone else through a small hooks interface:

    transition        integration status    health marker   event                    activity  audit
    connected         connected/active      schedule        integration.connected    connect   yes
                                                            (+ integration.recovered when it was in error or expired)
                      (and the provider accounts inbound webhooks attribute to it: linked; disconnected unlinks)
    refreshed         connected (if not)    -               integration.refreshed    (1)       -
                                                            (+ integration.recovered when it was in error)
    grant_expired     error/expired         -               integration.error        refresh   -
    refresh_failed    -                     -               -                        refresh   -
    refresh_gave_up   error/error           -               integration.error        refresh   -
    disconnected      pending/-             unschedule      integration.disconnected disconnect yes
    health_failed     error/error           -               integration.error        -         -
    recovered         connected/active      -               integration.recovered    -         -

(1) the refresh writes its activity line with the record (one transaction, hub.connections.refresh).

Only the tenant's own connection speaks for the integration; a user's connection never moves
its status. Every hook is best effort: the stored change stands, a lost side effect is logged.
Tests swap the hooks with `use_hooks` to observe or break them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Protocol

from hub import clock
from hub.connections.activity import record_activity
from hub.connections.health_repository import schedule_health_check, unschedule_health_check
from hub.connections.record import audit_view
from hub.events import EventPublisher
from hub.inbound.links import link_record, unlink_record
from hub.integrations.repository import IntegrationRepository
from hub.observability import logger
from hub.request import record_change


class LifecycleHooks(Protocol):
    """The side effects of a transition. Each is called at most once per transition."""

    def integration(self, record: Mapping[str, Any], fields: dict[str, Any], *, status: str | None) -> None:
        """Update the integration of a tenant connection: `fields`, plus `status` unless the
        integration is disabled."""

    def health(self, record: Mapping[str, Any], *, scheduled: bool) -> None: ...

    def event(self, event_type: str, record: Mapping[str, Any], fields: dict[str, Any]) -> None: ...

    def activity(self, record: Mapping[str, Any], activity_type: str, status: str,
                 details: dict[str, Any]) -> None: ...

    def audit(self, before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> None: ...

    def accounts(self, record: Mapping[str, Any], *, linked: bool) -> None:
        """Link (or unlink) the provider accounts inbound webhooks attribute to the connection."""


class StoredHooks:
    """The real side effects: the integration item, the health marker, the event bus, the
    activity log and the request's audit record."""

    def integration(self, record: Mapping[str, Any], fields: dict[str, Any], *, status: str | None) -> None:
        repository = IntegrationRepository()
        tenant_id, integration_id = str(record["tenantId"]), str(record["integrationId"])
        changes = {**fields, "updatedAt": clock.iso()}
        if status is not None:
            integration = repository.get_integration(tenant_id, integration_id)
            if integration is None:
                return
            # a disabled integration stays disabled; only its connection status moves
            if integration.get("enabled") is not False and integration.get("status") != "disabled":
                changes["status"] = status
        repository.update_fields(tenant_id, integration_id, changes)

    def health(self, record: Mapping[str, Any], *, scheduled: bool) -> None:
        if scheduled:
            schedule_health_check(record)
        else:
            unschedule_health_check(record)

    def event(self, event_type: str, record: Mapping[str, Any], fields: dict[str, Any]) -> None:
        EventPublisher().publish(
            event_type, str(record["tenantId"]), integrationId=record.get("integrationId"),
            connectionId=record.get("connectionId"), providerId=record.get("providerId"),
            userId=record.get("userId"), **fields,
        )

    def activity(self, record: Mapping[str, Any], activity_type: str, status: str,
                 details: dict[str, Any]) -> None:
        record_activity(str(record["tenantId"]), str(record["integrationId"]), activity_type, status,
                        user_id=record.get("userId"), details={"connectionId": record.get("connectionId"), **details})

    def audit(self, before: Mapping[str, Any] | None, after: Mapping[str, Any]) -> None:
        record_change("connection", str(after.get("connectionId")), before=audit_view(before),
                      after=audit_view(after))

    def accounts(self, record: Mapping[str, Any], *, linked: bool) -> None:
        (link_record if linked else unlink_record)(record)


_hooks: LifecycleHooks = StoredHooks()


@contextmanager
def use_hooks(hooks: LifecycleHooks) -> Iterator[LifecycleHooks]:
    global _hooks
    previous, _hooks = _hooks, hooks
    try:
        yield hooks
    finally:
        _hooks = previous


def _safely(name: str, call: Any, *args: Any, **kwargs: Any) -> None:
    try:
        call(*args, **kwargs)
    except Exception:  # noqa: BLE001 - the transition is stored; its side effect is best effort
        logger.exception("connection side effect failed", extra={"sideEffect": name})


def _integration(record: Mapping[str, Any], fields: dict[str, Any], status: str | None) -> None:
    if not record.get("userId"):
        _safely("integration", _hooks.integration, record, fields, status=status)


def _event(event_type: str, record: Mapping[str, Any], **fields: Any) -> None:
    _safely("event", _hooks.event, event_type, record, fields)


def _activity(record: Mapping[str, Any], activity_type: str, status: str, **details: Any) -> None:
    _safely("activity", _hooks.activity, record, activity_type, status, details)


# ---- the transitions ------------------------------------------------------------------------


def connected(saved: Mapping[str, Any], *, before: Mapping[str, Any] | None, auth_mode: str | None,
              via: str | None) -> None:
    _integration(saved, {"connectionStatus": "active", "lastConnectedAt": clock.iso(), "lastError": None},
                 "connected")
    _safely("health", _hooks.health, saved, scheduled=True)
    _event("integration.connected", saved, via=via)
    _safely("accounts", _hooks.accounts, saved, linked=True)
    _safely("audit", _hooks.audit, before, saved)
    _activity(saved, "connect", "success", authType=auth_mode, via=via)
    _left_error(before or {}, reason="reconnected")


def refreshed(saved: Mapping[str, Any], *, before: Mapping[str, Any], integration: Mapping[str, Any]) -> None:
    if before.get("status") != "active" or integration.get("connectionStatus") != "active":
        _integration(saved, {"connectionStatus": "active", "lastConnectedAt": clock.iso(), "lastError": None,
                             "statusReason": None}, "connected")
    _event("integration.refreshed", saved)
    _left_error(before, reason="refresh succeeded")


def grant_expired(saved: Mapping[str, Any], *, message: str) -> None:
    _integration(saved, {"connectionStatus": "expired", "status": "error", "lastError": message}, None)
    _event("integration.error", saved, reason="invalid_grant")
    _activity(saved, "refresh", "failed", error="invalid_grant")


def refresh_failed(saved: Mapping[str, Any], *, failures: int, transient: bool) -> None:
    _activity(saved, "refresh", "failed", failures=failures, transient=transient)


def refresh_gave_up(saved: Mapping[str, Any], *, message: str) -> None:
    _integration(saved, {"connectionStatus": "error", "status": "error", "lastError": message}, None)
    _event("integration.error", saved, reason="refresh_failed")


def disconnected(before: Mapping[str, Any], saved: Mapping[str, Any], *, reason: str, revoked: bool | None) -> None:
    _safely("health", _hooks.health, saved, scheduled=False)
    _integration(saved, {"connectionStatus": None, "status": "pending", "disconnectedAt": saved.get("disconnectedAt")},
                 None)
    _event("integration.disconnected", saved, reason=reason)
    _safely("accounts", _hooks.accounts, before, linked=False)
    _safely("audit", _hooks.audit, before, saved)
    _activity(before, "disconnect", "success", reason=reason, revokedAtProvider=revoked)


def health_failed(record: Mapping[str, Any], *, reason: str, error: str, failures: int) -> None:
    _integration(record, {"connectionStatus": "error", "statusReason": reason}, "error")
    _event("integration.error", record, reason=reason, previousStatus="active", status="error", errorCode=error,
           consecutiveFailures=failures)


def recovered(record: Mapping[str, Any]) -> None:
    _integration(record, {"connectionStatus": "active", "statusReason": None}, "connected")
    _left_error(record, reason="health check succeeded")


# the statuses that published integration.error: leaving one for active is a recovery
_FAILED_STATUSES = ("error", "expired")


def _left_error(before: Mapping[str, Any], *, reason: str) -> None:
    """The connection went from a failed status back to active (a health check or a refresh
    succeeded, or it was reconnected): `integration.recovered`, the all-clear for the
    `integration.error` it published, whichever transition stored the change."""
    previous = before.get("status")
    if previous in _FAILED_STATUSES:
        _event("integration.recovered", before, reason=reason, previousStatus=previous, status="active")
