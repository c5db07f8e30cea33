"""The one place that reads the process environment: every setting, declared once.

A field is read from `HUB_<FIELD NAME IN CAPITALS>` unless it names other variables (`env`).
Its default, bounds and description here are the reference: docs/settings.md is generated from
them (`make settings-doc`) and tests/unit/test_settings.py fails when the two differ. A value
out of bounds fails loudly (`SettingsError` names the variable) instead of being clamped.

Every other module asks `get_settings()`; tests call `reset_settings()` after changing the
environment. Defaults are safe local values, so the domain package imports without AWS.
"""

import json
import os
from collections.abc import Mapping
from functools import lru_cache
from typing import Annotated, Any, Literal, Self
from urllib.parse import urlsplit

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator
from pydantic.config import JsonDict

DEFAULT_RATE_LIMITS: dict[str, int] = {
    # per tenant, per endpoint class, per minute (docs/architecture.md, Rate limits)
    "provider": 100,
    "integration": 200,
    "connection": 50,
    "search": 30,
    "widget": 100,
    "webhook": 100,
    "audit": 100,
    "proxy": 600,
}
# Standard Webhooks / Svix schedule: after the first attempt, retry after 5 s, 5 min, 30 min,
# 2 h, 5 h, 10 h and 10 h (each with jitter); then the delivery is failed.
DEFAULT_WEBHOOK_RETRY_SCHEDULE: tuple[float, ...] = (5, 300, 1800, 7200, 18000, 36000, 36000)
DAY = 24 * 3600
# Variables every function's process runs with beyond the settings: the CDK stack puts them in
# each Lambda's environment, the local stack and `make bench` in theirs. Pydantic otherwise scans
# every installed distribution's entry points for plugins when the first model is built (~5 ms
# of each cold start, bench/imports.py); the hub uses none.
PROCESS_ENVIRONMENT: dict[str, str] = {"PYDANTIC_DISABLE_PLUGINS": "__all__"}


class SettingsError(ValueError):
    """The environment holds a value a setting does not accept."""


def _comma_list(value: Any) -> Any:
    if isinstance(value, str):
        return tuple(part.strip() for part in value.split(",") if part.strip())
    return value


def _rate_limits(value: Any) -> Any:
    """JSON overrides ({"search": 60}) merged over the defaults."""
    if isinstance(value, str):
        value = json.loads(value)
    if isinstance(value, Mapping):
        return {**DEFAULT_RATE_LIMITS, **value}
    return value


def _port_ranges(value: Any) -> Any:
    """"443,8443,9000-9100" -> ((443, 443), (8443, 8443), (9000, 9100))."""
    if isinstance(value, str):
        ranges = []
        for part in _comma_list(value):
            low, _, high = part.partition("-")
            ranges.append((low, high or low))
        return tuple(ranges)
    return value


Port = Annotated[int, Field(ge=1, le=65535)]
PortRanges = Annotated[tuple[tuple[Port, Port], ...], BeforeValidator(_port_ranges)]
CommaList = Annotated[tuple[str, ...], BeforeValidator(_comma_list)]
Seconds = Annotated[tuple[Annotated[float, Field(ge=0)], ...], BeforeValidator(_comma_list)]
RateLimits = Annotated[dict[str, Annotated[int, Field(ge=1)]], BeforeValidator(_rate_limits)]


def setting(default: Any, description: str, *, env: tuple[str, ...] = (), **bounds: Any) -> Any:
    """A field with its meaning; `env` replaces the HUB_<NAME> variable (first one set wins)."""
    extra: JsonDict | None = {"env": list(env)} if env else None
    return Field(default, description=description, json_schema_extra=extra, **bounds)


