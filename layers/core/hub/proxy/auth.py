"""The connection's credentials on a request, per auth mode (docs/proxy.md, "Credentials").

- OAuth, API key (header or query, as the template says), basic and custom placeholders: the
  template's own rules (`hub.providers.templates.build_api_auth`); a token-producing custom
  login (service accounts, client credentials) sends its token as a bearer.
- AWS (`aws_iam_role`, `aws_access_keys`): Signature Version 4 by botocore's own signer, for the
  service and region the caller names. A role is assumed with the tenant's ExternalId; the
  temporary credentials are kept in this process until shortly before they end, so a warm
  function does not call STS on every request.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hub import clock
from hub.connections import aws_sts
from hub.connections.spec import ProviderSpec
from hub.errors import ValidationError
from hub.providers.templates import ApiAuth, build_api_auth
from hub.proxy.models import AwsTarget
from hub.settings import get_settings

AWS_MODES = ("aws_iam_role", "aws_access_keys")
ASSUMED_ROLE_SECONDS = 900
_RENEW_BEFORE_SECONDS = 120
_SERVICE = re.compile(r"^[a-z0-9][a-z0-9-]{0,39}$")
_REGION = re.compile(r"^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-[0-9]$")


def is_aws(spec: ProviderSpec) -> bool:
    return spec.custom_auth in AWS_MODES


def api_auth(spec: ProviderSpec, payload: Mapping[str, Any]) -> ApiAuth:
    """Headers and query parameters that authenticate a request of a non-AWS connection."""
    template = spec.template
    if template is None:
        raise ValidationError("The hub has no HTTP API definition for this provider",
                              details={"providerId": spec.provider_id})
    access = payload.get("accessToken")
    auth = build_api_auth(template, access_token=access, credentials=payload.get("credentials"),
                          config=dict(spec.config))
    if access and template.api.auth_header not in auth.headers:
        scheme = template.api.auth_scheme or "Bearer"
        auth = ApiAuth(headers={**auth.headers, template.api.auth_header: f"{scheme} {access}"}, query=auth.query)
    return auth


def aws_target(spec: ProviderSpec, service: str | None, region: str | None) -> AwsTarget:
    """The service and region an AWS request is for: the caller names the service; the region
    defaults to the connection's."""
    if not service or not _SERVICE.match(service):
        raise ValidationError("Name the AWS service to call in the X-Hub-Aws-Service header (e.g. s3, ec2)",
                              details={"field": "X-Hub-Aws-Service"})
    chosen = region or spec.config.get("region") or "us-east-1"
    if not _REGION.match(chosen):
        raise ValidationError("The AWS region is not valid", details={"field": "X-Hub-Aws-Region"})
    return AwsTarget(service=service, region=chosen)


def aws_base_url(target: AwsTarget) -> str:
    """The service's regional endpoint (`proxy_aws_endpoint`; tests point it at loopback)."""
    return get_settings().proxy_aws_endpoint.format(service=target.service, region=target.region).rstrip("/")


@dataclass(frozen=True)
class _Assumed:
    credentials: dict[str, str]
    renew_at: float


_assumed: dict[tuple[str, ...], _Assumed] = {}
_assumed_lock = threading.Lock()


def aws_credentials(spec: ProviderSpec, payload: Mapping[str, Any], *, tenant_id: str,
                    connection_id: str) -> dict[str, str]:
    """Credentials to sign with: the tenant's access key, or the tenant's role assumed (cached)."""
    fields = payload.get("credentials") or {}
    if spec.custom_auth == "aws_access_keys":
        return {"AccessKeyId": str(fields["accessKeyId"]), "SecretAccessKey": str(fields["secretAccessKey"])}
    role_arn, external_id = str(fields["roleArn"]), str(fields["externalId"])
    region = spec.config.get("region") or "us-east-1"
    key = (tenant_id, connection_id, role_arn, external_id)
    with _assumed_lock:
        cached = _assumed.get(key)
    if cached is not None and cached.renew_at > clock.now():
        return cached.credentials
    session = re.sub(r"[^\w+=,.@-]", "-", f"integration-hub-{tenant_id}")
    credentials = aws_sts.assume_role(region, role_arn, external_id, session, ASSUMED_ROLE_SECONDS)
    with _assumed_lock:
        _assumed[key] = _Assumed(credentials, clock.now() + ASSUMED_ROLE_SECONDS - _RENEW_BEFORE_SECONDS)
    return credentials


def forget_assumed_roles() -> None:
    """Test seam (and a role the tenant changed): assume roles afresh."""
    with _assumed_lock:
        _assumed.clear()


def sign_aws(method: str, url: str, headers: Mapping[str, str], body: bytes | None, target: AwsTarget,
             credentials: Mapping[str, str]) -> dict[str, str]:
    """The headers with SigV4's added (Authorization, X-Amz-Date, X-Amz-Security-Token, and for
    S3 X-Amz-Content-SHA256), signed by botocore for `target`."""
    from botocore.auth import S3SigV4Auth, SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials

    signer_class = S3SigV4Auth if target.service == "s3" else SigV4Auth
    signer = signer_class(Credentials(credentials["AccessKeyId"], credentials["SecretAccessKey"],
                                      credentials.get("SessionToken") or None), target.service, target.region)
    request = AWSRequest(method=method, url=url, data=body or b"", headers=dict(headers))
    signer.add_auth(request)
    return dict(request.headers.items())
