"""Scheduled (every `health_schedule_minutes`): run the verification request of each connection
whose health check is due, record it, and move status on the failure threshold (hub.jobs.health)."""

from __future__ import annotations

from typing import Any

from hub.jobs.entry import job_entry
from hub.jobs.health import check_connection_health
from hub.jobs.runtime import TimeBudget
from hub.settings import get_settings


@job_entry
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    budget = TimeBudget(context, margin_ms=get_settings().job_time_margin_ms)
    return check_connection_health(budget=budget).as_dict()
