"""Per-request state the pipeline sets and the domain may read (caller, request id, audit diff).

It lives outside `hub.http` so that domain code can record its changes without importing the
HTTP layer; `hub.http.context` re-exports it for the pipeline and handlers."""

from __future__ import annotations

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