class Settings(BaseModel):
    # built on the first get_settings(), not at import: a handler's cold start pays for the
    # model's validator once, when its first request reads a setting (bench/imports.py)
    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    # ---- deployment (the CDK stack sets these) ----------------------------------------------
    stage: str = setting("dev", "Deployment stage; part of resource names", min_length=1, max_length=21)
    service_name: str = setting("integration-hub", "Service name in logs and /health",
                                env=("POWERTOOLS_SERVICE_NAME",))
    region: str = setting("us-east-1", "AWS region of every client", env=("AWS_REGION", "AWS_DEFAULT_REGION"))
    table_name: str = setting("integration-hub", "The DynamoDB table")
    event_bus_name: str = setting("integration-hub", "The EventBridge bus hub events go to")
    event_source: str = setting("integration-hub", "`source` of the events the hub publishes")
    kms_key_id: str = setting("", "The customer-managed KMS key of the vault (ARN or id)")
    secret_prefix: str = setting("integration-hub", "Secrets Manager name prefix of the vault's secrets")
    vault_backend: Literal["secretsmanager", "table"] = setting(
        "secretsmanager", "Where new credentials go (hub/vault): one secret each, or in the connection's item; "
        "CDK context vaultBackend")
    vault_scope: Literal["function", "tenant"] = setting(
        "function", "Whose credentials the vault uses for a tenant's secrets: the function's own role, or a session "
        "of the vault role tagged with that tenant (hub/vault/clients.py); CDK context vaultScope")
    vault_role_arn: str = setting("", "The role assumed per tenant when vault_scope is tenant (the stack sets it)")
    vault_data_key_cache_seconds: int = setting(
        0, "A warm function may reuse an Encryption SDK data key this long (0: never)", ge=0, le=3600)
    aws_endpoint_url: str = setting("", "Send every AWS call here (the local stack's moto server)")
    public_api_url: str = setting("http://127.0.0.1:3000", "The API's public base URL (OAuth callbacks)")
    allowed_return_origins: CommaList = setting((), "Comma-separated origins allowed for CORS and OAuth return URLs")
    refresh_queue_url: str = setting("", "SQS queue the refresh job fans out to")
    webhook_queue_url: str = setting("", "SQS queue of hub events for the webhook dispatcher")
    inbound_queue_url: str = setting("", "SQS queue of accepted inbound provider webhooks")
    # ---- identity: claim names are configuration (docs/architecture.md, Identity) ------------
    claim_user: str = setting("sub", "JWT claim holding the user id", min_length=1)
    claim_tenant: str = setting("tenant_id", "JWT claim holding the tenant id", min_length=1)
    claim_roles: str = setting("roles", "JWT claim holding the roles", min_length=1)
    claim_email: str = setting("email", "JWT claim holding the e-mail address", min_length=1)
    # ---- request pipeline ----------------------------------------------------------------
    max_body_bytes: int = setting(256 * 1024, "Largest request body accepted (413 above)", ge=1, le=10 * 2**20)
    rate_limits: RateLimits = setting(
        DEFAULT_RATE_LIMITS,
        "Requests per tenant per minute by endpoint class (each ≥ 1); JSON overrides merge over the defaults",
    )
    rate_limit_window_seconds: int = setting(60, "Rate-limit window", ge=1, le=3600)
    rate_limit_lease_max: int = setting(
        8, "Most hits of a busy tenant's rate-limit window one write counts for a warm function to spend "
        "(at most an eighth of the limit; 1: one write per request)", ge=1, le=100)
    idempotency_ttl_seconds: int = setting(DAY, "How long an Idempotency-Key replays its response", ge=60, le=7 * DAY)
    audit_retention_days: int = setting(365, "Audit records expire after this many days", ge=1)
    http_timeout_seconds: float = setting(15.0, "Total deadline of one call to a provider", gt=0, le=900)
    allow_http_loopback: bool = setting(False, "Allow http:// and loopback URLs (local stack and tests only)")
    sandbox_base_url: str = setting("", "Base URL of the local sandbox OAuth provider (`{sandboxBaseUrl}`)")
    # ---- OAuth and refresh -----------------------------------------------------------------
    oauth_state_ttl_seconds: int = setting(600, "Lifetime of an OAuth state (start → callback)", ge=60, le=3600)
    refresh_buffer_seconds: int = setting(300, "Refresh a token this long before it expires", ge=0, le=DAY)
    refresh_max_failure_days: int = setting(3, "UTC days of failed refreshes before a connection turns error", ge=1)
    refresh_lease_seconds: int = setting(60, "Lease one refresh holds on a connection", ge=5, le=900)
    refresh_backoff_max_seconds: int = setting(3600, "Longest wait between failed refresh attempts", ge=60)
    refresh_concurrency: int = setting(16, "Refreshes one job invocation runs at once", ge=1, le=256)
    refresh_inline_max: int = setting(2000, "Due connections refreshed inline before fanning out", ge=1)
    refresh_scan_max: int = setting(20_000, "Due connections one refresh job reads at most", ge=1)
    job_time_margin_ms: int = setting(20_000, "A job stops starting work this long before its timeout", ge=0)
    activity_retention_days: int = setting(30, "Connection activity expires after this many days", ge=1)
    forced_refresh_interval_seconds: int = setting(
        600, "A forced refresh of a token that is not yet due is allowed once this often per connection "
        "(Secrets Manager write quota; 0: always)", ge=0, le=DAY)
    catalog_cache_seconds: int = setting(
        60, "A warm function reuses provider records, their client secrets and integrations this long "
        "(0: read every time); other functions see an edit within it", ge=0, le=900)
    # ---- health and sync -------------------------------------------------------------------
    jobs_interval_seconds: int = setting(
        0, "Local stack only: fire every schedule this often (0: each worker's own schedule)", ge=0
    )
    health_check_interval_seconds: int = setting(
        900, "Seconds between health checks of a connection (HUB_JOBS_INTERVAL_SECONDS when that is set)", ge=1
    )
    health_failure_threshold: int = setting(3, "Failed checks in a row that turn a connection to error", ge=1)
    health_concurrency: int = setting(8, "Health checks one job invocation runs at once", ge=1, le=256)
    health_retention_days: int = setting(30, "Health check records expire after this many days", ge=1)
    sync_log_retention_days: int = setting(90, "Sync logs expire after this many days", ge=1)
    # ---- search ------------------------------------------------------------------------------
    search_concurrency: int = setting(8, "Providers searched at once", ge=1, le=64)
    search_timeout_seconds: float = setting(
        8.0, "The global search's one deadline: providers not answered this long after it began are reported late",
        ge=0.1, le=60)
    # ---- calling providers: the proxy and the one provider-call core (docs/proxy.md) -----------
    proxy_timeout_seconds: float = setting(
        25.0, "One deadline for a whole provider call, retries and waits included (API Gateway stops at 30 s)",
        gt=0, le=29)
    proxy_max_attempts: int = setting(3, "Most tries of one provider call (retries on network errors, 5xx, 429)",
                                      ge=1, le=10)
    proxy_backoff_base_seconds: float = setting(0.25, "First retry waits up to this; each next one twice as long",
                                                ge=0, le=10)
    proxy_backoff_max_seconds: float = setting(4.0, "Longest backoff between two tries", ge=0, le=25)
    proxy_max_retry_after_seconds: float = setting(
        10.0, "A provider's Retry-After longer than this is not waited: its answer goes back to the caller",
        ge=0, le=25)
    proxy_max_payload_bytes: int = setting(
        6 * 2**20, "Largest proxied body either way, as Lambda carries it (base64 included); 413 above",
        ge=1024, le=6 * 2**20)
    proxy_cache_seconds: float = setting(
        30.0, "A warm function reuses an integration, its provider and a connection's credentials this long "
        "(0: read them on every call)", ge=0, le=300)
    proxy_aws_endpoint: str = setting(
        "https://{service}.{region}.amazonaws.com", "Endpoint of AWS connections' calls ({service}, {region})",
        min_length=8)
    provider_quota_requests: int = setting(
        600, "Quota budget per connection when neither the integration nor its template names one: requests "
        "per provider_quota_period_seconds", ge=1, le=1_000_000)
    provider_quota_period_seconds: int = setting(60, "The period of provider_quota_requests", ge=1, le=86_400)
    provider_quota_lease_max: int = setting(
        8, "Most requests of a busy connection's quota budget one write takes for a warm function to spend "
        "within a second (1: one write per request)", ge=1, le=100)
    provider_quota_wait_seconds: float = setting(
        2.0, "A call over its connection's quota waits this long at most for the budget, else 429", ge=0, le=20)
    # ---- outgoing webhooks -------------------------------------------------------------------
    webhook_timeout_seconds: float = setting(15.0, "Deadline of one webhook delivery attempt", gt=0, le=60)
    webhook_retry_schedule: Seconds = setting(
        DEFAULT_WEBHOOK_RETRY_SCHEDULE, "Comma-separated seconds (each ≥ 0) between delivery attempts (with jitter)"
    )
    webhook_disable_after_days: float = setting(5.0, "An endpoint failing this long is disabled", gt=0)
    webhook_delivery_retention_days: int = setting(30, "Delivery records expire after this many days", ge=1)
    webhook_max_body_bytes: int = setting(64 * 1024, "Largest webhook payload", ge=1024, le=256 * 1024)
    webhook_secret_overlap_seconds: int = setting(
        DAY, "A rotated signing secret keeps signing this long", ge=0, le=7 * DAY
    )
    webhook_send_concurrency: int = setting(16, "Deliveries one dispatcher sends at once", ge=1, le=64)
    webhook_allowed_ports: PortRanges = setting(
        ((443, 443), (8443, 8443)),
        "Ports (1-65535) a webhook URL may use: comma-separated ports or inclusive ranges (9000-9100)",
    )
    webhook_response_keep_bytes: int = setting(1024, "How much of a receiver's answer a delivery keeps", ge=0)
    webhook_response_retention_hours: int = setting(72, "How long a receiver's answer is kept", ge=1)
    webhook_sweep_max_deliveries: int = setting(500, "Due deliveries one retry sweep sends at most", ge=1)
    # ---- inbound provider webhooks (docs/inbound-webhooks.md) ---------------------------------
    inbound_retention_hours: int = setting(
        72, "An accepted provider webhook (and its dedupe record) is kept this long", ge=1, le=30 * 24)
    inbound_unclaimed_retention_hours: int = setting(
        24, "A provider webhook no connection claims is kept this long", ge=1, le=30 * 24)
    inbound_inline_payload_bytes: int = setting(
        64 * 1024, "Largest provider payload a provider.event carries; larger ones are referenced",
        ge=1024, le=200 * 1024)
    inbound_secret_cache_seconds: int = setting(
        300, "A warm intake function reuses a provider's verification keys this long (0: never)", ge=0, le=3600)
    # ---- set by the Lambda runtime and Powertools ---------------------------------------------
    lambda_task_root: str = setting("", "Set by Lambda; its presence means the code runs in Lambda",
                                    env=("LAMBDA_TASK_ROOT",))
    trace_disabled: bool = setting(False, "Powertools' switch: no X-Ray tracing", env=("POWERTOOLS_TRACE_DISABLED",))

    @model_validator(mode="before")
    @classmethod
    def _local_interval_shortens_health_checks(cls, values: Any) -> Any:
        # a local demo interval also shortens the health period, so checks show up too
        if isinstance(values, dict) and "health_check_interval_seconds" not in values:
            interval = values.get("jobs_interval_seconds")
            if interval not in (None, "", 0, "0"):
                values = {**values, "health_check_interval_seconds": interval}
        return values

    @model_validator(mode="after")
    def _tenant_scope_names_its_role(self) -> Self:
        if self.vault_scope == "tenant" and not self.vault_role_arn:
            raise ValueError("vault_scope tenant needs HUB_VAULT_ROLE_ARN, the role assumed per tenant")
        return self

    @property
    def oauth_callback_url(self) -> str:
        return self.public_api_url.rstrip("/") + "/api/integrations/oauth/callback"

    @property
    def public_base_path(self) -> str:
        """The public API URL's path, "" or a custom domain's base path such as "/hub": the
        browser sees every route below it."""
        return urlsplit(self.public_api_url).path.rstrip("/")

    @property
    def tracing_enabled(self) -> bool:
        """X-Ray through Powertools' Tracer: inside Lambda, unless POWERTOOLS_TRACE_DISABLED."""
        return bool(self.lambda_task_root) and not self.trace_disabled

    @classmethod
    def variables(cls, name: str) -> tuple[str, ...]:
        """The environment variables of one field, first match wins."""
        extra = cls.model_fields[name].json_schema_extra
        env = extra.get("env") if isinstance(extra, dict) else None
        return tuple(str(v) for v in env) if isinstance(env, list) else (f"HUB_{name.upper()}",)

    @classmethod
    def from_environ(cls, environ: Mapping[str, str]) -> Self:
        """Settings from an environment; empty variables count as unset."""
        values: dict[str, Any] = {}
        for name in cls.model_fields:
            for variable in cls.variables(name):
                if environ.get(variable, "").strip():
                    values[name] = environ[variable].strip()
                    break
        try:
            return cls.model_validate(values)
        except ValidationError as error:
            problems = "; ".join(
                # a rule across fields (a model validator) has no location: its message names them
                f"{'/'.join(cls.variables(str(e['loc'][0])))}: {e['msg']}" if e["loc"] else e["msg"]
                for e in error.errors()
            )
            raise SettingsError(f"invalid settings: {problems}") from None


def __getattr__(name: str) -> Any:
    # DEFAULTS (every default, for code that needs one without reading the environment: the CDK
    # app, the local stack) is made on first use, so importing this module builds no model
    if name == "DEFAULTS":
        return _defaults()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@lru_cache(maxsize=1)
def _defaults() -> Settings:
    return Settings()


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings.from_environ(os.environ)


def reset_settings() -> None:
    get_settings.cache_clear()
