"""Calls handler modules exactly as API Gateway would: route table match, payload v2 event,
verified claims in the request context."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from hub.http import routing
from hub.http.routing import match_route
from local.apigw import invoke
from tests.support.contract import check_success


def claims_for(role: str = "tenant_admin", tenant: str = "acme", user: str = "alice") -> dict[str, Any]:
    return {"sub": user, "tenant_id": tenant, "roles": [role], "email": f"{user}@{tenant}.test"}


@dataclass
class ApiResponse:
    status: int
    headers: dict[str, str]
    raw_body: str
    cookies: tuple[str, ...] = ()  # Set-Cookie values (payload v2 `cookies`)
    base64_encoded: bool = False

    @property
    def content(self) -> bytes:
        """The body as bytes, as API Gateway would send it (base64 decoded)."""
        import base64

        return base64.b64decode(self.raw_body) if self.base64_encoded else self.raw_body.encode("utf-8")

    @property
    def body(self) -> Any:
        return json.loads(self.raw_body) if self.raw_body else None

    @property
    def error(self) -> dict[str, Any]:
        return self.body["error"]  # type: ignore[no-any-return]

    def header(self, name: str) -> str | None:
        for key, value in self.headers.items():
            if key.lower() == name.lower():
                return value
        return None


class ApiClient:
    def __init__(self, role: str | None = "tenant_admin", tenant: str = "acme", user: str = "alice") -> None:
        self.default_claims = claims_for(role, tenant, user) if role else None

    def as_(self, role: str | None, tenant: str = "acme", user: str = "alice") -> ApiClient:
        return ApiClient(role, tenant, user)

    def request(
        self,
        method: str,
        path: str,
        *,
        json_body: Any = None,
        body: str | bytes | None = None,
        query: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        claims: dict[str, Any] | bool | None = True,
    ) -> ApiResponse:
        if json_body is not None:
            body = json.dumps(json_body)
            headers = {"content-type": "application/json", **(headers or {})}
        if claims is True:
            use_claims = self.default_claims
        elif claims is False:
            use_claims = None
        else:
            use_claims = claims  # type: ignore[assignment]
        try:
            result = invoke(method, path.split("?")[0], query={k: str(v) for k, v in (query or {}).items()} or None,
                            headers=headers, body=body, claims=use_claims)
        except LookupError as error:
            raise AssertionError(str(error)) from None
        response = ApiResponse(int(result["statusCode"]), dict(result.get("headers") or {}),
                               result.get("body") or "", tuple(result.get("cookies") or ()),
                               bool(result.get("isBase64Encoded")))
        found = match_route(routing.route_table().values(), method, path.split("?")[0])
        if found is not None:  # every 2xx answer is held to the OpenAPI document
            check_success(found[0], response.status, response.headers, response.raw_body)
        return response

    def get(self, path: str, **kwargs: Any) -> ApiResponse:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, json_body: Any = None, **kwargs: Any) -> ApiResponse:
        return self.request("POST", path, json_body=json_body, **kwargs)

    def patch(self, path: str, json_body: Any = None, **kwargs: Any) -> ApiResponse:
        return self.request("PATCH", path, json_body=json_body, **kwargs)

    def put(self, path: str, json_body: Any = None, **kwargs: Any) -> ApiResponse:
        return self.request("PUT", path, json_body=json_body, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> ApiResponse:
        return self.request("DELETE", path, **kwargs)
