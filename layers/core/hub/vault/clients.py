"""The vault's AWS clients behind one seam: the function's own, or a session scoped to one tenant.

With `settings.vault_scope = "tenant"` (CDK context `vaultScope`) every AWS call on a tenant's
credential — its secret, its sealed message in the connection item, the KMS calls of its
Encryption SDK messages (purposes `connection` and `pending-grant`) — is made with a session of
the vault role (`settings.vault_role_arn`) assumed with the session tag `tenantId`. That role's
policies allow only `${aws:PrincipalTag/tenantId}`: secret names, `dynamodb:LeadingKeys` and
`kms:EncryptionContext:tenantId` (infra/constructs/vault_roles.py), and the function's own role
may not open a tenant credential at all. So a reference that names another tenant's secret,
item or message than the session's is refused by AWS (docs/deploy.md, "A blast radius of one
tenant": what it covers and what it does not).

The session's tenant is the verified caller's when a request has one (hub/request.py), else
the reference's (jobs, queue consumers, the anonymous OAuth callback). No route opens another
tenant's credentials today (super admins act on tenants only through /api/admin routes, which
hold no vault grant); one that did would be refused in this scope. Platform secrets
(`_system`) and other sealed values keep the function's own clients.

Sessions are kept per tenant per container (the `MAX_SESSIONS` most recently used), assumed on
their first AWS call (+1 sts:AssumeRole) and renewed by botocore's refreshable credentials
15 minutes before they expire, on the hub's clock (hub/clock.py).

An AccessDenied answer to a session's call (or to the AssumeRole) is the isolation catching a
bug or a deployment fault: the call fails as it would anyway, and the `HubAccessDenied` metric
(alarmed, infra/constructs/monitoring.py) counts it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from typing import Any, TypeVar

from hub import aws, clock
from hub.observability import count_swallowed
from hub.request import current_request
from hub.secret_refs import PURPOSE_CONNECTION, PURPOSE_PENDING_GRANT, SYSTEM_TENANT
from hub.settings import get_settings

SCOPE_TENANT = "tenant"
# the purposes of a tenant's own credentials; every other sealed value is the function's business
TENANT_PURPOSES = frozenset({PURPOSE_CONNECTION, PURPOSE_PENDING_GRANT})
TAG_KEY = "tenantId"  # the session tag the vault role's policies read
SESSION_SECONDS = 3600  # the longest session STS grants a role chained from Lambda's own role
MAX_SESSIONS = 256  # a container serving more tenants re-assumes the least recently used
DENIED = frozenset({"AccessDenied", "AccessDeniedException"})  # STS; Secrets Manager, KMS, DynamoDB

T = TypeVar("T")


class TenantSession:
    """One tenant's session of the vault role: its credentials, botocore session and clients."""

    def __init__(self, tenant_id: str, role_arn: str) -> None:
        import boto3
        import botocore.session
        from botocore.credentials import CredentialResolver

        self.tenant_id, self.role_arn = tenant_id, role_arn
        self.credentials = _session_credentials(tenant_id, role_arn)
        self.botocore_session = botocore.session.get_session()
        # the service models are the same for every tenant: load them once per container
        self.botocore_session.register_component("data_loader", _shared_loader())
        self.botocore_session.register_component("credential_provider",
                                                 CredentialResolver([_Provide(self.credentials)]))
        self.botocore_session.set_config_variable("region", get_settings().region)
        self.botocore_session.register("after-call", _count_denial)  # every client of this session
        self._boto3 = boto3.session.Session(botocore_session=self.botocore_session)
        self._lock = threading.Lock()
        self._made: dict[Any, Any] = {}

    def client(self, service: str) -> Any:
        return self.memo(("client", service), lambda: self._boto3.client(service, **aws.client_options()))

    def memo(self, key: Any, factory: Callable[[], T]) -> T:
        """Something built once per session (a client, the Encryption SDK's key provider)."""
        with self._lock:
            if key not in self._made:
                self._made[key] = factory()
            made: T = self._made[key]
            return made


