"""Scheduled (every `purge_schedule_minutes`): delete OAuth states past their ttl that DynamoDB
TTL has not removed yet, and count them (hub.jobs.purge)."""

from __future__ import annotations

from typing import Any

from hub.jobs.entry import job_entry
from hub.jobs.purge import purge_expired_states
from hub.jobs.runtime import TimeBudget
from hub.settings import get_settings


@job_entry
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return purge_expired_states(budget=TimeBudget(context, margin_ms=get_settings().job_time_margin_ms))
