"""The local stack's job runner (docs/architecture.md, The local stack), generic over `functions.workers.WORKERS`:

- a scheduler: every "schedule" worker fires every `schedule_minutes` (or every
  `jobs_interval_seconds`, env HUB_JOBS_INTERVAL_SECONDS, so a demo sees a refresh within a
  minute), with a scheduled-event payload like EventBridge Scheduler's;
- a poller: every "queue" worker is fed from its moto queue in batches, as Lambda's SQS event
  source mapping does (partial batch responses honoured: failed records stay on the queue);
- an event router: moto keeps Lambda targets of rules but never invokes them, so each "event"
  worker's rule targets a local queue (local.resources.create_event_rules) that is polled here
  and each EventBridge event handed to the worker, as an asynchronous invocation would.

`start_jobs(stack)` is the LocalStack extra; tests drive the same code one step at a time with
`LocalJobs.run_schedule` / `pump_queue` / `pump_events`.
"""

from __future__ import annotations

import importlib
import json
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

# only modules that do not create the Powertools logger: local/__main__ imports this module
# before the stack has set the Lambda-like environment the logger reads
from hub import aws, clock
from hub.settings import get_settings

if TYPE_CHECKING:  # pragma: no cover - typing only
    from hub.http.routing import Worker
    from local.apigw import LambdaContext

POLL_WAIT_SECONDS = 1
MAX_EVENT_ATTEMPTS = 3


def _log_failure(message: str, **extra: Any) -> None:
    # imported on use: importing hub.observability creates the Powertools logger, which must
    # wait until the stack has set the Lambda-like environment (service name, log level)
    from hub.observability import logger

    logger.exception(message, extra=extra)


def scheduled_event(worker: Worker) -> dict[str, Any]:
    settings = get_settings()
    return {"version": "0", "id": f"local-{worker.name}-{int(clock.now())}", "detail-type": "Scheduled Event",
            "source": "aws.events", "account": "000000000000", "time": clock.iso(), "region": settings.region,
            "resources": [f"arn:aws:events:{settings.region}:000000000000:rule/{worker.name}"], "detail": {}}


def sqs_event(messages: list[dict[str, Any]], queue_arn: str) -> dict[str, Any]:
    """The event Lambda's SQS event source mapping hands a function."""
    return {"Records": [{
        "messageId": m["MessageId"], "receiptHandle": m["ReceiptHandle"], "body": m["Body"],
        "attributes": {"ApproximateReceiveCount": m.get("Attributes", {}).get("ApproximateReceiveCount", "1")},
        "messageAttributes": {}, "md5OfBody": m.get("MD5OfBody", ""), "eventSource": "aws:sqs",
        "eventSourceARN": queue_arn, "awsRegion": get_settings().region,
    } for m in messages]}


