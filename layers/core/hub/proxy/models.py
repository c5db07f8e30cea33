"""What a provider call is made of, what comes back, and the quota limits (typed, no I/O)."""

from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from hub.validation import parse_json

Method = Literal["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]
# retried without the caller asking: repeating them cannot do a second thing (RFC 9110 §9.2.2)
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})


@dataclass(frozen=True)
class AwsTarget:
    """Where an `aws` connection's request goes and what it is signed for."""

    service: str
    region: str


@dataclass(frozen=True)
class ProviderCall:
    """One request to a provider's API, relative to its base URL. `path` is already checked
    (hub.proxy.paths) and percent-encoded; `headers` are what the caller may send (allow-listed,
    never a credential)."""

    method: Method
    path: str
    query: tuple[tuple[str, str], ...] = ()
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None
    retry: bool | None = None  # None: retry idempotent methods only
    aws: AwsTarget | None = None
    path_template: str | None = None  # what activity and metrics record instead of the path

    @property
    def retryable(self) -> bool:
        return self.method in IDEMPOTENT_METHODS if self.retry is None else self.retry


@dataclass(frozen=True)
class ProviderAnswer:
    """The provider's answer as it came, with what the hub did to get it."""

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes
    attempts: int
    refreshed: bool
    latency_ms: int  # time spent waiting for the provider, summed over attempts

    def header(self, name: str) -> str | None:
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)

    def json(self) -> Any:
        """The body as JSON; a ValueError for anything else (hub.validation.parse_json)."""
        return parse_json(self.body)


class QuotaLimits(BaseModel):
    """A provider's request budget for one connection: `requests` per `perSeconds`, spent at
    most `burst` at once (default: all of them)."""

    model_config = ConfigDict(defer_build=True, extra="forbid", frozen=True, populate_by_name=True)

    requests: int = Field(ge=1, le=1_000_000, description="Requests allowed per period")
    perSeconds: int = Field(ge=1, le=86_400, description="The period, in seconds")
    burst: int | None = Field(default=None, ge=1, le=1_000_000,
                              description="Most requests at once (default: `requests`)")

    @property
    def interval(self) -> float:
        """Seconds one request costs."""
        return self.perSeconds / self.requests

    @property
    def capacity(self) -> int:
        return self.burst or self.requests
