"""Liveness and readiness, and the answer model of the OpenAPI document route."""

import time
from typing import Any, Literal

from pydantic import Field

from hub import clock
from hub.answer import Answer
from hub.errors import ServiceUnavailable
from hub.repository import Repository
from hub.settings import get_settings

VERSION = "0.1.0"


class Liveness(Answer):
    status: Literal["ok"]
    service: str
    version: str
    time: str


class TableCheck(Answer):
    status: Literal["ok"]
    latencyMs: float


class ReadinessChecks(Answer):
    table: TableCheck


class Readiness(Answer):
    status: Literal["ready"]
    checks: ReadinessChecks
    time: str


class OpenApiDocument(Answer):
    """The document itself (OpenAPI 3.1); its parts are described by the OpenAPI specification."""

    openapi: str
    info: dict[str, Any]
    paths: dict[str, Any]
    components: dict[str, Any] = Field(default_factory=dict)
    tags: list[dict[str, Any]] = Field(default_factory=list)
    security: list[dict[str, Any]] | None = None
    servers: list[dict[str, Any]] | None = None


def health_status() -> Liveness:
    return Liveness(status="ok", service=get_settings().service_name, version=VERSION, time=clock.iso())


def readiness() -> Readiness:
    started = time.perf_counter()
    try:
        Repository().get("SYSTEM#READY", "PROBE", consistent=False)
    except Exception as error:
        raise ServiceUnavailable("The table does not answer", details={"check": "table"}) from error
    latency = round((time.perf_counter() - started) * 1000, 1)
    return Readiness(status="ready", checks=ReadinessChecks(table=TableCheck(status="ok", latencyMs=latency)),
                     time=clock.iso())
