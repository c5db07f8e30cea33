"""The OpenAPI document, merged from every handler module's part.

The route table says which modules exist; each module's app documents its own route (validated
body model, response model) through a Powertools resolver built for the document only
(hub/http/openapi_bridge.py); Powertools' OpenAPIMerge merges them. Then what only the hub
knows is written in: stable short operationIds, query parameters from the same pydantic models
the handlers validate with (types, bounds, defaults, descriptions), path parameter
descriptions, the Idempotency-Key header, security and roles per operation, every error status
the route can answer (hub/http/contract.py) with the error envelope schema, and 204/302 answers
as what they are. Powertools' generic 422 is dropped: the hub never answers it except for a
reused Idempotency-Key.

Deployed, the openapi function reads `functions/openapi.json`, written into its asset at synth
time (the asset holds no other handler). Locally and in tests the document is merged live;
docs/openapi.json is the committed copy (`make openapi`), kept equal by a test.
"""

from __future__ import annotations

import importlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from hub.http.contract import DESCRIPTIONS, RouteShape, route_errors
from hub.http.responses import to_json
from hub.http.routing import route_table
from hub.system import VERSION

TITLE = "Integration Hub API"
BUNDLED_NAME = "openapi.json"
ENVELOPE = "ErrorEnvelope"
# Powertools' schemas for the validation errors it would answer; the hub answers the envelope
POWERTOOLS_ERROR_SCHEMAS = ("HTTPValidationError", "ValidationError", "ResponseValidationError")

TAGS = {
    "system": "Liveness, readiness and this document (public)",
    "providers": "Super admin: the providers the platform offers, from built-in templates",
    "catalog": "What a tenant may connect",
    "integrations": "A tenant's integration instances (one per provider)",
    "audit": "Who changed what",
    "connections": "A tenant's connection to a provider: OAuth, API key, basic, custom credentials",
    "oauth": "Browser redirects of the OAuth flow (public)",
    "user_connections": "A user's own connections to user-scoped integrations",
    "health": "Connection health checks",
    "sync": "Sync runs and their logs",
    "search": "Search across the tenant's integrations",
    "widgets": "Dashboard widgets: status, activity, provider data",
    "webhooks": "Signed outgoing webhooks (Standard Webhooks)",
    "inbound": "Provider webhooks in: verified by the provider's scheme, attributed to connections, forwarded",
    "inbound_events": "Provider events too large for the bus: their payloads, for the tenants they went to",
    "proxy": "Any provider API call through a connection: the provider's answer as it is (docs/proxy.md)",
    "connect": "Connect sessions and the hosted connect page's calls (authenticated by the session's token)",
    "connect_page": "The hosted connect page and the session it reads (public; the session's token)",
}

# public to the JWT authorizer, authenticated by a connect session's token (hub/sessions)
CONNECT_SESSION_PATHS = "/api/connect/"
_PROVIDER_PATHS = ("/api/admin/integrations/{category}/{id}", "/api/integrations/{category}/{id}")
PATH_PARAMETERS = {
    "category": "The provider's category (e.g. `crm`)",
    "tenantId": "The tenant's id",
    "webhookId": "The webhook endpoint's id (`wh_…`)",
    "deliveryId": "The delivery's id (`whd_…`)",
    "providerId": "The provider's id (e.g. `shopify`)",
    "integrationId": "The tenant's integration the provider's webhooks belong to",
    "path": "The provider API path below its base URL (slashes allowed; `..`, encoded dots and absolute URLs "
            "are refused)",
}

# the public OAuth redirects read what the provider (or the connect answer) put in the URL
PUBLIC_QUERY = {
    "GET /api/integrations/oauth/start": {"flow": "The flow id from the connect answer's authorization URL",
                                          "confirm": "The Continue link's one-time value (same browser only)"},
    "GET /api/integrations/oauth/callback": {
        "state": "The state the hub sent to the provider", "code": "The authorization code",
        "error": "The provider's error code", "error_description": "The provider's error text (never reflected)",
        "iss": "The authorization server's issuer (RFC 9207)",
    },
}
IDEMPOTENCY_HEADER = {
    "name": "Idempotency-Key", "in": "header", "required": False,
    "description": "Replays the first successful answer for the same key and body (24 h); another body "
                   "with the same key answers 422, a request still in flight 409",
    "schema": {"type": "string", "minLength": 1, "maxLength": 255},
}


def operation_id(module: str) -> str:
    """`functions.connections.connect_oauth` → `connections_connectOauth`: short and stable."""
    area, _, leaf = module.removeprefix("functions.").partition(".")
    first, *rest = leaf.split("_")
    return f"{_camel(area)}_{first}{''.join(word.capitalize() for word in rest)}"


def _camel(name: str) -> str:
    first, *rest = name.split("_")
    return first + "".join(word.capitalize() for word in rest)


