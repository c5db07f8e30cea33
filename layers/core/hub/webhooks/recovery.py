"""Recover: resend every failed delivery of an endpoint since a time, as a background job.

`POST /api/tenant/webhooks/{webhookId}/recover` records a job (queued, in the due index); the
`webhook-recover` worker (every minute) takes due jobs, walks the endpoint's deliveries newest
first a page at a time, and puts each failed one created in the window back in the retry due
index for one more attempt; the retry sweep sends them (and the endpoint's throttle and the
batching apply as for any retry). Progress (deliveries scanned, requeued, the page cursor) is
saved after every page, so a job outlives its invocation and `GET .../recover/{jobId}` shows it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hub import clock
from hub.errors import Conflict, ValidationError, WebhookNotFound
from hub.ids import new_id
from hub.observability import logger
from hub.request import record_change
from hub.table import tenant_pk
from hub.webhooks.models import RecoverJobView, RecoverRequest
from hub.webhooks.recovery_repository import RecoveryRepository, recover_due_keys
from hub.webhooks.repository import WebhookRepository, recover_sk

PAGE_SIZE = 100
JOB_LEASE_SECONDS = 120.0  # longer than one page's work; then another run takes the job over
MAX_JOBS_PER_RUN = 20
_VIEW_FIELDS = set(RecoverJobView.model_fields)


def job_view(item: dict[str, Any]) -> RecoverJobView:
    return RecoverJobView.model_validate({k: v for k, v in item.items() if k in _VIEW_FIELDS})


def start_recovery(tenant_id: str, webhook_id: str, body: RecoverRequest) -> RecoverJobView:
    endpoint = WebhookRepository().get_endpoint(tenant_id, webhook_id)
    if endpoint is None:
        raise WebhookNotFound()
    if endpoint.get("status") != "active":
        raise Conflict("The webhook is disabled; set its status to active first", code="WEBHOOK_DISABLED")
    now = clock.now()
    since = clock.parse_iso(body.since)
    until = clock.parse_iso(body.until) if body.until else now
    if since >= until:
        raise ValidationError("since must be before until", details={"field": "since"})
    job_id = new_id("whr")
    item = {
        "pk": tenant_pk(tenant_id), "sk": recover_sk(webhook_id, job_id), "entity": "webhookRecovery",
        "id": job_id, "tenantId": tenant_id, "webhookId": webhook_id, "status": "queued",
        "since": clock.iso(since), "until": clock.iso(until), "sinceEpoch": since, "untilEpoch": until,
        "scanned": 0, "requeued": 0, "page": 0, "createdAt": clock.iso(now), "updatedAt": clock.iso(now),
        **recover_due_keys(job_id, now),
    }
    RecoveryRepository().create_job(item)
    record_change("webhookRecovery", job_id, after={"webhookId": webhook_id, "since": item["since"],
                                                    "until": item["until"]})
    return job_view(item)


def get_recovery(tenant_id: str, webhook_id: str, job_id: str) -> RecoverJobView:
    item = RecoveryRepository().get_job(tenant_id, webhook_id, job_id)
    if item is None:
        raise WebhookNotFound("Recover job not found")
    return job_view(item)


def run_due_recoveries(*, out_of_time: Callable[[], bool] | None = None) -> dict[str, int]:
    """The worker: advance every due job page by page until it is done or time runs out."""
    repo = RecoveryRepository()
    counts = {"jobs": 0, "pages": 0, "requeued": 0, "done": 0}
    for job in repo.due_jobs(clock.now(), MAX_JOBS_PER_RUN):
        counts["jobs"] += 1
        current: dict[str, Any] | None = job
        while current is not None and not (out_of_time and out_of_time()):
            current, requeued = _advance(repo, current)
            counts["pages"] += 1
            counts["requeued"] += requeued
            if current is not None and current.get("status") == "done":
                counts["done"] += 1
                break
    if counts["jobs"]:
        logger.info("webhook recover jobs", extra=counts)
    return counts


def _advance(repo: RecoveryRepository, job: dict[str, Any]) -> tuple[dict[str, Any] | None, int]:
    """One page of one job. Answers the job as saved (None if another run took it) and how many
    deliveries were requeued."""
    now = clock.now()
    page, cursor = repo.delivery_page(job["tenantId"], job["webhookId"], job.get("cursor"), PAGE_SIZE)
    since, until = float(job["sinceEpoch"]), float(job["untilEpoch"])
    in_window = [d for d in page if since <= clock.parse_iso(str(d.get("createdAt"))) <= until]
    failed = [d for d in in_window if d.get("status") == "failed"]
    requeued = repo.requeue(failed, due_at=now, now_iso=clock.iso(now), job_id=job["id"]) if failed else 0
    # deliveries are newest first: a page that ends before `since` ends the walk
    older_than_window = bool(page) and clock.parse_iso(str(page[-1].get("createdAt"))) < since
    done = cursor is None or older_than_window
    fields: dict[str, Any] = {
        "status": "done" if done else "running",
        "scanned": int(job.get("scanned", 0)) + len(in_window),
        "requeued": int(job.get("requeued", 0)) + requeued,
        "cursor": None if done else cursor,
        "updatedAt": clock.iso(now),
        **({"finishedAt": clock.iso(now)} if done else {}),
    }
    if not repo.save_progress(job, fields, done=done, lease_until=now + JOB_LEASE_SECONDS):
        return None, requeued
    return {**job, **fields, "page": int(job.get("page", 0)) + 1}, requeued
