"""The template's verification request: does this credential work at the provider?

Used before credentials are stored (connect, update credentials), by `POST .../connection/test`
and by the health job. The result says what happened without repeating anything the provider
sent back (a response body can carry tokens or personal data): success, a short message, an
error class, the HTTP status and the response time.

Without a verification request, an OAuth grant is checked another way the provider offers: its
OpenID Connect userinfo endpoint (GET with the access token), else its RFC 7662 introspection
endpoint (`active` must be true); `details.checkedWith` names which.

Error classes: INVALID_CREDENTIALS (the provider answered and refused: 4xx, or an unexpected
body), CONNECTION_FAILED (network, timeout, 5xx, 429), NOT_VERIFIABLE (the provider defines no
verification request, userinfo or introspection endpoint: the answer is `unverified` — never
`success`, because nothing was checked; connecting still works, the test and the health job say
`unverified`).
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlencode

from hub import clock
from hub.connections import aws_sts
from hub.connections.tokens import TransientTokenError, introspect_token
from hub.errors import HubAccessDenied, HubError, ValidationError
from hub.observability import count_swallowed, logger
from hub.providers.templates import api_base_url, build_api_auth, json_path_value
from hub.validation import parse_json

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hub.connections.spec import ProviderSpec

INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
CONNECTION_FAILED = "CONNECTION_FAILED"
NOT_VERIFIABLE = "NOT_VERIFIABLE"
_PLACEHOLDER = re.compile(r"\{([A-Za-z][A-Za-z0-9_]*)\}")


@dataclass
class Verification:
    success: bool
    message: str | None = None
    error: str | None = None
    status_code: int | None = None
    response_time_ms: int | None = None
    tested_at: str = field(default_factory=clock.iso)
    details: dict[str, Any] = field(default_factory=dict)
    verified: bool = True

    @property
    def rejected(self) -> bool:
        return not self.success and self.error == INVALID_CREDENTIALS

    @property
    def outcome(self) -> str:
        """verified / failed / unverified (nothing to check with)."""
        if not self.verified:
            return "unverified"
        return "verified" if self.success else "failed"

    def as_dict(self) -> dict[str, Any]:
        return {
            "success": self.success,
            "outcome": self.outcome,
            "message": self.message,
            "error": self.error,
            "statusCode": self.status_code,
            "responseTime": self.response_time_ms,
            "testedAt": self.tested_at,
            "details": self.details,
        }


def render_path(path: str, values: Mapping[str, Any]) -> str:
    """Fill `{name}` in a request path; each value is percent-encoded as one path segment."""

    def substitute(match: re.Match[str]) -> str:
        value = values.get(match.group(1))
        if value is None or value == "":
            raise ValidationError(f"The connection value '{match.group(1)}' is required for this request",
                                  details={"field": match.group(1)})
        return quote(str(value), safe="")

    return _PLACEHOLDER.sub(substitute, path)


def _path_values(spec: ProviderSpec, credentials: Mapping[str, str] | None, token_fields: Mapping[str, Any] | None,
                 callback_fields: Mapping[str, Any] | None) -> dict[str, Any]:
    values: dict[str, Any] = dict(spec.config)
    for spec_field in spec.credential_fields:
        if not spec_field.secret and credentials and spec_field.name in credentials:
            values[spec_field.name] = credentials[spec_field.name]
    values.update({k: v for k, v in (token_fields or {}).items() if "." not in k})
    values.update(callback_fields or {})
    return values


def _json_at(document: Any, path: str) -> Any:
    return json_path_value(document, path)


def verify(spec: ProviderSpec, *, access_token: str | None = None, credentials: Mapping[str, str] | None = None,
           token_fields: Mapping[str, Any] | None = None, callback_fields: Mapping[str, Any] | None = None,
           tenant_id: str | None = None) -> Verification:
    template = spec.template
    if template is None or template.verification is None:
        # no request of its own: an OAuth grant can still be checked where the provider offers a way
        if access_token and spec.userinfo_url(spec.config):
            return _verify_userinfo(spec, access_token)
        if access_token and spec.introspection_url(spec.config):
            return _verify_introspection(spec, access_token)
        return unverifiable()
    if template.verification.method == "AWS_STS":
        return _verify_aws(spec, credentials or {}, tenant_id=tenant_id)
    return _verify_http(spec, access_token=access_token, credentials=credentials, token_fields=token_fields,
                        callback_fields=callback_fields)


def _verify_userinfo(spec: ProviderSpec, access_token: str) -> Verification:
    """OpenID Connect userinfo: GET with the access token; 200 means the grant is live."""
    import httpx

    from hub.urlguard import safe_request

    url = spec.userinfo_url(spec.config)
    assert url is not None
    started = time.perf_counter()
    try:
        response = safe_request("GET", url, headers={"Accept": "application/json",
                                                     "Authorization": f"Bearer {access_token}"},
                                purpose="verification")
    except (httpx.HTTPError, HubError):
        return Verification(success=False, error=CONNECTION_FAILED, response_time_ms=_elapsed(started),
                            message="The provider's userinfo endpoint could not be reached")
    status, elapsed = response.status_code, _elapsed(started)
    if status == 200:
        return Verification(success=True, message="The provider's userinfo endpoint accepted the token",
                            status_code=status, response_time_ms=elapsed, details={"checkedWith": "userinfo"})
    if status == 429 or status >= 500:
        return Verification(success=False, error=CONNECTION_FAILED, status_code=status, response_time_ms=elapsed,
                            message=f"The provider's userinfo endpoint is unavailable (HTTP {status})")
    return Verification(success=False, error=INVALID_CREDENTIALS, status_code=status, response_time_ms=elapsed,
                        message=f"The provider's userinfo endpoint rejected the token (HTTP {status})")


def _verify_introspection(spec: ProviderSpec, access_token: str) -> Verification:
    """RFC 7662: the provider says whether the access token is active (asked with the platform client)."""
    started = time.perf_counter()
    try:
        active = introspect_token(spec, access_token, spec.config)
    except TransientTokenError as error:
        return Verification(success=False, error=CONNECTION_FAILED, message=error.message,
                            response_time_ms=_elapsed(started))
    except HubError as error:  # the introspection request itself was refused (the platform's client)
        return Verification(success=False, error=CONNECTION_FAILED, response_time_ms=_elapsed(started),
                            message=f"The provider refused the introspection request ({error.code})")
    if active:
        return Verification(success=True, message="The provider's introspection says the token is active",
                            response_time_ms=_elapsed(started), details={"checkedWith": "introspection"})
    return Verification(success=False, error=INVALID_CREDENTIALS, response_time_ms=_elapsed(started),
                        message="The provider's introspection says the token is no longer active")


def unverifiable() -> Verification:
    return Verification(success=False, verified=False, error=NOT_VERIFIABLE,
                        message="This provider defines no verification request, userinfo or introspection endpoint; "
                                "nothing was checked (unverified)")


def _verify_http(spec: ProviderSpec, *, access_token: str | None, credentials: Mapping[str, str] | None,
                 token_fields: Mapping[str, Any] | None, callback_fields: Mapping[str, Any] | None) -> Verification:
    import httpx

    from hub.urlguard import safe_request

    template = spec.template
    assert template is not None and template.verification is not None
    request = template.verification
    base = api_base_url(template, dict(spec.config), token_fields)
    auth = build_api_auth(template, access_token=access_token, credentials=credentials, config=dict(spec.config))
    url = base + render_path(request.path, _path_values(spec, credentials, token_fields, callback_fields))
    if auth.query:
        url += ("&" if "?" in url else "?") + urlencode(auth.query)
    headers = {"Accept": "application/json", **auth.headers}
    started = time.perf_counter()
    try:
        response = safe_request(request.method, url, headers=headers, json=request.body, purpose="verification")
    except httpx.TimeoutException:
        return Verification(success=False, error=CONNECTION_FAILED, message="The provider did not answer in time",
                            response_time_ms=_elapsed(started))
    except httpx.HTTPError:
        return Verification(success=False, error=CONNECTION_FAILED, message="The provider could not be reached",
                            response_time_ms=_elapsed(started))
    except HubError as error:  # URL guard, response too large
        return Verification(success=False, error=CONNECTION_FAILED, message=error.message,
                            response_time_ms=_elapsed(started))
    elapsed = _elapsed(started)
    status = response.status_code
    if status in request.expected_status:
        problem = _body_problem(response, request.json_path, request.expected_json)
        if problem is None:
            return Verification(success=True, message="The provider accepted the credentials", status_code=status,
                                response_time_ms=elapsed)
        return Verification(success=False, error=INVALID_CREDENTIALS, message=problem, status_code=status,
                            response_time_ms=elapsed)
    if status == 429 or status >= 500:
        return Verification(success=False, error=CONNECTION_FAILED, status_code=status, response_time_ms=elapsed,
                            message=f"The provider is unavailable (HTTP {status})")
    return Verification(success=False, error=INVALID_CREDENTIALS, status_code=status, response_time_ms=elapsed,
                        message=f"The provider rejected the credentials (HTTP {status})")


def _body_problem(response: Any, json_path: str | None, expected: Mapping[str, Any]) -> str | None:
    if not json_path and not expected:
        return None
    try:
        document = parse_json(response.content)
    except ValueError:
        return "The provider's answer is not JSON"
    if json_path and _json_at(document, json_path) is None:
        return f"The provider's answer has no '{json_path}'"
    for path, wanted in expected.items():
        if _json_at(document, path) != wanted:
            return f"The provider's answer has an unexpected '{path}'"
    return None


def _elapsed(started: float) -> int:
    return int((time.perf_counter() - started) * 1000)


def _verify_aws(spec: ProviderSpec, credentials: Mapping[str, str], *, tenant_id: str | None) -> Verification:
    from botocore.exceptions import BotoCoreError, ClientError


    region = spec.config.get("region") or "us-east-1"
    started = time.perf_counter()
    try:
        if spec.custom_auth == "aws_iam_role":
            session = f"integration-hub-{tenant_id or 'tenant'}"
            session = re.sub(r"[^\w+=,.@-]", "-", session)
            temporary = aws_sts.assume_role(region, credentials["roleArn"], credentials["externalId"], session)
        else:
            temporary = {"AccessKeyId": credentials["accessKeyId"], "SecretAccessKey": credentials["secretAccessKey"]}
        identity = aws_sts.caller_identity(region, temporary)
    except ClientError as error:
        code = aws_sts.error_code(error)
        if aws_sts.denied_by_hub_policy(error):
            logger.error("AWS refused the hub's own sts:AssumeRole: its role lacks the permission",
                         extra={"code": code})
            count_swallowed("HubAccessDenied")  # not swallowed, but alarmed the same way
            raise HubAccessDenied() from None
        if code in aws_sts.REJECTED_CODES:
            return Verification(success=False, error=INVALID_CREDENTIALS, response_time_ms=_elapsed(started),
                                message=f"AWS refused the credentials ({code})")
        return Verification(success=False, error=CONNECTION_FAILED, response_time_ms=_elapsed(started),
                            message=f"AWS STS failed ({code or 'error'})")
    except (BotoCoreError, KeyError, OSError):
        return Verification(success=False, error=CONNECTION_FAILED, response_time_ms=_elapsed(started),
                            message="AWS STS could not be reached")
    verification = spec.template.verification if spec.template else None
    json_path = verification.json_path if verification else None
    if json_path and not identity.get(json_path):
        return Verification(success=False, error=INVALID_CREDENTIALS, response_time_ms=_elapsed(started),
                            message=f"AWS STS answered without '{json_path}'")
    return Verification(success=True, message="AWS accepted the credentials", response_time_ms=_elapsed(started),
                        details={"account": identity.get("Account"), "arn": identity.get("Arn")})
