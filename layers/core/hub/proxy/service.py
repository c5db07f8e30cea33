"""The proxy: a caller's request to a provider's API, made through its connection
(docs/proxy.md). `/api/tenant/integrations/{id}/proxy/{path+}` goes through the tenant's
connection, `/api/user/integrations/{id}/proxy/{path+}` through the caller's own connection of a
user-scoped integration. The provider's status and body come back as they are, with
`X-Hub-Attempts`, `X-Hub-Refreshed` and `X-Hub-Provider-Latency-Ms`; an error the hub itself
answers is the error envelope (and has no `X-Hub-Attempts`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hub.connections.activity import record_activity
from hub.errors import IntegrationNotFound, PayloadTooLarge, ValidationError
from hub.observability import metrics
from hub.principal import Principal
from hub.proxy import auth, core, headers, paths
from hub.proxy.models import ProviderAnswer, ProviderCall
from hub.request import current_request
from hub.search.access import require_enabled
from hub.settings import get_settings

RETRY_HEADER = "x-hub-retry"
AWS_SERVICE_HEADER = "x-hub-aws-service"
AWS_REGION_HEADER = "x-hub-aws-region"
_TEXT_TYPES = ("text/", "application/json", "application/xml", "application/javascript")


@dataclass(frozen=True)
class ProxyRequest:
    """The caller's request as API Gateway handed it over."""

    method: str
    path: str  # the `{path+}` value, percent-decoded once; "" for the API base URL itself
    raw_query: str
    headers: Mapping[str, str]
    body: bytes | None


@dataclass(frozen=True)
class ProxyResponse:
    status: int
    headers: dict[str, str]
    body: bytes
    content_type: str


def _header(given: Mapping[str, str], name: str) -> str | None:
    return next((value for key, value in given.items() if key.lower() == name), None)


def _retry_choice(given: Mapping[str, str]) -> bool | None:
    value = _header(given, RETRY_HEADER)
    if value is None:
        return None
    if value.lower() not in ("true", "false"):
        raise ValidationError("X-Hub-Retry must be true or false", details={"field": "X-Hub-Retry"})
    return value.lower() == "true"


def _target(principal: Principal, integration_id: str, *, user_scoped: bool) -> tuple[dict[str, Any], Any]:
    integration, spec = core.integration_and_spec({"tenantId": principal.tenant_id, "integrationId": integration_id})
    if user_scoped and not integration.get("userScoped"):
        raise IntegrationNotFound(details={"id": integration_id})
    if integration.get("userScoped") and not user_scoped:
        raise ValidationError("This integration is user-scoped: call it through /api/user/integrations/{id}/proxy/",
                              code="USER_SCOPED_INTEGRATION", details={"integrationId": integration_id})
    require_enabled(integration)
    if spec.provider.get("status") not in ("active", "beta"):
        raise ValidationError("The provider of this integration is not available", code="PROVIDER_DISABLED",
                              details={"providerId": spec.provider_id})
    return integration, spec


def proxy_call(principal: Principal, integration_id: str, request: ProxyRequest, *,
               user_scoped: bool) -> ProxyResponse:
    """Make the caller's request through the connection; the provider's answer as it is."""
    integration, spec = _target(principal, integration_id, user_scoped=user_scoped)
    template = spec.template
    drop = [template.api.api_key_name] if template and template.api.api_key_in == "query" and \
        template.api.api_key_name else []
    auth_headers = [template.api.auth_header] if template else []
    # no path (`.../proxy`): the provider's API base URL itself
    path = paths.provider_path(request.path) if request.path else ""
    aws = auth.aws_target(spec, _header(request.headers, AWS_SERVICE_HEADER),
                          _header(request.headers, AWS_REGION_HEADER)) if auth.is_aws(spec) else None
    call = ProviderCall(
        method=request.method.upper(),  # type: ignore[arg-type]
        path=path,
        query=paths.query_pairs(request.raw_query, drop=drop),
        headers=headers.request_headers(request.headers, auth_headers=auth_headers),
        body=request.body or None,
        retry=_retry_choice(request.headers),
        aws=aws,
        path_template=paths.path_template(path),
    )
    user_id = principal.user_id if user_scoped else None
    connection = {"tenantId": principal.tenant_id, "integrationId": integration_id, "userId": user_id}
    answer = core.call_provider_api(connection, call, integration=integration, spec=spec)
    _observe(principal, integration_id, spec.provider_id, call, answer, user_id)
    return _response(answer)


def _response(answer: ProviderAnswer) -> ProxyResponse:
    content_type = answer.header("content-type") or "application/octet-stream"
    textual = content_type.lower().startswith(_TEXT_TYPES)
    carried = len(answer.body) if textual else (len(answer.body) + 2) // 3 * 4  # base64 through API Gateway
    limit = get_settings().proxy_max_payload_bytes
    if carried > limit:
        raise PayloadTooLarge("The provider's answer is larger than the hub can return", code="RESPONSE_TOO_LARGE",
                              details={"maxBytes": limit, "providerStatus": answer.status})
    kept = headers.response_headers(answer.headers)
    kept.pop("content-type", None)
    kept.update({
        "X-Hub-Attempts": str(answer.attempts),
        "X-Hub-Refreshed": "true" if answer.refreshed else "false",
        "X-Hub-Provider-Latency-Ms": str(answer.latency_ms),
    })
    return ProxyResponse(status=answer.status, headers=kept, body=answer.body, content_type=content_type)


def _observe(principal: Principal, integration_id: str, provider_id: str, call: ProviderCall,
             answer: ProviderAnswer, user_id: str | None) -> None:
    """Activity line, metrics and the audit target of one proxied call: method, path template,
    status, latency; never a body, a query string or a full path."""
    facts = {"method": call.method, "pathTemplate": call.path_template, "statusCode": answer.status,
             "latencyMs": answer.latency_ms, "attempts": answer.attempts, "refreshed": answer.refreshed}
    record_activity(principal.tenant_id, integration_id, "proxy", "success" if answer.status < 400 else "failed",
                    details=facts, user_id=user_id)
    current_request().audit_target.update({"providerId": provider_id, **facts})
    from aws_lambda_powertools.metrics import MetricUnit

    # one proxied call per invocation, so the invocation's metrics carry the provider as a dimension
    metrics.add_dimension(name="provider", value=provider_id)
    metrics.add_metric(name="ProviderCalls", unit=MetricUnit.Count, value=1)
    metrics.add_metric(name=f"ProviderCalls{answer.status // 100}xx", unit=MetricUnit.Count, value=1)
    metrics.add_metric(name="ProviderLatency", unit=MetricUnit.Milliseconds, value=answer.latency_ms)
