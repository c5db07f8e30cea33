"""The stack's configuration, read once from CDK context (`-c key=value` or cdk.json).

Context keys (all optional):
  stage                 dev            name suffix and HUB_STAGE
  jwtIssuer             (none)         an external OIDC issuer; absent → the stack creates a Cognito pool
  jwtAudience           (none)         comma-separated audiences; required with jwtIssuer
  claimUser/claimTenant/claimRoles/claimEmail   JWT claim names (HUB_CLAIM_*); Cognito sets its own
  alarmEmail            (none)         subscribes an address to the alarm topic
  allowedReturnOrigins  (none)         comma-separated origins: CORS and OAuth return URLs
  secretPrefix          integration-hub/<stage>   Secrets Manager name prefix of the vault
  vaultBackend          secretsmanager where connection credentials live: secretsmanager | table
                                       (HUB_VAULT_BACKEND; docs/deploy.md "Choosing a vault backend")
  vaultScope            function       whose credentials open a tenant's: function | tenant (a session
                                       of a vault role per tenant; HUB_VAULT_SCOPE; docs/deploy.md
                                       "A blast radius of one tenant")
  publicApiUrl          (the API URL)  a custom domain in front of the API, for OAuth callbacks
  logRetentionDays      30             Lambda and access-log retention
  logLevel              INFO
  throttleRateLimit     100            default stage steady-state requests per second
  throttleBurstLimit    200
  publicThrottleRateLimit 10           per public route (health, ready, openapi, OAuth start/callback)
  publicThrottleBurstLimit 20
  consumedEventSources  platform       comma-separated `source`s whose events the hub consumes
                                       (user.deleted, content.published); no other source reaches them
  refreshFailureThreshold 5            RefreshFailed count per 15 minutes that raises the alarm
  scheduleMinutes       (none)         worker schedules, {"refresh-due-connections": 10} or
                                       refresh-due-connections=10,purge-expired-states=120
                                       (defaults: functions/workers.py)
  skipDepsLayer         false          also env HUB_SKIP_DEPS_LAYER=1: placeholder deps layer
                                       (template tests only; never deploy it)
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol, get_args

from aws_cdk import aws_logs as logs

from hub.http.routing import Worker
from hub.settings import Settings

RETENTION: dict[int, logs.RetentionDays] = {
    1: logs.RetentionDays.ONE_DAY,
    3: logs.RetentionDays.THREE_DAYS,
    5: logs.RetentionDays.FIVE_DAYS,
    7: logs.RetentionDays.ONE_WEEK,
    14: logs.RetentionDays.TWO_WEEKS,
    30: logs.RetentionDays.ONE_MONTH,
    60: logs.RetentionDays.TWO_MONTHS,
    90: logs.RetentionDays.THREE_MONTHS,
    180: logs.RetentionDays.SIX_MONTHS,
    365: logs.RetentionDays.ONE_YEAR,
    731: logs.RetentionDays.TWO_YEARS,
}
_SECRET_PREFIX = re.compile(r"^[A-Za-z0-9/_+=.@-]{1,200}$")
# hub.vault.BACKENDS (the CDK app does not import the domain package's AWS-facing modules)
VAULT_BACKENDS = ("secretsmanager", "table")
VAULT_SCOPES: tuple[str, ...] = get_args(Settings.model_fields["vault_scope"].annotation)  # declared once, there
_STAGE = re.compile(r"^[a-z][a-z0-9-]{0,20}$")


class ConfigError(ValueError):
    pass


class ContextReader(Protocol):
    def try_get_context(self, key: str) -> Any: ...


PRODUCTION_STAGES = frozenset({"prod", "production"})
# `-c upgrade=detach`: the first of the two deploys that move a stack deployed before the nested
# stacks onto them (infra/upgrade.py, docs/deploy.md "Upgrading a stack deployed before ...")
UPGRADE_DETACH = "detach"


@dataclass(frozen=True)
class HubConfig:
    stage: str = "dev"
    jwt_issuer: str | None = None
    jwt_audience: tuple[str, ...] = ()
    claim_user: str | None = None
    claim_tenant: str | None = None
    claim_roles: str | None = None
    claim_email: str | None = None
    alarm_email: str | None = None
    allowed_return_origins: tuple[str, ...] = ()
    secret_prefix: str = "integration-hub/dev"
    vault_backend: str = "secretsmanager"
    vault_scope: str = "function"
    public_api_url: str | None = None
    log_retention_days: int = 30
    log_level: str = "INFO"
    throttle_rate_limit: int = 100
    throttle_burst_limit: int = 200
    public_throttle_rate_limit: int = 10
    public_throttle_burst_limit: int = 20
    consumed_event_sources: tuple[str, ...] = ("platform",)
    refresh_failure_threshold: int = 5
    skip_deps_layer: bool = False
    schedule_minutes: tuple[tuple[str, int], ...] = ()
    upgrade: str | None = None

    def with_schedules(self, workers: Sequence[Worker]) -> list[Worker]:
        """The worker table with this deployment's schedules; an unknown worker name is an error."""
        overrides = dict(self.schedule_minutes)
        scheduled = {w.name for w in workers if w.trigger == "schedule"}
        if unknown := sorted(set(overrides) - scheduled):
            raise ConfigError(f"context scheduleMinutes names no scheduled worker: {unknown}; have {sorted(scheduled)}")
        return [replace(w, schedule_minutes=overrides[w.name]) if w.name in overrides else w for w in workers]

    @property
    def uses_cognito(self) -> bool:
        return self.jwt_issuer is None

    @property
    def log_retention(self) -> logs.RetentionDays:
        return RETENTION[self.log_retention_days]

    @property
    def detaching(self) -> bool:
        """Upgrade phase 1: the stack without its functions and routes (infra/upgrade.py)."""
        return self.upgrade == UPGRADE_DETACH

    @property
    def is_production(self) -> bool:
        return self.stage in PRODUCTION_STAGES

    @classmethod
    def from_context(cls, node: ContextReader) -> HubConfig:
        def text(key: str) -> str | None:
            value = node.try_get_context(key)
            if value is None:
                return None
            value = str(value).strip()
            return value or None

        def text_list(key: str) -> tuple[str, ...]:
            value = node.try_get_context(key)
            if value is None:
                return ()
            items = value if isinstance(value, list | tuple) else str(value).split(",")
            return tuple(str(item).strip() for item in items if str(item).strip())

        def number(key: str, default: int) -> int:
            value = text(key)
            try:
                return int(value) if value is not None else default
            except ValueError:
                raise ConfigError(f"context {key} must be a whole number, got {value!r}") from None

        stage = text("stage") or "dev"
        if not _STAGE.match(stage):
            raise ConfigError(f"context stage must match {_STAGE.pattern}, got {stage!r}")
        issuer = text("jwtIssuer")
        audience = text_list("jwtAudience")
        if issuer and not audience:
            raise ConfigError(
                "context jwtIssuer needs jwtAudience (the API Gateway JWT authorizer checks aud)"
            )
        if issuer and not issuer.startswith("https://"):
            raise ConfigError("context jwtIssuer must be an https:// URL")
        if audience and not issuer:
            raise ConfigError(
                "context jwtAudience without jwtIssuer: give both, or neither for the Cognito pool"
            )
        secret_prefix = (text("secretPrefix") or f"integration-hub/{stage}").rstrip("/")
        if not _SECRET_PREFIX.match(secret_prefix) or "*" in secret_prefix:
            raise ConfigError(
                f"context secretPrefix has characters Secrets Manager names cannot hold: {secret_prefix!r}"
            )
        vault_backend = (text("vaultBackend") or "secretsmanager").lower()
        if vault_backend not in VAULT_BACKENDS:
            raise ConfigError(f"context vaultBackend must be one of {', '.join(VAULT_BACKENDS)}, got {vault_backend!r}")
        vault_scope = (text("vaultScope") or VAULT_SCOPES[0]).lower()
        if vault_scope not in VAULT_SCOPES:
            raise ConfigError(f"context vaultScope must be one of {', '.join(VAULT_SCOPES)}, got {vault_scope!r}")
        retention = number("logRetentionDays", 30)
        if retention not in RETENTION:
            raise ConfigError(f"context logRetentionDays must be one of {sorted(RETENTION)}")
        origins = text_list("allowedReturnOrigins")
        for origin in origins:
            if not re.match(r"^https?://[^/\s]+$", origin):
                raise ConfigError(
                    f"allowedReturnOrigins takes origins (scheme://host[:port]), got {origin!r}"
                )
        if stage in PRODUCTION_STAGES:
            # OAuth sends browsers (with the outcome, and in frontend mode the code) to these
            # origins: a production hub must name them, and only over https
            if not origins:
                raise ConfigError("a production stage needs allowedReturnOrigins (the app's https origins)")
            plain = [origin for origin in origins if not origin.startswith("https://")]
            if plain:
                raise ConfigError(f"a production stage refuses http:// return origins: {plain}")
        public_api_url = (text("publicApiUrl") or "").rstrip("/") or None
        if public_api_url is not None and not re.match(r"^https?://[^/\s?#]+(/[^\s?#]*)?$", public_api_url):
            raise ConfigError(f"context publicApiUrl must be an absolute URL, got {public_api_url!r}")
        schedules = _schedule_minutes(node.try_get_context("scheduleMinutes"))
        upgrade = text("upgrade") or None
        if upgrade not in (None, UPGRADE_DETACH):
            raise ConfigError(f"context upgrade must be {UPGRADE_DETACH!r} (or absent), got {upgrade!r}")
        skip_flag = text("skipDepsLayer") or os.environ.get("HUB_SKIP_DEPS_LAYER", "")
        return cls(
            stage=stage,
            jwt_issuer=issuer,
            jwt_audience=audience,
            claim_user=text("claimUser"),
            claim_tenant=text("claimTenant"),
            claim_roles=text("claimRoles"),
            claim_email=text("claimEmail"),
            alarm_email=text("alarmEmail"),
            allowed_return_origins=origins,
            secret_prefix=secret_prefix,
            vault_backend=vault_backend,
            vault_scope=vault_scope,
            public_api_url=public_api_url,
            log_retention_days=retention,
            log_level=(text("logLevel") or "INFO").upper(),
            throttle_rate_limit=number("throttleRateLimit", 100),
            throttle_burst_limit=number("throttleBurstLimit", 200),
            public_throttle_rate_limit=number("publicThrottleRateLimit", 10),
            public_throttle_burst_limit=number("publicThrottleBurstLimit", 20),
            consumed_event_sources=tuple(
                s.strip() for s in (text("consumedEventSources") or "platform").split(",") if s.strip()
            ),
            refresh_failure_threshold=number("refreshFailureThreshold", 5),
            skip_deps_layer=skip_flag.strip().lower() in {"1", "true", "yes", "on"},
            schedule_minutes=schedules,
            upgrade=upgrade,
        )


def _schedule_minutes(value: Any) -> tuple[tuple[str, int], ...]:
    """`{"name": minutes}` (cdk.json) or `name=minutes,name=minutes` (-c on the command line)."""
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("{"):
            value = json.loads(text)
        else:
            pairs = [part.partition("=") for part in text.split(",") if part.strip()]
            value = {name.strip(): minutes.strip() for name, _, minutes in pairs}
    if not isinstance(value, dict):
        raise ConfigError("context scheduleMinutes must map worker names to minutes")
    result = []
    for name, minutes in sorted(value.items()):
        try:
            number = int(minutes)
        except (TypeError, ValueError):
            number = 0
        if number < 1:
            raise ConfigError(f"context scheduleMinutes[{name}] must be a whole number of minutes >= 1")
        result.append((str(name), number))
    return tuple(result)
