"""A small STS client for the AWS templates (customAuth `aws_iam_role` / `aws_access_keys`).

- `aws_iam_role`: `sts:AssumeRole` into the tenant's role with the tenant's ExternalId (the
  hub's own credentials make that call), then `sts:GetCallerIdentity` with the temporary
  credentials it returned;
- `aws_access_keys`: `sts:GetCallerIdentity` with the tenant's access key.

The client goes to the regional STS endpoint of the connection's region, or to the hub's AWS
endpoint override (the local stack's moto). Tests swap `client_factory`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from hub.settings import get_settings

# errors that mean "these credentials / this role are not usable", as opposed to AWS trouble
REJECTED_CODES = frozenset({
    "AccessDenied", "AccessDeniedException", "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken",
    "ExpiredTokenException", "UnrecognizedClientException", "InvalidAccessKeyId", "AuthFailure",
    "ValidationError", "MalformedPolicyDocument", "RegionDisabledException",
})


def default_client_factory(region: str, credentials: Mapping[str, str] | None = None) -> Any:
    import boto3
    from botocore.config import Config

    settings = get_settings()
    kwargs: dict[str, Any] = {
        "region_name": region,
        "config": Config(retries={"mode": "standard", "max_attempts": 2}, connect_timeout=3, read_timeout=10),
    }
    if settings.aws_endpoint_url:
        kwargs["endpoint_url"] = settings.aws_endpoint_url
    if credentials:
        kwargs["aws_access_key_id"] = credentials["AccessKeyId"]
        kwargs["aws_secret_access_key"] = credentials["SecretAccessKey"]
        if credentials.get("SessionToken"):
            kwargs["aws_session_token"] = credentials["SessionToken"]
    return boto3.client("sts", **kwargs)


client_factory: Callable[[str, Mapping[str, str] | None], Any] = default_client_factory


# AWS names the policy that refused a call; these are the hub's own (its role, its organization),
# whereas a tenant's role that does not trust the hub fails without naming one
_HUB_POLICY_MARKERS = ("identity-based policy", "permissions boundary", "service control policy", "session policy")


def denied_by_hub_policy(error: Exception) -> bool:
    """An AccessDenied caused by the hub's own permissions, not by the tenant's role."""
    if error_code(error) not in ("AccessDenied", "AccessDeniedException"):
        return False
    response = getattr(error, "response", None)
    message = str(response.get("Error", {}).get("Message", "")) if isinstance(response, dict) else ""
    return any(marker in message for marker in _HUB_POLICY_MARKERS)


def error_code(error: Exception) -> str:
    response = getattr(error, "response", None)
    if isinstance(response, dict):
        return str(response.get("Error", {}).get("Code", ""))
    return ""


def assume_role(region: str, role_arn: str, external_id: str, session_name: str,
                duration_seconds: int = 900) -> dict[str, str]:
    response = client_factory(region, None).assume_role(
        RoleArn=role_arn, RoleSessionName=session_name[:64], ExternalId=external_id,
        DurationSeconds=duration_seconds,
    )
    credentials = response["Credentials"]
    return {
        "AccessKeyId": credentials["AccessKeyId"],
        "SecretAccessKey": credentials["SecretAccessKey"],
        "SessionToken": credentials.get("SessionToken", ""),
    }


def caller_identity(region: str, credentials: Mapping[str, str]) -> dict[str, Any]:
    response = client_factory(region, credentials).get_caller_identity()
    return {k: response[k] for k in ("Account", "Arn", "UserId") if k in response}