@dataclass
class LocalJobs:
    workers: list[Worker]
    queue_urls: dict[str, str]
    event_queue_urls: dict[str, str]
    interval_seconds: float | None = None
    _stop: threading.Event = field(default_factory=threading.Event)
    _threads: list[threading.Thread] = field(default_factory=list)
    _arns: dict[str, str] = field(default_factory=dict)

    # ---- one step (tests call these) ----------------------------------------------------------
    def handler(self, worker: Worker) -> Any:
        return importlib.import_module(worker.module).handler

    def context(self, worker: Worker) -> LambdaContext:
        from local.apigw import LambdaContext

        return LambdaContext(worker.name, timeout_seconds=worker.timeout_seconds)

    def run_schedule(self, worker: Worker) -> Any:
        return self.handler(worker)(scheduled_event(worker), self.context(worker))

    def _arn(self, url: str) -> str:
        if url not in self._arns:
            attributes = aws.client("sqs").get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])
            self._arns[url] = str(attributes["Attributes"]["QueueArn"])
        return self._arns[url]

    def _receive(self, url: str, worker: Worker, wait_seconds: int) -> list[dict[str, Any]]:
        response = aws.client("sqs").receive_message(
            QueueUrl=url, MaxNumberOfMessages=max(1, min(10, worker.batch_size)), WaitTimeSeconds=wait_seconds,
            VisibilityTimeout=max(30, worker.timeout_seconds), AttributeNames=["ApproximateReceiveCount"],
        )
        return list(response.get("Messages", []))

    def _delete(self, url: str, messages: list[dict[str, Any]]) -> None:
        if messages:
            aws.client("sqs").delete_message_batch(QueueUrl=url, Entries=[
                {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(messages)
            ])

    def pump_queue(self, worker: Worker, *, max_batches: int = 1000, wait_seconds: int = 0) -> int:
        """Feed the worker's queue to it until the queue is empty; answers the records handled."""
        url = self.queue_urls.get(worker.queue or "")
        if not url:
            return 0
        handled = 0
        for _ in range(max_batches):
            messages = self._receive(url, worker, wait_seconds)
            if not messages:
                break
            try:
                result = self.handler(worker)(sqs_event(messages, self._arn(url)), self.context(worker)) or {}
            except Exception:  # like Lambda: the whole batch becomes visible again
                _log_failure("local queue worker failed", worker=worker.name)
                break
            failed = {f.get("itemIdentifier") for f in (result.get("batchItemFailures") or [])}
            self._delete(url, [m for m in messages if m["MessageId"] not in failed])
            handled += len(messages)
        return handled

    def pump_events(self, worker: Worker, *, max_batches: int = 100, wait_seconds: int = 0) -> int:
        """Hand each event the worker's rule routed to it; answers the events delivered."""
        url = self.event_queue_urls.get(worker.name)
        if not url:
            return 0
        delivered = 0
        for _ in range(max_batches):
            messages = self._receive(url, worker, wait_seconds)
            if not messages:
                break
            done = []
            for message in messages:
                attempts = int(message.get("Attributes", {}).get("ApproximateReceiveCount", "1"))
                try:
                    self.handler(worker)(json.loads(message["Body"]), self.context(worker))
                except Exception:  # EventBridge would retry; so do we, a few times
                    _log_failure("local event worker failed", worker=worker.name, attempt=attempts)
                    if attempts < MAX_EVENT_ATTEMPTS:
                        continue
                done.append(message)
                delivered += 1
            self._delete(url, done)
        return delivered

    # ---- the background threads ----------------------------------------------------------------
    def interval_of(self, worker: Worker) -> float:
        return float(self.interval_seconds or (worker.schedule_minutes or 5) * 60)

    def _schedule_loop(self, worker: Worker) -> None:
        interval = self.interval_of(worker)
        while not self._stop.wait(interval):
            try:
                self.run_schedule(worker)
            except Exception:  # a dev loop keeps going and says why
                _log_failure("local scheduled job failed", worker=worker.name)

    def _poll_loop(self, worker: Worker) -> None:
        pump = self.pump_events if worker.trigger == "event" else self.pump_queue
        while not self._stop.is_set():
            try:
                if not pump(worker, max_batches=10, wait_seconds=POLL_WAIT_SECONDS):
                    self._stop.wait(0.2)
            except Exception:  # moto going away at shutdown, or a bad record
                if self._stop.wait(1.0):
                    return
                _log_failure("local poller failed", worker=worker.name)

    def start(self) -> LocalJobs:
        for worker in self.workers:
            if worker.trigger == "schedule":
                target = self._schedule_loop
            elif worker.trigger in ("queue", "event"):
                target = self._poll_loop
            else:
                continue
            thread = threading.Thread(target=target, args=(worker,), name=f"job-{worker.name}", daemon=True)
            thread.start()
            self._threads.append(thread)
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout)
        self._threads.clear()


def local_jobs(endpoint_url: str | None = None, workers: list[Worker] | None = None) -> LocalJobs:
    """A runner over the resources of the current environment (moto server or in-process)."""
    from local.resources import create_resources

    if workers is None:
        from functions.workers import WORKERS

        workers = list(WORKERS)
    resources = create_resources(endpoint_url=endpoint_url)  # idempotent: finds what exists
    settings = get_settings()
    return LocalJobs(workers=workers, queue_urls=dict(resources.queue_urls),
                     event_queue_urls=dict(resources.event_queue_urls),
                     interval_seconds=settings.jobs_interval_seconds or None)


def start_jobs(stack: Any) -> LocalJobs:
    """LocalStack extra: start the scheduler, the queue poller and the event router."""
    runner = local_jobs(getattr(stack, "moto_url", None) or None).start()
    stoppers = getattr(stack, "_stoppers", None)
    if isinstance(stoppers, list):
        stoppers.append(runner.stop)
    schedules = ", ".join(f"{w.name} every {runner.interval_of(w):g}s" for w in runner.workers
                          if w.trigger == "schedule")
    if not getattr(stack, "quiet", False):
        print(f"  jobs:      {schedules}", flush=True)
    return runner
