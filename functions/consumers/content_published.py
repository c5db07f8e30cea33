"""EventBridge rule target for `content.published` {tenantId, contentId, ...}: sync the tenant's
integrations whose provider can publish, each run recorded as a sync log."""

from __future__ import annotations

from typing import Any

from hub.jobs.consumers import on_content_published
from hub.jobs.entry import job_entry


@job_entry
def handler(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return on_content_published(event)
