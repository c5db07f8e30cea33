"""Every function that is not an HTTP route: scheduled jobs, queue consumers, event consumers.

Read by the CDK stack (function, schedule / SQS event source / EventBridge rule per entry) and
by the local stack (its scheduler fires schedules, its poller feeds queues, its bus router
delivers events). A deployment changes a schedule with the CDK context `scheduleMinutes`
(infra/config.py), never through the environment of the shell that synthesizes.
"""

from __future__ import annotations

from hub.events import EVENT_TYPES, WEBHOOK_EVENT_TYPES
from hub.http.routing import Worker

# the logical work queues (each with a dead-letter queue) that queue workers consume: the CDK
# stack and the local stack create them; a function finds one's URL in HUB_<NAME>_QUEUE_URL
QUEUES = ("refresh", "webhook", "inbound")

# hub events a webhook may receive: never the events about webhooks themselves (no loops)
WEBHOOK_FEED = tuple(t for t in EVENT_TYPES if t not in WEBHOOK_EVENT_TYPES)

# grants: AWS access beyond the area's table access (infra/constructs/permissions.py); the IAM audit
# of `make test` checks every call against them
EVENTS = ("events:publish",)
# use stored credentials, refreshing at the provider's token endpoint (the platform's client secret)
USE_CREDENTIALS = ("vault:read", "vault:write", "platform-secrets:read", *EVENTS)
WEBHOOKS = ("seal:webhook-signing", *EVENTS)  # sign deliveries, webhook.delivered/failed/disabled
# and set the throttle's release timers on the webhook queue (hub/webhooks/release.py)
WEBHOOK_SENDERS = (*WEBHOOKS, "queue:webhook")
# reserved concurrency: an API flood cannot starve token refresh, health checks or webhook delivery
RESERVED_REFRESH, RESERVED_HEALTH, RESERVED_WEBHOOKS, RESERVED_INBOUND = 5, 2, 5, 2

WORKERS: list[Worker] = [
    # ---- jobs (schedules) -------------------------------------------------------------
    Worker("refresh-due-connections", "functions.jobs.refresh_due_connections", "schedule", "jobs",
           "Refresh connections whose token expires soon (due index; overflow to the refresh queue)",
           schedule_minutes=5, timeout_seconds=300,
           grants=(*USE_CREDENTIALS, "queue:refresh"), reserved_concurrency=1),
    Worker("check-connection-health", "functions.jobs.check_connection_health", "schedule", "health",
           "Run the verification request of connections whose health check is due",
           schedule_minutes=15, timeout_seconds=300,
           grants=(*USE_CREDENTIALS, "sts:assume-tenant-role"), reserved_concurrency=RESERVED_HEALTH),
    Worker("purge-expired-states", "functions.jobs.purge_expired_states", "schedule", "jobs",
           "Delete OAuth states past their ttl that DynamoDB TTL has not removed yet",
           schedule_minutes=60, timeout_seconds=120),
    Worker("webhook-retry-sweep", "functions.jobs.webhook_retry_sweep", "schedule", "webhooks",
           "Send webhook deliveries whose retry is due (sparse due index)", schedule_minutes=1,
           timeout_seconds=300, grants=WEBHOOK_SENDERS, reserved_concurrency=1),
    Worker("webhook-recover", "functions.jobs.webhook_recover", "schedule", "webhooks",
           "Resend failed webhook deliveries of recover jobs, a page at a time (due index)", schedule_minutes=1,
           timeout_seconds=300, grants=WEBHOOKS, reserved_concurrency=1),
    # ---- queue consumers ---------------------------------------------------------------
    Worker("refresh-worker", "functions.consumers.refresh_worker", "queue", "jobs",
           "Refresh the connection keys the scheduled refresh fanned out", queue="refresh",
           timeout_seconds=120, batch_size=10, grants=(*USE_CREDENTIALS, "queue:refresh"),
           reserved_concurrency=RESERVED_REFRESH),
    Worker("webhook-dispatcher", "functions.consumers.webhook_dispatcher", "queue", "webhooks",
           "Turn hub events into signed webhook deliveries, a batch at a time", queue="webhook",
           timeout_seconds=90, batch_size=100, feed_detail_types=WEBHOOK_FEED, grants=WEBHOOK_SENDERS,
           reserved_concurrency=RESERVED_WEBHOOKS),
    Worker("inbound-processor", "functions.consumers.inbound_processor", "queue", "inbound",
           "Attribute accepted provider webhooks to connections and publish provider.event", queue="inbound",
           timeout_seconds=60, batch_size=10, grants=EVENTS, reserved_concurrency=RESERVED_INBOUND),
    # ---- event consumers ---------------------------------------------------------------
    Worker("user-deleted-consumer", "functions.consumers.user_deleted", "event", "connections",
           "Remove a deleted user's connections", event_detail_types=("user.deleted",), timeout_seconds=120,
           grants=("vault:read", "platform-secrets:read", "vault:delete", *EVENTS)),
    Worker("content-published-consumer", "functions.consumers.content_published", "event", "sync",
           "Sync the tenant's publishing integrations", event_detail_types=("content.published",),
           timeout_seconds=300, grants=USE_CREDENTIALS),
]
