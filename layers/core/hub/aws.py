"""boto3 clients, created lazily and once per process (warm Lambda reuse).

Only repository, vault and event-bus classes call these.
"""

from __future__ import annotations

import threading
from typing import Any

from hub.settings import get_settings

_clients: dict[str, Any] = {}
_lock = threading.Lock()


def client(service: str) -> Any:
    cached = _clients.get(service)
    if cached is not None:
        return cached
    with _lock:
        if service not in _clients:
            import boto3

            _clients[service] = boto3.client(service, **client_options())  # type: ignore[call-overload]
    return _clients[service]


def client_options() -> dict[str, Any]:
    """Region, endpoint and retry/pool configuration of every hub client (also the vault's
    tenant-scoped ones, hub/vault/clients.py)."""
    from botocore.config import Config

    settings = get_settings()
    kwargs: dict[str, Any] = {
        "region_name": settings.region,
        # the jobs call from a thread pool (refresh_concurrency): a pool per thread, not 10 shared
        "config": Config(retries={"mode": "standard", "max_attempts": 3}, connect_timeout=3, read_timeout=10,
                         max_pool_connections=50),
    }
    if settings.aws_endpoint_url:
        kwargs["endpoint_url"] = settings.aws_endpoint_url
    return kwargs


def reset_clients() -> None:
    """Tests and the local stack call this after changing endpoints or mocks."""
    with _lock:
        _clients.clear()
