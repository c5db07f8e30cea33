"""The request pipeline every HTTP handler goes through, written once.

Order matters and mirrors what a caller expects: an event of a shape API Gateway never builds
(400, before anything reads it: hub/http/event.py) → route → body size (413) → authentication
(401) → authorization by the route's roles (403) → per-tenant rate limit (429) → idempotent
replay → validation and the handler (400 / domain errors) → audit of successful mutations →
rate-limit and request-id headers on every response, errors included.
"""

from __future__ import annotations

import base64
from typing import Any

from hub.audit import AuditRepository
from hub.errors import HubError, PayloadTooLarge, RateLimitExceeded, RouteNotFound, ValidationError
from hub.http.context import RequestState, set_request
from hub.http.event import event_problems, sent_request_id
from hub.http.rate_limit import RateLimiter
from hub.http.responses import error_response
from hub.http.routing import IDEMPOTENCY_HEADER, Route, route_for_key
from hub.ids import new_id
from hub.observability import count_swallowed, logger
from hub.principal import principal_from_event, require_roles
from hub.request import audit_fingerprint
from hub.settings import get_settings


def header(event: dict[str, Any], name: str) -> str | None:
    for key, value in (event.get("headers") or {}).items():
        if key.lower() == name:
            return value  # type: ignore[no-any-return]
    return None


def body_size(event: dict[str, Any]) -> int:
    body = event.get("body") or ""
    if event.get("isBase64Encoded"):
        try:
            return len(base64.b64decode(body))
        except ValueError:
            return len(body)
    return len(body.encode("utf-8"))


def below_base_path(event: dict[str, Any], route: Route) -> dict[str, Any]:
    """The event with its path as the route table knows it. Behind a custom domain whose API
    mapping has a base path (the public API URL's path, e.g. `/hub`), the path can arrive with
    that base in front (`/hub/api/...`); API Gateway matched the route below it, and so must the
    handler's resolver. A path that is already the route's (the execute-api URL, or a base such as
    `/api` that is also a route's first segment) is left as it is."""
    base = get_settings().public_base_path
    raw = str(event.get("rawPath") or "")
    if not base or not raw.startswith(base + "/") or route.match(route.method, raw) is not None:
        return event
    path = raw[len(base):]
    if route.match(route.method, path) is None:
        return event
    request_context = event.get("requestContext") or {}
    http = {**(request_context.get("http") or {}), "path": path}
    return {**event, "rawPath": path, "requestContext": {**request_context, "http": http}}


def _resolve(app: Any, event: dict[str, Any], context: Any, route: Route, state: RequestState) -> dict[str, Any]:
    key = header(event, IDEMPOTENCY_HEADER)
    if route.idempotent and key is not None and state.principal is not None:
        from hub.http.idempotency import run_idempotent  # Powertools' idempotency only where used

        return run_idempotent(
            tenant_id=state.principal.tenant_id,
            caller_id=state.principal.user_id,
            route_key=route.key,
            path=str(event.get("rawPath") or ""),
            idempotency_key=key,
            body=event.get("body"),
            execute=lambda: app.resolve(event, context),
            lambda_context=context,
        )
    return app.resolve(event, context)  # type: ignore[no-any-return]


def _audit_record(route: Route, state: RequestState, event: dict[str, Any], status_code: int) -> dict[str, Any]:
    principal = state.require_principal()
    path_params = event.get("pathParameters") or {}
    # super admins acting on a tenant's data through /api/admin/tenants/{tenantId}/... are
    # recorded under that tenant, so the tenant sees what was done to it
    tenant_id = path_params.get("tenantId") or principal.tenant_id
    return AuditRepository().build(
        tenant_id=tenant_id,
        actor=principal.as_actor(),
        action=state.audit_action or route.action or route.key,
        target={"route": route.key, **state.audit_target, "pathParameters": path_params},
        request_id=state.request_id,
        changes=state.changes,
        status_code=status_code,
        source_ip=state.source_ip,
    )


