"""AWS resources of the hub, created from the same definitions the CDK stack uses.

Used by the local stack (against moto server) and by the tests (against in-process moto).
"""

from __future__ import annotations

from dataclasses import dataclass

import boto3

from hub.table import create_table


@dataclass(frozen=True)
class LocalResources:
    table_name: str
    kms_key_arn: str
    event_bus_name: str
    event_bus_arn: str
    queue_urls: dict[str, str]

    def environment(self) -> dict[str, str]:
        env = {
            "HUB_TABLE_NAME": self.table_name,
            "HUB_KMS_KEY_ID": self.kms_key_arn,
            "HUB_EVENT_BUS_NAME": self.event_bus_name,
        }
        for name, url in self.queue_urls.items():
            env[f"HUB_{name.upper()}_QUEUE_URL"] = url
        return env


QUEUES = ("refresh", "webhook")


def create_resources(
    *,
    region: str = "us-east-1",
    endpoint_url: str | None = None,
    table_name: str = "integration-hub",
    bus_name: str = "integration-hub",
) -> LocalResources:
    session = boto3.session.Session(region_name=region)
    kwargs = {"endpoint_url": endpoint_url} if endpoint_url else {}
    dynamodb = session.client("dynamodb", **kwargs)
    existing = dynamodb.list_tables().get("TableNames", [])
    if table_name not in existing:
        create_table(dynamodb, table_name)

    kms = session.client("kms", **kwargs)
    alias = "alias/integration-hub"
    aliases = {a["AliasName"]: a.get("TargetKeyId") for a in kms.list_aliases().get("Aliases", [])}
    if aliases.get(alias):
        key_arn = kms.describe_key(KeyId=aliases[alias])["KeyMetadata"]["Arn"]
    else:
        key_arn = kms.create_key(Description="integration hub (local)")["KeyMetadata"]["Arn"]
        kms.create_alias(AliasName=alias, TargetKeyId=key_arn)

    events = session.client("events", **kwargs)
    try:
        bus_arn = events.describe_event_bus(Name=bus_name)["Arn"]
    except events.exceptions.ResourceNotFoundException:
        bus_arn = events.create_event_bus(Name=bus_name)["EventBusArn"]

    sqs = session.client("sqs", **kwargs)
    queue_urls = {}
    for name in QUEUES:
        dlq = sqs.create_queue(QueueName=f"integration-hub-{name}-dlq")["QueueUrl"]
        dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        queue_urls[name] = sqs.create_queue(
            QueueName=f"integration-hub-{name}",
            Attributes={
                "VisibilityTimeout": "120",
                "RedrivePolicy": f'{{"deadLetterTargetArn":"{dlq_arn}","maxReceiveCount":"5"}}',
            },
        )["QueueUrl"]
    return LocalResources(
        table_name=table_name,
        kms_key_arn=key_arn,
        event_bus_name=bus_name,
        event_bus_arn=bus_arn,
        queue_urls=queue_urls,
    )
