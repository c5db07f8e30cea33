"""The proxy handlers' two conversions: API Gateway's event to a ProxyRequest, and a
ProxyResponse to the resolver's Response (bytes, which Powertools base64-encodes)."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from hub.errors import ValidationError
from hub.http.event import Response
from hub.proxy.service import ProxyRequest, ProxyResponse


def proxy_request_of(event: Any, path: str) -> ProxyRequest:
    body: bytes | None = None
    if event.body:
        if event.is_base64_encoded:
            try:
                body = base64.b64decode(event.body, validate=True)
            except (binascii.Error, ValueError):
                raise ValidationError("The body is not valid base64", details={"field": "body"}) from None
        else:
            body = event.body.encode("utf-8", "surrogateescape")
    # API Gateway's own `{path+}` value is percent-decoded once; the resolver's match runs on the
    # raw path, which API Gateway may hand over still encoded
    decoded = (event.path_parameters or {}).get("path") or path
    return ProxyRequest(method=event.http_method, path=decoded, raw_query=event.raw_query_string or "",
                        headers=dict(event.headers or {}), body=body)


def to_response(answer: ProxyResponse) -> Response[bytes]:
    # the media type goes in as a lower-case header: Powertools re-serializes a body it takes for
    # JSON (`Content-Type` application/json), and the provider's bytes must pass untouched
    # (base64 through API Gateway)
    return Response(status_code=answer.status, body=answer.body,
                    headers={**answer.headers, "content-type": answer.content_type})