def build_openapi() -> dict[str, Any]:
    from aws_lambda_powertools.event_handler.openapi.merge import OpenAPIMerge


    merger = OpenAPIMerge(
        title=TITLE,
        version=VERSION,
        description=(
            "Multi-tenant integration hub: provider catalog, encrypted credentials, OAuth2, "
            "token refresh, health checks, events and signed webhooks. Every error answers "
            '`{"error": {"code", "message", "details", "requestId"}}`; every answer carries '
            "`X-Request-Id`, and rate-limited routes `X-RateLimit-Limit`, `X-RateLimit-Remaining`, "
            "`X-RateLimit-Reset`."
        ),
        security=[{"bearerAuth": []}],
        on_conflict="error",
    )
    routes = route_table()
    modules = {name: importlib.import_module(name) for name in sorted({r.module for r in routes.values()})}
    for module in modules.values():
        merger.add_schema(module.app.get_openapi_schema())
    # one JSON round trip turns Powertools' enums ("ParameterInType.query") into their values
    document: dict[str, Any] = json.loads(to_json(merger.get_openapi_schema()))
    components = document.setdefault("components", {})
    components["securitySchemes"] = {
        "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"},
        "connectSession": {"type": "http", "scheme": "bearer", "description": "A connect session's token (POST "
                           "/api/tenant/connect-sessions): the hosted connect page's only credential"},
    }
    schemas = components.setdefault("schemas", {})
    for name in POWERTOOLS_ERROR_SCHEMAS:
        schemas.pop(name, None)
    schemas[ENVELOPE] = _envelope_schema()
    for route in routes.values():
        operation = document.get("paths", {}).get(route.openapi_path, {}).get(route.method.lower())
        if operation is not None:
            _complete(operation, route, modules[route.module].app, schemas)
    document["tags"] = [{"name": name, "description": text} for name, text in TAGS.items()]
    return document


def _complete(operation: dict[str, Any], route: Any, app: Any, schemas: dict[str, Any]) -> None:
    # a module serving several methods (the proxy) gets one operation id per method, and per
    # last path segment when it serves one method on several paths (the webhook intake); the
    # path a greedy route's parent stands for (the proxy's API base URL) is its `Root`
    siblings = [other for other in route_table().values() if other.module == route.module]
    suffix = route.method.capitalize() if len(siblings) > 1 else ""
    same_method = [other for other in siblings if other.method == route.method]
    if len(same_method) > 1 and route.greedy_param is None:
        if any(other.greedy_param and other.path.rsplit("/", 1)[0] == route.path for other in same_method):
            suffix += "Root"
        else:
            last = route.segments()[-1].strip("{}+")
            suffix += last[:1].upper() + _camel(last)[1:]
    operation["operationId"] = operation_id(route.module) + suffix
    operation["tags"] = [route.area]
    operation["security"] = ([{"connectSession": []}] if route.path.startswith(CONNECT_SESSION_PATHS)
                             else [] if route.public else [{"bearerAuth": []}])
    operation["x-roles"] = list(route.roles)
    if route.rate_class:
        operation["x-rate-class"] = route.rate_class
    query_model = _query_model(app, route.method)
    parameters = [p for p in operation.get("parameters", []) if p.get("in") != "query"]
    for parameter in parameters:
        if parameter.get("in") == "path":
            parameter["description"] = _path_description(route.path, parameter["name"])
            # a handler that constrains its path parameter (the public webhook intake) keeps it
            declared = parameter.get("schema") or {}
            parameter["schema"] = {"type": "string", "minLength": 1,
                                   **{k: declared[k] for k in ("pattern", "maxLength") if k in declared}}
    if query_model is not None:
        parameters.extend(query_parameters(query_model, schemas))
    for name, text in PUBLIC_QUERY.get(route.key, {}).items():
        parameters.append({"name": name, "in": "query", "required": False, "description": text,
                           "schema": {"type": "string", "maxLength": 2048}})
    if route.idempotent:
        parameters.append(dict(IDEMPOTENCY_HEADER))
    if parameters:
        operation["parameters"] = parameters
    else:
        operation.pop("parameters", None)
    responses = operation.setdefault("responses", {})
    responses.pop("422", None)
    responses.pop("500", None)  # Powertools' answer-mismatch schema: the hub answers its envelope (hub/http/app.py)
    if route.passthrough:
        _passthrough(operation, route, responses)
    for status, response in responses.items():
        if status == "204":
            responses[status] = {"description": "Done; no content"}
        elif status == "302":
            response.pop("content", None)
            response["headers"] = {"Location": {"description": "Where the browser goes next",
                                                "schema": {"type": "string"}}}
        else:
            response["description"] = "Success" if response.get("description") == "Successful Response" \
                else response.get("description", "Success")
    shape = RouteShape(has_body="requestBody" in operation, has_query=query_model is not None or
                       route.key in PUBLIC_QUERY, has_refusable_path=app.refuses_path(route.method, route.path))
    for status, codes in route_errors(route, shape).items():
        responses[str(status)] = {
            "description": f"{DESCRIPTIONS[status]}. Codes: {', '.join(codes)}",
            "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ENVELOPE}"}}},
        }
    operation["responses"] = dict(sorted(responses.items()))


