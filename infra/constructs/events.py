"""The event bus (with an archive), the work queues with their dead-letter queues, and the
triggers of every worker in functions/workers.py (docs/architecture.md, Jobs and events).

- trigger "schedule": an EventBridge rule on a rate schedule;
- trigger "queue":    an SQS event source on the named logical queue (functions.workers.QUEUES);
- trigger "event":    an EventBridge rule on the hub bus matching the worker's detail-types.

Failed asynchronous invocations (schedules, events) land in one `async-failures` queue, which is
alarmed like every dead-letter queue.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import aws_cdk as cdk
from aws_cdk import aws_events as events
from aws_cdk import aws_events_targets as targets
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_lambda_event_sources as sources
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from hub.http.routing import Worker
from infra.constructs.nag import acknowledge
from infra.constructs.naming import pascal

TRIGGERS = ("schedule", "queue", "event")
ASYNC_FAILURES = "async-failures"
_QUEUE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,30}$")
MAX_RECEIVE_COUNT = 5
MAX_VISIBILITY_SECONDS = 12 * 3600


class WorkerConfigError(ValueError):
    pass


def validate_worker(worker: Worker, queue_names: Sequence[str]) -> None:
    """Fail the synth on a worker record that cannot be deployed as written."""
    where = f"worker {worker.name!r} ({worker.module})"
    if worker.trigger not in TRIGGERS:
        raise WorkerConfigError(f"{where}: trigger must be one of {TRIGGERS}, got {worker.trigger!r}")
    if worker.trigger == "schedule" and not (worker.schedule_minutes and worker.schedule_minutes >= 1):
        raise WorkerConfigError(f"{where}: a schedule worker needs schedule_minutes >= 1")
    if worker.trigger == "queue" and worker.queue not in queue_names:
        raise WorkerConfigError(f"{where}: queue {worker.queue!r} is not one of {list(queue_names)}")
    if worker.trigger == "queue" and not 1 <= worker.batch_size <= 10_000:
        raise WorkerConfigError(f"{where}: batch_size must be 1..10000")
    if worker.trigger == "event" and not worker.event_detail_types:
        raise WorkerConfigError(f"{where}: an event worker needs event_detail_types")
    if not 1 <= worker.timeout_seconds <= 900:
        raise WorkerConfigError(f"{where}: timeout_seconds must be 1..900")
    if not 128 <= worker.memory_mb <= 10_240:
        raise WorkerConfigError(f"{where}: memory_mb must be 128..10240")


def visibility_timeout_seconds(queue: str, workers: Sequence[Worker]) -> int:
    """Six times the slowest consumer's timeout (AWS's advice for SQS event sources)."""
    timeouts = [w.timeout_seconds for w in workers if w.trigger == "queue" and w.queue == queue]
    return min(MAX_VISIBILITY_SECONDS, max(120, 6 * max(timeouts, default=0)))


class HubEvents(Construct):
    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        queue_names: Sequence[str],
        workers: Sequence[Worker],
        event_source: str,
        consumed_sources: Sequence[str] = ("platform",),
        archive_days: int = 30,
    ) -> None:
        super().__init__(scope, construct_id)
        self.event_source = event_source
        self.consumed_sources = tuple(consumed_sources)
        self.bus = events.EventBus(self, "Bus", description="Integration Hub events (docs/events.md)")
        # Only this account puts events on the bus, and only with the hub's own source or one of
        # the configured consumed sources (IAM decides which principal of the account may).
        account = cdk.Stack.of(self).account
        self.bus.add_to_resource_policy(
            iam.PolicyStatement(
                sid="OnlyKnownSourcesOfThisAccount",
                principals=[iam.AccountPrincipal(account)],
                actions=["events:PutEvents"],
                resources=[self.bus.event_bus_arn],
                conditions={"StringEquals": {"events:source": [event_source, *self.consumed_sources]}},
            )
        )
        # Replays after an incident; every event the hub or its neighbours put on the bus.
        self.bus.archive(
            "Archive",
            description="Every event on the hub bus, for replay",
            event_pattern=events.EventPattern(account=[cdk.Stack.of(self).account]),
            retention=cdk.Duration.days(archive_days),
        )

        self.queues: dict[str, sqs.Queue] = {}
        self.dead_letter_queues: dict[str, sqs.Queue] = {}
        for name in queue_names:
            if not _QUEUE_NAME.match(name):
                raise WorkerConfigError(
                    f"queue name {name!r} must match {_QUEUE_NAME.pattern} (it names HUB_<NAME>_QUEUE_URL)"
                )
            dead_letters = sqs.Queue(
                self,
                f"{pascal(name)}DeadLetterQueue",
                retention_period=cdk.Duration.days(14),
                encryption=sqs.QueueEncryption.SQS_MANAGED,
                enforce_ssl=True,
            )
            self.dead_letter_queues[name] = dead_letters
            self.queues[name] = sqs.Queue(
                self,
                f"{pascal(name)}Queue",
                visibility_timeout=cdk.Duration.seconds(visibility_timeout_seconds(name, workers)),
                retention_period=cdk.Duration.days(4),
                encryption=sqs.QueueEncryption.SQS_MANAGED,
                enforce_ssl=True,
                dead_letter_queue=sqs.DeadLetterQueue(
                    max_receive_count=MAX_RECEIVE_COUNT, queue=dead_letters
                ),
            )

        self.async_failures = sqs.Queue(
            self,
            "AsyncFailuresQueue",
            retention_period=cdk.Duration.days(14),
            encryption=sqs.QueueEncryption.SQS_MANAGED,
            enforce_ssl=True,
        )
        self.dead_letter_queues[ASYNC_FAILURES] = self.async_failures
        acknowledge(
            self.async_failures,
            "AwsSolutions-SQS3",
            "This queue is itself a dead-letter queue: it receives scheduled and event-driven "
            "invocations that failed after Lambda's retries; its depth is alarmed.",
        )

    def connect(self, worker: Worker, function: lambda_.Function | None) -> None:
        """Wire the worker's trigger to its function. Without one (upgrade phase 1,
        infra/upgrade.py) the rules stay, with no target, so the next deploy only adds targets."""
        if worker.trigger == "schedule":
            minutes = worker.schedule_minutes or 0
            events.Rule(
                self,
                f"Schedule{pascal(worker.name)}",
                description=f"Runs {worker.name} every {minutes} minute(s)",
                schedule=events.Schedule.rate(cdk.Duration.minutes(minutes)),
                targets=self._targets(function),
            )
        elif worker.trigger == "event":
            source = (
                list(worker.event_sources)
                if worker.event_sources
                else list(self.consumed_sources)
            )
            events.Rule(
                self,
                f"On{pascal(worker.name)}",
                description=f"Routes {', '.join(worker.event_detail_types)} to {worker.name}",
                event_bus=self.bus,
                event_pattern=events.EventPattern(detail_type=list(worker.event_detail_types), source=source),
                targets=self._targets(function),
            )
        elif worker.trigger == "queue":
            if worker.feed_detail_types:
                events.Rule(
                    self,
                    f"Feed{pascal(worker.name)}",
                    description=f"Puts hub events on the {worker.queue} queue for {worker.name}",
                    event_bus=self.bus,
                    event_pattern=events.EventPattern(
                        source=[self.event_source], detail_type=list(worker.feed_detail_types)
                    ),
                    targets=[targets.SqsQueue(self.queues[worker.queue or ""])],
                )
            if function is None:
                return
            function.add_event_source(
                sources.SqsEventSource(
                    self.queues[worker.queue or ""],
                    batch_size=worker.batch_size,
                    max_batching_window=cdk.Duration.seconds(5) if worker.batch_size > 10 else None,
                    report_batch_item_failures=True,
                    # a flood of messages never takes more than this many concurrent consumers
                    max_concurrency=max(2, worker.reserved_concurrency or 2),
                )
            )

    def _targets(self, function: lambda_.IFunction | None) -> list[events.IRuleTarget]:
        if function is None:
            return []
        return [targets.LambdaFunction(
            function,
            retry_attempts=2,
            max_event_age=cdk.Duration.hours(2),
            dead_letter_queue=self.async_failures,
        )]
