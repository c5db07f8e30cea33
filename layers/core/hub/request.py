"""Per-request state the pipeline sets and the domain may read (caller, request id, audit diff).

It lives outside `hub.http` so that domain code can record its changes without importing the
HTTP layer; `hub.http.context` re-exports it for the pipeline and handlers."""

from __future__ import annotations

from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from hub.errors import Unauthorized
from hub.principal import Principal


@dataclass
class RequestState:
    request_id: str
    route_key: str
    principal: Principal | None = None
    source_ip: str | None = None
    user_agent: str | None = None
    changes: list[dict[str, Any]] = field(default_factory=list)
    audit_action: str | None = None
    audit_target: dict[str, Any] = field(default_factory=dict)
    # set by the pipeline on a request it audits: builds the audit record as it stands now
    build_audit: Callable[[], dict[str, Any]] | None = None
    # what the audit record a domain write carried holds (`audit_fingerprint`; None: none carried)
    audit_carried: tuple[Any, ...] | None = None

    def require_principal(self) -> Principal:
        if self.principal is None:
            raise Unauthorized()
        return self.principal


_current: ContextVar[RequestState | None] = ContextVar("hub_request", default=None)


def set_request(state: RequestState | None) -> None:
    _current.set(state)


def current_request() -> RequestState:
    state = _current.get()
    if state is None:
        # outside the HTTP pipeline (jobs, tests calling domain code directly)
        state = RequestState(request_id="-", route_key="-")
        _current.set(state)
    return state


def current_principal() -> Principal:
    return current_request().require_principal()


def record_change(
    target_type: str,
    target_id: str,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    action: str | None = None,
) -> None:
    """Domain code calls this on a mutation; the pipeline writes it into the audit record."""
    state = current_request()
    state.changes.append(
        {"targetType": target_type, "targetId": target_id, "before": before, "after": after}
    )
    if action:
        state.audit_action = action


def audit_fingerprint(state: RequestState) -> tuple[Any, ...]:
    """What a request's audit record is made of, beyond ids and times."""
    return len(state.changes), state.audit_action, repr(sorted(state.audit_target.items()))


@dataclass(frozen=True)
class CarriedAudit:
    """This request's audit record, for the request's own operation to store in its final
    transaction (one DynamoDB write fewer per request). Call `written()` once that write has
    succeeded: the pipeline then writes no second record, unless the request answers other than
    200 or records more (changes, target facts) after this one was built."""

    item: dict[str, Any]
    fingerprint: tuple[Any, ...]

    def written(self) -> None:
        current_request().audit_carried = self.fingerprint


def carried_audit() -> CarriedAudit | None:
    """The audit record the pipeline would write if the request succeeds (200), or None outside
    an audited request (jobs, reads, public routes). Only the operation the request is for may
    carry it (a refresh on the way to a proxied call must not: the call's facts come later)."""
    state = current_request()
    if state.build_audit is None:
        return None
    return CarriedAudit(state.build_audit(), audit_fingerprint(state))