_PROVIDER_ANSWER = {
    "description": "The provider's answer as it came: its status, body (any media type) and allow-listed "
                   "headers, with X-Hub-Attempts, X-Hub-Refreshed and X-Hub-Provider-Latency-Ms (docs/proxy.md)",
    "headers": {name: {"description": text, "schema": {"type": "string"}} for name, text in (
        ("X-Hub-Attempts", "How many times the request was sent"),
        ("X-Hub-Refreshed", "true when the token was refreshed after a 401"),
        ("X-Hub-Provider-Latency-Ms", "Time spent waiting for the provider"))},
    "content": {"application/json": {"schema": {}},  # any media type: these two are what generators type
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}},
}


# what a caller sends: a JSON object, or any bytes (an untyped `{}` schema makes the Python
# client's generated code test `isinstance(body, Any)`, a TypeError; an object-or-array one tests
# a parameterized `list[Any]`, a TypeError too)
_PROVIDER_REQUEST = {
    "application/json": {"schema": {"type": "object", "additionalProperties": True}},
    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
}


def _passthrough(operation: dict[str, Any], route: Any, responses: dict[str, Any]) -> None:
    """A proxy route: any body goes in, and the provider's answer, whatever its status, comes out."""
    responses.clear()
    responses["default"] = _PROVIDER_ANSWER
    if route.method in ("POST", "PUT", "PATCH"):
        operation["requestBody"] = {"required": False, "description": "Sent to the provider as it is (any media "
                                    "type)", "content": _PROVIDER_REQUEST}
    operation["parameters"] = [*operation.get("parameters", []), *(
        {"name": name, "in": "header", "required": False, "description": text, "schema": {"type": "string"}}
        for name, text in (("X-Hub-Retry", "true: retry this POST/PATCH too; false: never retry"),
                           ("X-Hub-Aws-Service", "AWS connections: the service to sign for (e.g. s3)"),
                           ("X-Hub-Aws-Region", "AWS connections: the region (default: the connection's)")))]


def _path_description(path: str, name: str) -> str:
    if name == "id":
        if path.startswith(_PROVIDER_PATHS):
            return "The provider's id (e.g. `hubspot`)"
        return "The integration instance's id"
    return PATH_PARAMETERS.get(name, name)


def _query_model(app: Any, method: str) -> Any:
    """The pydantic model the handler takes its query string with (Annotated[Model, Query()])."""
    return app.query_model(method)


def query_parameters(model: Any, schemas: dict[str, Any]) -> list[dict[str, Any]]:
    """One OpenAPI parameter per model field, with the model's own JSON schema for it."""
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    for name, definition in schema.get("$defs", {}).items():
        schemas.setdefault(name, definition)
    required = set(schema.get("required", []))
    parameters = []
    for name, field_schema in schema.get("properties", {}).items():
        field_schema = _without_null(field_schema)
        description = field_schema.pop("description", None) or _describe(name)
        parameters.append({"name": name, "in": "query", "required": name in required,
                           "description": description, "schema": field_schema})
    return parameters


def _without_null(schema: dict[str, Any]) -> dict[str, Any]:
    """An optional query parameter is left out, never sent as null: document the value's type."""
    schema = {k: v for k, v in schema.items() if k != "title" and not (k == "default" and v is None)}
    options = [option for option in schema.get("anyOf", []) if option != {"type": "null"}]
    if "anyOf" in schema and len(options) == 1:
        del schema["anyOf"]
        schema.update(options[0])
    elif "anyOf" in schema:
        schema["anyOf"] = options
    return schema


_COMMON_QUERY = {
    "limit": "Page size", "offset": "How many items to skip", "sortBy": "Field to sort by",
    "sortOrder": "Sort direction", "search": "Case-insensitive text to look for", "status": "Only this status",
}


def _describe(name: str) -> str:
    return _COMMON_QUERY.get(name, f"Filter: only items whose `{name}` matches")


def _envelope_schema() -> dict[str, Any]:
    return {
        "type": "object",
        "title": ENVELOPE,
        "description": "Every error the hub answers",
        "required": ["error"],
        "properties": {
            "error": {
                "type": "object",
                "required": ["code", "message", "details", "requestId"],
                "properties": {
                    "code": {"type": "string", "description": "Stable, machine-readable (e.g. VALIDATION_ERROR)"},
                    "message": {"type": "string", "description": "For people; never carries a credential"},
                    "details": {"description": "Field errors (a list) or facts about the error (an object)",
                                "anyOf": [{"type": "object"}, {"type": "array", "items": {}}]},
                    "requestId": {"type": ["string", "null"], "description": "Also in the X-Request-Id header"},
                },
            }
        },
    }


@lru_cache(maxsize=1)
def openapi_document() -> dict[str, Any]:
    import functions

    bundled = Path(functions.__file__).resolve().parent / BUNDLED_NAME
    if bundled.exists():
        return json.loads(bundled.read_text())  # type: ignore[no-any-return]
    return build_openapi()
