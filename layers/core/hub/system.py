"""Liveness and readiness."""

from __future__ import annotations

import time
from typing import Any

from hub import clock
from hub.errors import ServiceUnavailable
from hub.repository import Repository
from hub.settings import get_settings

VERSION = "0.1.0"


def health_status() -> dict[str, Any]:
    return {"status": "ok", "service": get_settings().service_name, "version": VERSION, "time": clock.iso()}


def readiness() -> dict[str, Any]:
    started = time.perf_counter()
    try:
        Repository().get("SYSTEM#READY", "PROBE", consistent=False)
    except Exception as error:
        raise ServiceUnavailable("The table does not answer", details={"check": "table"}) from error
    return {
        "status": "ready",
        "checks": {"table": {"status": "ok", "latencyMs": round((time.perf_counter() - started) * 1000, 1)}},
        "time": clock.iso(),
    }