def tenant_session(tenant_id: str, purpose: str) -> TenantSession | None:
    """The session for a credential of `tenant_id` with `purpose`; None: the function's own clients."""
    settings = get_settings()
    if settings.vault_scope != SCOPE_TENANT or purpose not in TENANT_PURPOSES or tenant_id == SYSTEM_TENANT:
        return None
    principal = current_request().principal
    tenant = principal.tenant_id if principal is not None else tenant_id
    return _session(tenant, settings.vault_role_arn, settings.region, settings.aws_endpoint_url)


def client(service: str, tenant_id: str, purpose: str) -> Any:
    """The client the vault uses for a credential of `tenant_id` with `purpose`."""
    session = tenant_session(tenant_id, purpose)
    return aws.client(service) if session is None else session.client(service)


def reset_sessions() -> None:
    """Forget every tenant session (tests and the local stack, after the endpoint changes)."""
    with _lock:
        _sessions.clear()


# ---- plumbing ---------------------------------------------------------------------------------

_lock = threading.Lock()
_sessions: OrderedDict[tuple[str, ...], TenantSession] = OrderedDict()
_loader: list[Any] = []


def _session(tenant_id: str, role_arn: str, region: str, endpoint_url: str) -> TenantSession:
    key = (tenant_id, role_arn, region, endpoint_url)
    with _lock:
        session = _sessions.get(key)
        if session is not None:
            _sessions.move_to_end(key)
            return session
    made = TenantSession(tenant_id, role_arn)  # no AWS call yet: credentials are fetched on first use
    with _lock:
        session = _sessions.setdefault(key, made)
        _sessions.move_to_end(key)
        while len(_sessions) > MAX_SESSIONS:
            _sessions.popitem(last=False)
        return session


def _shared_loader() -> Any:
    with _lock:
        if not _loader:
            import botocore.session

            _loader.append(botocore.session.get_session().get_component("data_loader"))
        return _loader[0]


def _session_name(tenant_id: str) -> str:
    # CloudTrail shows it next to every call of the session; STS allows 64 characters
    return f"hub-vault-{tenant_id}"[:64]


def _session_credentials(tenant_id: str, role_arn: str) -> Any:
    from botocore.credentials import DeferredRefreshableCredentials

    def assume() -> dict[str, str]:
        from botocore.exceptions import ClientError

        try:
            response = aws.client("sts").assume_role(
                RoleArn=role_arn, RoleSessionName=_session_name(tenant_id), DurationSeconds=SESSION_SECONDS,
                Tags=[{"Key": TAG_KEY, "Value": tenant_id}],
            )
        except ClientError as error:
            _count_denial(error.response)
            raise
        issued = response["Credentials"]
        # the lifetime by STS's own clock (its Date header), counted on the hub's: a container whose
        # clock is off (or a test's moved clock) still renews 15 minutes before the real expiry
        answered = response.get("ResponseMetadata", {}).get("HTTPHeaders", {}).get("date")
        lifetime = issued["Expiration"] - (parsedate_to_datetime(answered) if answered else clock.now_dt())
        return {"access_key": issued["AccessKeyId"], "secret_key": issued["SecretAccessKey"],
                "token": issued["SessionToken"], "expiry_time": (clock.now_dt() + lifetime).isoformat()}

    credentials = DeferredRefreshableCredentials(refresh_using=assume, method="hub-vault-tenant-session",
                                                 time_fetcher=clock.now_dt)
    # read by the IAM audit's recorder (local/iam_recorder.py): calls with these credentials are the
    # vault role's, evaluated with this session tag
    credentials.assumed_role = (role_arn, {TAG_KEY: tenant_id})
    return credentials


def _count_denial(parsed: Any = None, **_: Any) -> None:
    """botocore's after-call event (and the AssumeRole's error): count an AccessDenied answer."""
    error = parsed.get("Error") if isinstance(parsed, dict) else None
    if isinstance(error, dict) and error.get("Code") in DENIED:
        count_swallowed("HubAccessDenied")  # not swallowed: the call still fails; alarmed the same way


class _Provide:
    """A botocore credential provider that hands out one tenant session's credentials."""

    METHOD = "hub-vault-tenant-session"
    CANONICAL_NAME = "HubVaultTenantSession"

    def __init__(self, credentials: Any) -> None:
        self._credentials = credentials

    def load(self) -> Any:
        return self._credentials
