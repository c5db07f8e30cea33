"""Alarms into one encrypted SNS topic (optionally mailed).

- each function: errors or throttles in five minutes. One metric-math alarm watches up to five
  functions of one area (errors + throttles of each: ten metrics, CloudWatch's hard limit for a
  math alarm), in the area's nested stack beside them; the alarm's description names its
  functions;
- each dead-letter queue: any message visible;
- the API: any 5xx in five minutes (handler bugs answer 500 without a Lambda error);
- refresh failures: the RefreshFailed metric (namespace IntegrationHub, dimension service)
  that the refresh code emits through Powertools Metrics;
- failures the code swallows on purpose (hub.observability.SWALLOWED_FAILURES) and AccessDenied
  on the hub's own calls (HubAccessDenied): any in five minutes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import aws_cdk as cdk
from aws_cdk import aws_apigatewayv2 as apigwv2
from aws_cdk import aws_cloudwatch as cloudwatch
from aws_cdk import aws_cloudwatch_actions as actions
from aws_cdk import aws_kms as kms
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_sns as sns
from aws_cdk import aws_sns_subscriptions as subscriptions
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from infra.constructs.functions import METRICS_NAMESPACE, SERVICE_NAME, FunctionSpec
from infra.constructs.naming import pascal

REFRESH_FAILED_METRIC = "RefreshFailed"
# hub.observability.SWALLOWED_FAILURES and hub.errors.HubAccessDenied (not imported: infra does
# not load the Lambda runtime's Powertools setup)
SWALLOWED_FAILURES = ("AuditNotWritten", "EventNotPublished", "RevocationSkipped", "HubAccessDenied")
PERIOD = cdk.Duration.minutes(5)
# CloudWatch: a metric-math alarm may reference at most 10 metrics (errors + throttles of five)
FUNCTIONS_PER_ALARM = 5


class HubMonitoring(Construct):
    def __init__(
        self, scope: Construct, construct_id: str, *, key: kms.IKey, alarm_email: str | None
    ) -> None:
        super().__init__(scope, construct_id)
        self.topic = sns.Topic(
            self, "AlarmTopic", display_name="Integration Hub alarms", master_key=key, enforce_ssl=True
        )
        if alarm_email:
            self.topic.add_subscription(subscriptions.EmailSubscription(alarm_email))
        self._action = actions.SnsAction(self.topic)
        self.alarms: list[cloudwatch.Alarm] = []

    def _alarm(
        self, construct_id: str, metric: cloudwatch.IMetric, description: str, threshold: float = 1,
        *, scope: Construct | None = None,
    ) -> cloudwatch.Alarm:
        alarm = cloudwatch.Alarm(
            scope or self,
            construct_id,
            metric=metric,
            threshold=threshold,
            evaluation_periods=1,
            comparison_operator=cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
            treat_missing_data=cloudwatch.TreatMissingData.NOT_BREACHING,
            alarm_description=description,
        )
        alarm.add_alarm_action(self._action)
        alarm.add_ok_action(self._action)
        self.alarms.append(alarm)
        return alarm

    def watch_functions(self, functions: Mapping[str, lambda_.Function], specs: Sequence[FunctionSpec]) -> None:
        """Five functions of one area per alarm, in the area's nested stack beside them."""
        by_area: dict[str, list[FunctionSpec]] = {}
        for spec in sorted(specs, key=lambda spec: spec.name):
            by_area.setdefault(spec.area, []).append(spec)
        for area, area_specs in sorted(by_area.items()):
            for index in range(0, len(area_specs), FUNCTIONS_PER_ALARM):
                chunk = area_specs[index:index + FUNCTIONS_PER_ALARM]
                using: dict[str, cloudwatch.IMetric] = {}
                for position, spec in enumerate(chunk):
                    function = functions[spec.name]
                    using[f"errors{position}"] = function.metric_errors(period=PERIOD, statistic="Sum")
                    using[f"throttles{position}"] = function.metric_throttles(period=PERIOD, statistic="Sum")
                metric = cloudwatch.MathExpression(
                    expression=" + ".join(f"FILL({key}, 0)" for key in using),
                    using_metrics=using,
                    period=PERIOD,
                    label=f"{area} functions {index // FUNCTIONS_PER_ALARM + 1}: errors + throttles",
                )
                self._alarm(
                    f"{pascal(area)}Functions{index // FUNCTIONS_PER_ALARM + 1}ErrorsOrThrottles",
                    metric,
                    "errors or throttles in the last 5 minutes in: " + ", ".join(spec.module for spec in chunk),
                    scope=cdk.Stack.of(functions[chunk[0].name]),
                )

    def watch_dead_letter_queues(self, queues: Mapping[str, sqs.IQueue]) -> None:
        for name, queue in queues.items():
            metric = queue.metric_approximate_number_of_messages_visible(period=PERIOD, statistic="Maximum")
            self._alarm(
                f"{pascal(name)}DeadLetters",
                metric,
                f"Messages in the {name} dead-letter queue: failed work waiting for a look",
            )

    def watch_api(self, http_api: apigwv2.HttpApi) -> None:
        metric = http_api.metric_server_error(period=PERIOD, statistic="Sum")
        self._alarm("Api5xx", metric, "The HTTP API answered 5xx in the last 5 minutes")

    def watch_refresh_failures(self, threshold: int) -> None:
        metric = cloudwatch.Metric(
            namespace=METRICS_NAMESPACE,
            metric_name=REFRESH_FAILED_METRIC,
            dimensions_map={"service": SERVICE_NAME},
            period=cdk.Duration.minutes(15),
            statistic="Sum",
        )
        self._alarm(
            "RefreshFailures",
            metric,
            f"{threshold}+ token refresh failures in 15 minutes",
            threshold=threshold,
        )

    def watch_swallowed_failures(self) -> None:
        for name in SWALLOWED_FAILURES:
            metric = cloudwatch.Metric(
                namespace=METRICS_NAMESPACE,
                metric_name=name,
                dimensions_map={"service": SERVICE_NAME},
                period=PERIOD,
                statistic="Sum",
            )
            self._alarm(name, metric, f"{name}: a failure the request survived, see the logs", threshold=1)
