"""The Route record and matching rules shared by the route table's three readers.

Matching follows API Gateway HTTP APIs: the most specific route wins, literal segments beat
`{param}` segments, and `{proxy+}` greedy params match last.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

ROUTE_TABLE_MODULE = "functions.routes"
# the request header a route with `idempotent=True` honours (hub/http/idempotency.py)
IDEMPOTENCY_HEADER = "idempotency-key"
_PARAM = re.compile(r"^\{([A-Za-z_][A-Za-z0-9_]*)(\+?)\}$")


@dataclass(frozen=True)
class Route:
    method: str
    path: str
    module: str
    roles: tuple[str, ...] = ()
    rate_class: str | None = None
    summary: str = ""
    area: str = "system"
    action: str | None = None  # audit action for mutations, e.g. "integration.create"
    idempotent: bool = False  # honours Idempotency-Key (POSTs that create things)
    tags: tuple[str, ...] = field(default_factory=tuple)
    # AWS access beyond the area's table access (infra/constructs/permissions.py GRANTS)
    grants: tuple[str, ...] = ()
    # the domain's error answers, "<status> <CODE>" (e.g. "404 INTEGRATION_NOT_FOUND"); the
    # pipeline's own (400/401/403/413/415/429, Idempotency-Key) follow from the route itself
    # (hub/http/contract.py); the OpenAPI document lists both
    errors: tuple[str, ...] = ()
    # the request is forwarded as it came (the proxy): any media type, any query parameter, a
    # body up to `proxy_max_payload_bytes`; the hub's JSON-body rules do not apply
    passthrough: bool = False

    @property
    def key(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def public(self) -> bool:
        return not self.roles

    @property
    def is_mutation(self) -> bool:
        return self.method in {"POST", "PUT", "PATCH", "DELETE"}

    @property
    def openapi_path(self) -> str:
        """The path as OpenAPI writes it: `{path+}` is `{path}` (a parameter that may hold slashes)."""
        return self.path.replace("+}", "}")

    @property
    def greedy_param(self) -> str | None:
        """The name of the trailing `{name+}` parameter, if the route has one."""
        last = self.segments()[-1] if self.segments() else ""
        param = _PARAM.match(last)
        return param.group(1) if param and param.group(2) else None

    @property
    def powertools_path(self) -> str:
        """The same path in the event handler's `<param>` syntax."""
        return re.sub(r"\{([^}+]+)\+?\}", r"<\1>", self.path)

    @property
    def function_name(self) -> str:
        """A stable, readable id for the Lambda function (CDK construct id, local invoke name)."""
        return self.module.removeprefix("functions.").replace(".", "-").replace("_", "-")

    def segments(self) -> list[str]:
        return [s for s in self.path.split("/") if s]

    def match(self, method: str, path: str) -> dict[str, str] | None:
        if method.upper() != self.method:
            return None
        wanted = [s for s in path.split("/") if s]
        params: dict[str, str] = {}
        mine = self.segments()
        for i, segment in enumerate(mine):
            param = _PARAM.match(segment)
            if param and param.group(2):  # greedy
                if i >= len(wanted):
                    return None
                params[param.group(1)] = "/".join(wanted[i:])
                return params
            if i >= len(wanted):
                return None
            if param:
                params[param.group(1)] = wanted[i]
            elif segment != wanted[i]:
                return None
        return params if len(wanted) == len(mine) else None

    def specificity(self) -> tuple[int, ...]:
        # literal segments first (2), then plain params (1), greedy last (0)
        return tuple(0 if _PARAM.match(s) and s.endswith("+}") else 1 if _PARAM.match(s) else 2
                     for s in self.segments())


def match_route(routes: Iterable[Route], method: str, path: str) -> tuple[Route, dict[str, str]] | None:
    candidates = []
    for route in routes:
        params = route.match(method, path)
        if params is not None:
            candidates.append((route.specificity(), route, params))
    if not candidates:
        return None
    candidates.sort(key=lambda c: c[0], reverse=True)
    return candidates[0][1], candidates[0][2]


def ambiguous_pairs(routes: Sequence[Route]) -> list[tuple[str, str]]:
    """Routes that API Gateway could not tell apart: same method and same shape."""
    seen: dict[tuple[str, tuple[str, ...]], str] = {}
    clashes = []
    for route in routes:
        shape = tuple("{}" if _PARAM.match(s) else s for s in route.segments())
        marker = (route.method, shape)
        if marker in seen:
            clashes.append((seen[marker], route.key))
        else:
            seen[marker] = route.key
    return clashes


@lru_cache(maxsize=1)
def route_table() -> dict[str, Route]:
    module: Any = importlib.import_module(ROUTE_TABLE_MODULE)
    return {route.key: route for route in module.ROUTES}


def route_for_key(route_key: str) -> Route | None:
    return route_table().get(route_key)


@dataclass(frozen=True)
class Worker:
    """A function that is not behind the HTTP API: a scheduled job, a queue consumer or an
    EventBridge rule target. `functions/workers.py` lists them; the CDK stack and the local
    stack's scheduler/poller read that list."""

    name: str  # stable id, e.g. "refresh-due-connections"
    module: str  # e.g. "functions.jobs.refresh_due_connections"
    trigger: str  # "schedule" | "queue" | "event"
    area: str
    summary: str = ""
    schedule_minutes: int | None = None  # trigger == "schedule"
    queue: str | None = None  # trigger == "queue": logical queue name (functions.workers.QUEUES)
    event_detail_types: tuple[str, ...] = ()  # trigger == "event": detail-types routed to it
    event_sources: tuple[str, ...] = ()  # trigger == "event": sources (default: any but the hub)
    # trigger == "queue": hub events of these detail-types are put on the worker's queue by a rule
    # on the hub bus (the CDK stack and the local stack both build that rule from this field)
    feed_detail_types: tuple[str, ...] = ()
    timeout_seconds: int = 60
    memory_mb: int = 512
    batch_size: int = 10
    grants: tuple[str, ...] = ()  # AWS access beyond the area's table access (infra/constructs/permissions.py)
    reserved_concurrency: int | None = None  # kept for it whatever the API does (issue 15)

    def event_pattern(self, hub_source: str) -> dict[str, Any]:
        """The EventBridge rule pattern that routes events to an event-trigger worker (read by
        the CDK stack and the local stack). Without `event_sources` it takes the detail types
        from any source but the hub itself, so a hub event can never loop back into a consumer."""
        sources: Any = list(self.event_sources) if self.event_sources else [{"anything-but": [hub_source]}]
        return {"source": sources, "detail-type": list(self.event_detail_types)}
