"""Every function that is not an HTTP route: scheduled jobs, queue consumers, event consumers.

Read by the CDK stack (function, schedule / SQS event source / EventBridge rule per entry) and
by the local stack (its scheduler fires schedules, its poller feeds queues, its bus router
delivers events).
"""

from __future__ import annotations

from hub.events import EVENT_TYPES, WEBHOOK_EVENT_TYPES
from hub.http.routing import Worker

# hub events a webhook may receive: never the events about webhooks themselves (no loops)
WEBHOOK_FEED = tuple(t for t in EVENT_TYPES if t not in WEBHOOK_EVENT_TYPES)

WORKERS: list[Worker] = [
    # ---- jobs (schedules) -------------------------------------------------------------
    Worker("webhook-retry-sweep", "functions.jobs.webhook_retry_sweep", "schedule", "webhooks",
           "Send webhook deliveries whose retry is due (sparse due index)", schedule_minutes=1,
           timeout_seconds=300),
    # ---- queue consumers ---------------------------------------------------------------
    Worker("webhook-dispatcher", "functions.consumers.webhook_dispatcher", "queue", "webhooks",
           "Turn hub events into signed webhook deliveries", queue="webhook", timeout_seconds=90,
           batch_size=10, feed_detail_types=WEBHOOK_FEED),
    # ---- event consumers ---------------------------------------------------------------
]
