"""Scheduled (every `refresh_schedule_minutes`): refresh the connections whose token is about to
expire; more than one invocation can do goes to the refresh queue (hub.jobs.refresh_due)."""

from __future__ import annotations

from typing import Any

from hub.jobs.entry import job_entry
from hub.jobs.refresh_due import refresh_due_connections
from hub.jobs.runtime import TimeBudget, invocation_id
from hub.settings import get_settings


@job_entry
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    budget = TimeBudget(context, margin_ms=get_settings().job_time_margin_ms)
    report = refresh_due_connections(owner=invocation_id(context, "refresh-due-connections"), budget=budget)
    return report.as_dict()
