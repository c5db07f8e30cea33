"""The OpenAPI document, merged from every handler module's resolver.

The route table says which modules exist; each module's Powertools resolver documents its own
route (validated models, responses); Powertools' OpenAPIMerge merges them. The table then adds
what only it knows: which routes are public, which roles and which rate class apply.

Deployed, the openapi function reads `functions/openapi.json`, written into its asset at synth
time (the asset holds no other handler). Locally and in tests the document is merged live.
"""

from __future__ import annotations

import importlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from hub.http.routing import route_table
from hub.system import VERSION

TITLE = "Integration Hub API"
BUNDLED_NAME = "openapi.json"


def build_openapi() -> dict[str, Any]:
    from aws_lambda_powertools.event_handler.openapi.merge import OpenAPIMerge


    merger = OpenAPIMerge(
        title=TITLE,
        version=VERSION,
        description=(
            "Multi-tenant integration hub: provider catalog, encrypted credentials, OAuth2, "
            "token refresh, health checks, events and signed webhooks. Every error answers "
            '`{"error": {"code", "message", "details", "requestId"}}`.'
        ),
        security=[{"bearerAuth": []}],
        on_conflict="error",
    )
    routes = route_table()
    for module_name in sorted({route.module for route in routes.values()}):
        module: Any = importlib.import_module(module_name)
        merger.add_schema(module.app.get_openapi_schema())
    document = merger.get_openapi_schema()
    document.setdefault("components", {})["securitySchemes"] = {
        "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
    }
    for route in routes.values():
        operation = document.get("paths", {}).get(route.path, {}).get(route.method.lower())
        if operation is None:
            continue
        if route.public:
            operation["security"] = []
        operation["x-roles"] = list(route.roles)
        if route.rate_class:
            operation["x-rate-class"] = route.rate_class
        if route.idempotent:
            operation["x-idempotency-key"] = "Idempotency-Key header replays the first successful response"
    return document


@lru_cache(maxsize=1)
def openapi_document() -> dict[str, Any]:
    import functions

    bundled = Path(functions.__file__).resolve().parent / BUNDLED_NAME
    if bundled.exists():
        return json.loads(bundled.read_text())  # type: ignore[no-any-return]
    return build_openapi()
