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
    # how many of `changes` the audit record a domain write carried holds (None: none carried)
    audit_carried: int | None = None

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


@dataclass(frozen=True)
class CarriedAudit:
    """This request's audit record, for a domain write to store in its own transaction (one
    DynamoDB write fewer per request). Call `written()` once that write has succeeded: the
    pipeline then writes no second record, unless changes are recorded after this one was built."""

    item: dict[str, Any]
    changes: int

    def written(self) -> None:
        current_request().audit_carried = self.changes


def carried_audit() -> CarriedAudit | None:
    """The audit record the pipeline would write if the request succeeds, or None outside an
    audited request (jobs, reads, public routes). It records the request's success (200)."""
    state = current_request()
    if state.build_audit is None:
        return None
    return CarriedAudit(state.build_audit(), len(state.changes))
