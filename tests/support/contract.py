"""Every success answer a test receives is checked against the OpenAPI document: the status
is one the operation declares, and the body fits the declared schema (tests/support/api.py calls
this for every request, so each area suite validates the answers it reaches)."""

from __future__ import annotations

import json
from functools import cache, lru_cache
from typing import Any

import jsonschema

from hub.http.routing import Route
from hub.openapi import build_openapi


@lru_cache(maxsize=1)
def document() -> dict[str, Any]:
    return build_openapi()


@cache
def _validator(path: str, method: str, status: str, media_type: str) -> jsonschema.protocols.Validator | None:
    doc = document()
    response = doc["paths"][path][method]["responses"].get(status)
    assert response is not None, f"{method.upper()} {path} answered {status}, which it does not declare"
    content = response.get("content")
    if not content:
        return None
    assert media_type in content, f"{method.upper()} {path} {status}: answered {media_type}, declares {list(content)}"
    schema = content[media_type].get("schema")
    assert schema, f"{method.upper()} {path} {status}: no response schema"
    # the schema's "#/components/..." references resolve against the document itself
    return jsonschema.Draft202012Validator({**schema, "components": doc["components"]})


def check_success(route: Route, status: int, headers: dict[str, str], raw_body: str) -> None:
    """A 2xx answer is declared by its operation and its body fits the declared schema."""
    if not 200 <= status < 300 or route.passthrough:
        return  # a proxy route answers the provider's answer, documented as such ("default")
    content_type = next((v for k, v in headers.items() if k.lower() == "content-type"), "")
    media_type = content_type.split(";")[0].strip() or "application/json"
    validator = _validator(route.path, route.method.lower(), str(status), media_type)
    if validator is None:
        assert not raw_body, f"{route.key} {status}: declares no content but answered {raw_body[:200]}"
        return
    body = json.loads(raw_body) if media_type == "application/json" else raw_body
    errors = sorted(validator.iter_errors(body), key=lambda e: list(e.path))
    assert not errors, f"{route.key} {status} does not fit its schema: " + "; ".join(
        f"{'/'.join(map(str, e.path)) or '.'}: {e.message[:200]}" for e in errors[:5])
