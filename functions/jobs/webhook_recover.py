"""Webhook recover jobs (every minute): advance each due job a page at a time (hub.webhooks.recovery)."""

from __future__ import annotations

from typing import Any

from hub.jobs.entry import job_entry
from hub.jobs.runtime import TimeBudget
from hub.settings import get_settings
from hub.webhooks.recovery import run_due_recoveries


@job_entry
def handler(event: dict[str, Any], context: Any) -> dict[str, int]:
    budget = TimeBudget(context, margin_ms=get_settings().job_time_margin_ms)
    return run_due_recoveries(out_of_time=budget.exhausted)
