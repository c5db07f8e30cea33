"""Every function that is not an HTTP route: scheduled jobs, queue consumers, event consumers.

Read by the CDK stack (function, schedule / SQS event source / EventBridge rule per entry) and
by the local stack (its scheduler fires schedules, its poller feeds queues, its bus router
delivers events).
"""

from __future__ import annotations

from hub.http.routing import Worker

WORKERS: list[Worker] = [
    # ---- jobs (schedules) -------------------------------------------------------------
    # ---- queue consumers ---------------------------------------------------------------
    # ---- event consumers ---------------------------------------------------------------
]
