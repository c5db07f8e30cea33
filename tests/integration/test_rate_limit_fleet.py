"""Adversarial: a fleet of warm containers counting rate-limit hits ahead against one table
(hub/http/rate_limit.py). Each simulated container has its own leases and its own clock skew;
containers die holding leases and new ones start cold; windows roll over mid-run."""

from __future__ import annotations

import json
import random
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

from hub import clock
from hub.errors import RateLimitExceeded
from hub.http import rate_limit
from hub.http.rate_limit import RateLimiter, RateLimitStatus
from hub.repository import Repository
from hub.settings import reset_settings
from hub.table import tenant_pk

WINDOW = 60
LEASE_MAX = 8


@dataclass
class Container:
    """One warm Lambda container: its own in-memory leases, its own clock skew."""

    name: int
    skew: float
    leases: dict[tuple[str, str], object] = field(default_factory=dict)

    def now(self) -> float:
        return clock.now() + self.skew

    def window(self) -> int:
        return int(self.now() // WINDOW) * WINDOW

    def hit(self, tenant: str, rate_class: str = "integration") -> RateLimitStatus | RateLimitExceeded:
        saved = rate_limit._leases
        rate_limit._leases = self.leases  # type: ignore[assignment]
        clock.advance(self.skew)
        try:
            return RateLimiter().hit(tenant, rate_class)
        except RateLimitExceeded as refused:
            return refused
        finally:
            clock.advance(-self.skew)
            rate_limit._leases = saved


@pytest.fixture
def limit_of(aws_env, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[int], None]]:
    def set_limit(limit: int) -> None:
        monkeypatch.setenv("HUB_RATE_LIMITS", json.dumps({"integration": limit, "search": limit}))
        monkeypatch.setenv("HUB_RATE_LIMIT_WINDOW_SECONDS", str(WINDOW))
        monkeypatch.setenv("HUB_RATE_LIMIT_LEASE_MAX", str(LEASE_MAX))
        reset_settings()

    yield set_limit


def counted(tenant: str, window_start: int, rate_class: str = "integration") -> int:
    item = Repository().get(tenant_pk(tenant), f"RATE#{rate_class}#{window_start}")
    return int((item or {}).get("hits", 0))


@pytest.mark.parametrize("seed", [1, 2])
def test_a_fleet_with_skewed_clocks_and_dying_containers_is_never_admitted_over_the_limit(limit_of, seed) -> None:
    # Given a limit of 100 a minute, six warm containers whose clocks disagree by up to 2 s
    limit_of(100)
    rng = random.Random(seed)
    clock.advance(WINDOW - clock.now() % WINDOW + 1)  # start just after a window edge
    fleet = [Container(name=n, skew=rng.uniform(-2, 2)) for n in range(6)]
    born = len(fleet)
    admitted: Counter[tuple[str, int]] = Counter()
    refused: Counter[tuple[str, int]] = Counter()
    writers: dict[tuple[str, int], set[int]] = {}
    # When two tenants call through random containers for about two minutes (windows roll over;
    # acme far over its limit, globex far under), and now and then a container dies holding leases
    for _ in range(600):
        clock.advance(rng.uniform(0.0, 0.4))
        if rng.random() < 0.02:
            index = rng.randrange(len(fleet))
            fleet[index] = Container(name=born, skew=rng.uniform(-2, 2))
            born += 1
        container = rng.choice(fleet)
        tenant = "acme" if rng.random() < 0.9 else "globex"
        key = (tenant, container.window())
        writers.setdefault(key, set()).add(container.name)
        answer = container.hit(tenant)
        if isinstance(answer, RateLimitExceeded):
            refused[key] += 1
            # Then a refusal says to come back exactly when the container's window ends
            assert answer.retry_after == max(1, int(container.window() + WINDOW - container.now() + 0.999))
            assert answer.headers["X-RateLimit-Remaining"] == "0"
        else:
            admitted[key] += 1
            assert 0 <= answer.remaining < answer.limit
            assert answer.reset == container.window() + WINDOW
    # Then no tenant's window ever admitted more than the limit, across the whole fleet
    assert acme_windows(admitted) and max(admitted.values()) <= 100, admitted
    for key, count in admitted.items():
        # And the table counted at least every admitted hit of that tenant's window
        assert counted(*key) >= count
        # And hits counted ahead and lost (dead containers, a window's end) refuse at most
        # LEASE_MAX - 1 early per container that counted in that window
        if refused[key]:
            assert count >= 100 - (LEASE_MAX - 1) * len(writers[key]), (key, count, writers[key])
    # And the busy tenant never spent the quiet tenant's count: globex was never refused
    assert not any(tenant == "globex" for tenant, _ in refused), refused


def acme_windows(admitted: Counter[tuple[str, int]]) -> list[int]:
    return [window for tenant, window in admitted if tenant == "acme"]


def test_a_refused_caller_is_admitted_once_its_retry_after_has_passed(limit_of) -> None:
    # Given a limit of 32, spent by two warm containers that each counted hits ahead
    limit_of(32)
    clock.advance(WINDOW - clock.now() % WINDOW + 1)
    first, second = Container(name=1, skew=0.0), Container(name=2, skew=0.0)
    answers = [(first if n % 2 else second).hit("acme") for n in range(40)]
    refusals = [a for a in answers if isinstance(a, RateLimitExceeded)]
    assert refusals and sum(1 for a in answers if not isinstance(a, RateLimitExceeded)) <= 32
    retry_after = refusals[-1].retry_after
    # When the caller waits one second less than it was told, it is still refused
    clock.advance(retry_after - 1)
    assert isinstance(first.hit("acme"), RateLimitExceeded)
    assert isinstance(second.hit("acme"), RateLimitExceeded)
    # When it waits the whole Retry-After, both containers admit it with a fresh window's count
    clock.advance(1)
    answer = first.hit("acme")
    assert isinstance(answer, RateLimitStatus) and answer.remaining == 31
    answer = second.hit("acme")
    assert isinstance(answer, RateLimitStatus) and answer.remaining == 30


def test_hits_counted_ahead_for_one_tenant_or_class_never_admit_another(limit_of) -> None:
    # Given one warm container holding hits it counted ahead for acme's integration class
    limit_of(64)
    clock.advance(WINDOW - clock.now() % WINDOW + 1)
    container = Container(name=1, skew=0.0)
    for _ in range(7):  # writes of 1, 2, 4 hits: four hits left in memory after the seventh
        container.hit("acme")
    window = container.window()
    assert counted("acme", window) == 7
    # When globex calls, and acme calls another endpoint class, through the same container
    globex = container.hit("globex")
    search = container.hit("acme", "search")
    # Then each wrote its own count from one, untouched by acme's integration hits
    assert isinstance(globex, RateLimitStatus) and globex.remaining == 63
    assert isinstance(search, RateLimitStatus) and search.remaining == 63
    assert counted("globex", window) == 1 and counted("acme", window, "search") == 1
    assert counted("acme", window) == 7
