"""The one place that reads the process environment.

Every other module asks `get_settings()`; tests call `reset_settings()` after changing the
environment. Values have safe local defaults so the domain package imports without AWS.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache

DEFAULT_RATE_LIMITS: dict[str, int] = {
    # per tenant, per endpoint class, per minute (docs/architecture.md, Rate limits)
    "provider": 100,
    "integration": 200,
    "connection": 50,
    "search": 30,
    "widget": 100,
    "webhook": 100,
    "audit": 100,
}
# Standard Webhooks / Svix schedule: after the first attempt, retry after 5 s, 5 min, 30 min,
# 2 h, 5 h, 10 h and 10 h (each with jitter); then the delivery is failed.
DEFAULT_WEBHOOK_RETRY_SCHEDULE: tuple[float, ...] = (5, 300, 1800, 7200, 18000, 36000, 36000)


def _env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def _env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    return int(raw) if raw not in (None, "") else default


def _env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def _env_seconds(name: str, default: tuple[float, ...]) -> tuple[float, ...]:
    raw = os.environ.get(name, "")
    if not raw.strip():
        return default
    return tuple(float(part) for part in raw.split(",") if part.strip())


def _env_ports(name: str, default: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """"443,8443,9000-9100" -> ((443, 443), (8443, 8443), (9000, 9100))."""
    raw = os.environ.get(name, "")
    if not raw.strip():
        return default
    ranges = []
    for part in (p.strip() for p in raw.split(",") if p.strip()):
        low, _, high = part.partition("-")
        ranges.append((int(low), int(high or low)))
    return tuple(ranges)


def _env_list(name: str) -> tuple[str, ...]:
    raw = os.environ.get(name, "")
    return tuple(part.strip() for part in raw.split(",") if part.strip())


@dataclass(frozen=True)
class Settings:
    stage: str = "dev"
    service_name: str = "integration-hub"
    region: str = "us-east-1"
    table_name: str = "integration-hub"
    event_bus_name: str = "integration-hub"
    event_source: str = "integration-hub"
    kms_key_id: str = ""
    secret_prefix: str = "integration-hub"  # noqa: S105 - a name prefix, not a secret
    # where connection credentials live (hub.vault): "secretsmanager" or "table"; the CDK
    # context `vaultBackend` sets it for a deployment
    vault_backend: str = "secretsmanager"
    # seconds a warm function may reuse an Encryption SDK data key (0: never; hub/vault/crypto.py)
    vault_data_key_cache_seconds: int = 0
    # provider record + client secret kept per warm container (hub/catalog/cache.py)
    provider_cache_seconds: int = 60
    # a forced refresh of a still-fresh token: at most one per connection in this many seconds
    forced_refresh_interval_seconds: int = 60
    aws_endpoint_url: str = ""
    # X-Ray through Powertools' Tracer: on inside Lambda unless POWERTOOLS_TRACE_DISABLED says no
    tracing_enabled: bool = False
    # identity: claim names are configuration (docs/architecture.md, Identity)
    claim_user: str = "sub"
    claim_tenant: str = "tenant_id"
    claim_roles: str = "roles"
    claim_email: str = "email"
    # request pipeline
    max_body_bytes: int = 256 * 1024
    rate_limits: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_RATE_LIMITS))
    rate_limit_window_seconds: int = 60
    idempotency_ttl_seconds: int = 24 * 3600
    audit_retention_days: int = 365
    # scheduled jobs, queue consumers and sync logs (jobs issue)
    refresh_schedule_minutes: int = 5
    health_schedule_minutes: int = 15
    purge_schedule_minutes: int = 60
    # local stack only: fire every schedule this often (a demo shows a refresh within a minute)
    jobs_interval_seconds: int = 0
    refresh_concurrency: int = 16
    refresh_inline_max: int = 2000
    refresh_scan_max: int = 20_000
    job_time_margin_ms: int = 20_000
    health_check_interval_seconds: int = 900
    health_failure_threshold: int = 3
    health_concurrency: int = 8
    health_retention_days: int = 30
    sync_log_retention_days: int = 90
    # search fan-out: providers searched at once, and how long one provider may take
    search_concurrency: int = 8
    search_timeout_seconds: float = 8.0
    # URLs
    public_api_url: str = "http://127.0.0.1:3000"
    allowed_return_origins: tuple[str, ...] = ()
    allow_http_loopback: bool = False
    # oauth / jobs (used by later issues)
    oauth_state_ttl_seconds: int = 600
    refresh_buffer_seconds: int = 300
    # connections: refresh failures over this many UTC days turn a connection to "error"
    refresh_max_failure_days: int = 3
    refresh_lease_seconds: int = 60
    refresh_backoff_max_seconds: int = 3600
    activity_retention_days: int = 30
    refresh_queue_url: str = ""
    webhook_queue_url: str = ""
    http_timeout_seconds: float = 15.0
    # base URL of the local sandbox OAuth provider; fills `{sandboxBaseUrl}` in the sandbox templates
    sandbox_base_url: str = ""
    # outgoing webhooks
    webhook_timeout_seconds: float = 15.0
    webhook_retry_schedule: tuple[float, ...] = DEFAULT_WEBHOOK_RETRY_SCHEDULE
    webhook_disable_after_days: float = 5.0
    webhook_delivery_retention_days: int = 30
    webhook_max_body_bytes: int = 64 * 1024
    webhook_secret_overlap_seconds: int = 24 * 3600
    webhook_send_concurrency: int = 16
    webhook_sweep_max_deliveries: int = 500
    # ports a webhook URL may use (inclusive ranges); the local stack and tests add loopback ports
    webhook_allowed_ports: tuple[tuple[int, int], ...] = ((443, 443), (8443, 8443))
    # how much of a receiver's answer is kept, and for how long (the delivery itself stays longer)
    webhook_response_keep_bytes: int = 1024
    webhook_response_retention_hours: int = 72

    @property
    def oauth_callback_url(self) -> str:
        return self.public_api_url.rstrip("/") + "/api/integrations/oauth/callback"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    limits = dict(DEFAULT_RATE_LIMITS)
    if raw := _env("HUB_RATE_LIMITS"):
        limits.update({str(k): int(v) for k, v in json.loads(raw).items()})
    return Settings(
        stage=_env("HUB_STAGE", "dev"),
        service_name=_env("POWERTOOLS_SERVICE_NAME", "integration-hub"),
        region=_env("AWS_REGION", _env("AWS_DEFAULT_REGION", "us-east-1")),
        table_name=_env("HUB_TABLE_NAME", "integration-hub"),
        event_bus_name=_env("HUB_EVENT_BUS_NAME", "integration-hub"),
        event_source=_env("HUB_EVENT_SOURCE", "integration-hub"),
        kms_key_id=_env("HUB_KMS_KEY_ID"),
        secret_prefix=_env("HUB_SECRET_PREFIX", "integration-hub"),
        vault_backend=_env("HUB_VAULT_BACKEND", "secretsmanager").strip().lower() or "secretsmanager",
        vault_data_key_cache_seconds=max(0, _env_int("HUB_VAULT_DATA_KEY_CACHE_SECONDS", 0)),
        provider_cache_seconds=max(0, _env_int("HUB_PROVIDER_CACHE_SECONDS", 60)),
        forced_refresh_interval_seconds=max(0, _env_int("HUB_FORCED_REFRESH_INTERVAL_SECONDS", 60)),
        aws_endpoint_url=_env("HUB_AWS_ENDPOINT_URL"),
        tracing_enabled=bool(_env("LAMBDA_TASK_ROOT")) and not _env_bool("POWERTOOLS_TRACE_DISABLED"),
        claim_user=_env("HUB_CLAIM_USER", "sub"),
        claim_tenant=_env("HUB_CLAIM_TENANT", "tenant_id"),
        claim_roles=_env("HUB_CLAIM_ROLES", "roles"),
        claim_email=_env("HUB_CLAIM_EMAIL", "email"),
        max_body_bytes=_env_int("HUB_MAX_BODY_BYTES", 256 * 1024),
        rate_limits=limits,
        rate_limit_window_seconds=_env_int("HUB_RATE_LIMIT_WINDOW_SECONDS", 60),
        idempotency_ttl_seconds=_env_int("HUB_IDEMPOTENCY_TTL_SECONDS", 24 * 3600),
        audit_retention_days=_env_int("HUB_AUDIT_RETENTION_DAYS", 365),
        refresh_schedule_minutes=_env_int("HUB_REFRESH_SCHEDULE_MINUTES", 5),
        health_schedule_minutes=_env_int("HUB_HEALTH_SCHEDULE_MINUTES", 15),
        purge_schedule_minutes=_env_int("HUB_PURGE_SCHEDULE_MINUTES", 60),
        jobs_interval_seconds=_env_int("HUB_JOBS_INTERVAL_SECONDS", 0),
        refresh_concurrency=max(1, _env_int("HUB_REFRESH_CONCURRENCY", 16)),
        refresh_inline_max=max(1, _env_int("HUB_REFRESH_INLINE_MAX", 2000)),
        refresh_scan_max=max(1, _env_int("HUB_REFRESH_SCAN_MAX", 20_000)),
        job_time_margin_ms=_env_int("HUB_JOB_TIME_MARGIN_MS", 20_000),
        # a local demo interval also shortens the health period, so checks show up too
        health_check_interval_seconds=_env_int(
            "HUB_HEALTH_CHECK_INTERVAL_SECONDS", _env_int("HUB_JOBS_INTERVAL_SECONDS", 0) or 900
        ),
        health_failure_threshold=max(1, _env_int("HUB_HEALTH_FAILURE_THRESHOLD", 3)),
        health_concurrency=max(1, _env_int("HUB_HEALTH_CONCURRENCY", 8)),
        health_retention_days=_env_int("HUB_HEALTH_RETENTION_DAYS", 30),
        sync_log_retention_days=_env_int("HUB_SYNC_LOG_RETENTION_DAYS", 90),
        search_concurrency=max(1, _env_int("HUB_SEARCH_CONCURRENCY", 8)),
        search_timeout_seconds=max(0.1, float(_env("HUB_SEARCH_TIMEOUT_SECONDS", "8"))),
        public_api_url=_env("HUB_PUBLIC_API_URL", "http://127.0.0.1:3000"),
        allowed_return_origins=_env_list("HUB_ALLOWED_RETURN_ORIGINS"),
        allow_http_loopback=_env_bool("HUB_ALLOW_HTTP_LOOPBACK", False),
        oauth_state_ttl_seconds=_env_int("HUB_OAUTH_STATE_TTL_SECONDS", 600),
        refresh_buffer_seconds=_env_int("HUB_REFRESH_BUFFER_SECONDS", 300),
        refresh_max_failure_days=_env_int("HUB_REFRESH_MAX_FAILURE_DAYS", 3),
        refresh_lease_seconds=_env_int("HUB_REFRESH_LEASE_SECONDS", 60),
        refresh_backoff_max_seconds=_env_int("HUB_REFRESH_BACKOFF_MAX_SECONDS", 3600),
        activity_retention_days=_env_int("HUB_ACTIVITY_RETENTION_DAYS", 30),
        refresh_queue_url=_env("HUB_REFRESH_QUEUE_URL"),
        webhook_queue_url=_env("HUB_WEBHOOK_QUEUE_URL"),
        http_timeout_seconds=float(_env("HUB_HTTP_TIMEOUT_SECONDS", "15")),
        sandbox_base_url=_env("HUB_SANDBOX_BASE_URL"),
        webhook_timeout_seconds=float(_env("HUB_WEBHOOK_TIMEOUT_SECONDS", "15")),
        webhook_retry_schedule=_env_seconds("HUB_WEBHOOK_RETRY_SCHEDULE", DEFAULT_WEBHOOK_RETRY_SCHEDULE),
        webhook_disable_after_days=float(_env("HUB_WEBHOOK_DISABLE_AFTER_DAYS", "5")),
        webhook_delivery_retention_days=_env_int("HUB_WEBHOOK_DELIVERY_RETENTION_DAYS", 30),
        webhook_max_body_bytes=_env_int("HUB_WEBHOOK_MAX_BODY_BYTES", 64 * 1024),
        webhook_secret_overlap_seconds=_env_int("HUB_WEBHOOK_SECRET_OVERLAP_SECONDS", 24 * 3600),
        webhook_send_concurrency=max(1, _env_int("HUB_WEBHOOK_SEND_CONCURRENCY", 16)),
        webhook_sweep_max_deliveries=_env_int("HUB_WEBHOOK_SWEEP_MAX_DELIVERIES", 500),
        webhook_allowed_ports=_env_ports("HUB_WEBHOOK_ALLOWED_PORTS", ((443, 443), (8443, 8443))),
        webhook_response_keep_bytes=max(0, _env_int("HUB_WEBHOOK_RESPONSE_KEEP_BYTES", 1024)),
        webhook_response_retention_hours=max(1, _env_int("HUB_WEBHOOK_RESPONSE_RETENTION_HOURS", 72)),
    )


def reset_settings() -> None:
    get_settings.cache_clear()