def _audit(route: Route, state: RequestState, event: dict[str, Any], response: dict[str, Any]) -> None:
    """The audit record of a successful mutation, unless the domain's own write carried it
    (hub.request.carried_audit: the refresh's final transaction does) with every change since."""
    status = int(response.get("statusCode", 200))
    if state.principal is None or (state.audit_carried == audit_fingerprint(state) and status == 200):
        return
    try:
        AuditRepository().store(_audit_record(route, state, event, status))
    except Exception:  # noqa: BLE001 - the mutation happened; a lost audit line is logged loudly
        logger.exception("audit record not written", extra={"route": route.key})
        count_swallowed("AuditNotWritten")


def handle_http(app: Any, event: dict[str, Any], context: Any) -> dict[str, Any]:
    problems = event_problems(event)
    if problems:  # a shape API Gateway never builds: nothing below may read it
        request_id = sent_request_id(event) or new_id()
        logger.warning("malformed event", extra={"fields": [problem["field"] for problem in problems]})
        error = ValidationError("The event is not an API Gateway HTTP API (payload 2.0) request", details=problems)
        return _with_request_id(error_response(error, request_id), request_id)
    request_context = event.get("requestContext") or {}
    request_id = request_context.get("requestId") or new_id()
    route_key = event.get("routeKey") or request_context.get("routeKey") or ""
    http = request_context.get("http") or {}
    state = RequestState(
        request_id=request_id,
        route_key=route_key,
        source_ip=http.get("sourceIp"),
        user_agent=http.get("userAgent"),
    )
    set_request(state)
    extra_headers: dict[str, str] = {}
    try:
        route = route_for_key(route_key)
        if route is None:
            raise RouteNotFound()
        settings = get_settings()
        # a passthrough body is measured as Lambda carries it (base64 included): its limit is Lambda's
        size, limit = ((len(event.get("body") or ""), settings.proxy_max_payload_bytes) if route.passthrough
                       else (body_size(event), settings.max_body_bytes))
        if size > limit:
            raise PayloadTooLarge(details={"maxBytes": limit})
        if not route.public:
            state.principal = principal_from_event(event)
            logger.append_keys(tenant_id=state.principal.tenant_id, user_id=state.principal.user_id)
            require_roles(state.principal, route.roles)
            if route.rate_class:
                extra_headers.update(RateLimiter().hit(state.principal.tenant_id, route.rate_class).headers())
            if route.is_mutation:
                state.build_audit = lambda: _audit_record(route, state, event, 200)
        response = _resolve(app, below_base_path(event, route), context, route, state)
        status = int(response.get("statusCode", 200))
        replayed = (response.get("headers") or {}).get("Idempotent-Replayed") == "true"
        if route.is_mutation and 200 <= status < 300 and not replayed:
            _audit(route, state, event, response)
    except RateLimitExceeded as error:
        extra_headers.update(error.headers)
        response = error_response(error, request_id)
    except HubError as error:
        response = error_response(error, request_id)
    except Exception:  # noqa: BLE001 - the caller gets the envelope, never a stack trace
        logger.exception("unhandled error", extra={"route": route_key})
        response = error_response(HubError(), request_id)
    finally:
        set_request(None)
    return _with_request_id(response, request_id, extra_headers)


def _with_request_id(response: dict[str, Any], request_id: str, extra_headers: dict[str, str] | None = None,
                     ) -> dict[str, Any]:
    response["headers"] = {**(response.get("headers") or {}), **(extra_headers or {}), "X-Request-Id": request_id}
    if int(response.get("statusCode", 200)) == 204:
        _without_content(response)
    return response


def _without_content(response: dict[str, Any]) -> None:
    """A 204 has no body, so it names no content type (RFC 9110 §15.3.5)."""
    response["body"] = ""
    response["headers"] = {k: v for k, v in response["headers"].items() if k.lower() != "content-type"}
