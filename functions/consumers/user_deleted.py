"""EventBridge rule target for `user.deleted` {tenantId, userId}: remove that user's connections."""

from __future__ import annotations

from typing import Any

from hub.jobs.consumers import on_user_deleted
from hub.jobs.entry import job_entry


@job_entry
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return on_user_deleted(event)
