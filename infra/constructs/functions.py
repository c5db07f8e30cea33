"""The Lambda function factory: one recipe for every route and worker function.

Python 3.13 on arm64, the two layers (domain + dependencies), X-Ray active, a log group with
retention per function, Powertools and HUB_* settings in the environment, and one IAM role per
area built from infra/constructs/permissions.py (the area decides what its functions may do;
a role per area rather than per function keeps the stack under CloudFormation's 500-resource
limit as the route table grows).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import aws_cdk as cdk
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_events as events
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from aws_cdk import aws_sqs as sqs
from constructs import Construct

from hub.settings import DEFAULTS
from infra.config import HubConfig
from infra.constructs import permissions
from infra.constructs.nag import acknowledge
from infra.constructs.naming import pascal
from infra.constructs.permissions import Needs

RUNTIME = lambda_.Runtime.PYTHON_3_13
ARCHITECTURE = lambda_.Architecture.ARM_64
API_MEMORY_MB = 512
API_TIMEOUT_SECONDS = 29  # the HTTP API's own integration limit is 30 s
METRICS_NAMESPACE = "IntegrationHub"
SERVICE_NAME = DEFAULTS.service_name
MAX_FUNCTION_NAME = 64


def function_name_prefix(stage: str) -> str:
    return f"hub-{stage}-"


def physical_name(stage: str, name: str) -> str:
    """`hub-<stage>-<name>`: readable in the console, and one prefix for the API's invoke role."""
    full = function_name_prefix(stage) + name
    if len(full) <= MAX_FUNCTION_NAME:
        return full
    digest = hashlib.sha256(name.encode()).hexdigest()[:8]
    return full[: MAX_FUNCTION_NAME - 9] + "-" + digest


@dataclass(frozen=True)
class FunctionSpec:
    name: str  # construct id and asset directory, e.g. "system-health"
    module: str  # e.g. "functions.system.health"
    area: str
    description: str
    needs: Needs
    memory_mb: int = API_MEMORY_MB
    timeout_seconds: int = API_TIMEOUT_SECONDS
    asynchronous: bool = False  # invoked by EventBridge: failures go to the async-failures queue
    extra_files: Mapping[str, str] = field(default_factory=dict)

    @property
    def handler(self) -> str:
        return f"{self.module}.handler"


@dataclass(frozen=True)
class HubResources:
    """What functions are given access to (by their area's needs)."""

    table: dynamodb.ITable
    index_arns: Sequence[str]
    key: kms.IKey
    bus: events.IEventBus
    queues: Mapping[str, sqs.IQueue]
    async_failures: sqs.IQueue


def area_policy(needs: Needs, resources: HubResources, config: HubConfig) -> iam.PolicyDocument:
    """The statements an area's role holds, from its needs: named resources only, no `*`."""
    stack = cdk.Stack.of(resources.table)
    region = stack.region
    statements: list[iam.PolicyStatement] = []
    table_actions = needs.table_action_list()
    if table_actions:
        statements.append(
            iam.PolicyStatement(sid="Table", actions=table_actions, resources=[resources.table.table_arn])
        )
        # the table is encrypted with the hub key; DynamoDB uses it on the caller's behalf only
        kms_actions = ["kms:Decrypt", "kms:DescribeKey"]
        if any(action in permissions.TABLE_WRITE_ACTIONS for action in table_actions):
            kms_actions += ["kms:Encrypt", "kms:GenerateDataKey"]
        statements.append(
            iam.PolicyStatement(
                sid="TableKeyViaDynamoDB",
                actions=sorted(kms_actions),
                resources=[resources.key.key_arn],
                conditions={"StringEquals": {"kms:ViaService": f"dynamodb.{region}.amazonaws.com"}},
            )
        )
    index_actions = needs.index_action_list()
    if index_actions and resources.index_arns:
        statements.append(
            iam.PolicyStatement(sid="Indexes", actions=index_actions, resources=list(resources.index_arns))
        )
    secret_actions = needs.secret_action_list()
    if secret_actions:
        secrets_arn = stack.format_arn(
            service="secretsmanager",
            resource="secret",
            resource_name=f"{config.secret_prefix}/*",
            arn_format=cdk.ArnFormat.COLON_RESOURCE_NAME,
        )
        statements.append(
            iam.PolicyStatement(sid="VaultSecrets", actions=secret_actions, resources=[secrets_arn])
        )
        vault_kms = ["kms:Decrypt"]
        if needs.secrets == "write":
            # new secrets must be encrypted with the hub key, never the account default key
            statements.append(
                iam.PolicyStatement(
                    sid="VaultCreateWithHubKey",
                    actions=list(permissions.SECRET_CREATE_ACTIONS),
                    resources=[secrets_arn],
                    conditions={"StringEquals": {"secretsmanager:KmsKeyArn": resources.key.key_arn}},
                )
            )
            vault_kms += ["kms:GenerateDataKey"]
        statements.append(
            iam.PolicyStatement(
                sid="VaultKeyViaSecretsManager",
                actions=sorted(vault_kms),
                resources=[resources.key.key_arn],
                conditions={"StringEquals": {"kms:ViaService": f"secretsmanager.{region}.amazonaws.com"}},
            )
        )
    if needs.crypto:
        statements.append(
            iam.PolicyStatement(
                sid="EnvelopeEncryption",
                actions=list(permissions.CRYPTO_ACTIONS),
                resources=[resources.key.key_arn],
                conditions={
                    "ForAnyValue:StringEquals": {
                        "kms:EncryptionContextKeys": [permissions.CRYPTO_CONTEXT_KEY]
                    }
                },
            )
        )
    if needs.events:
        statements.append(
            iam.PolicyStatement(
                sid="PublishEvents", actions=["events:PutEvents"], resources=[resources.bus.event_bus_arn]
            )
        )
    if needs.send_queues:
        statements.append(
            iam.PolicyStatement(
                sid="SendToQueues",
                actions=["sqs:SendMessage"],
                resources=[resources.queues[name].queue_arn for name in needs.send_queues],
            )
        )
    return iam.PolicyDocument(statements=statements)


class HubFunctions(Construct):
    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        config: HubConfig,
        resources: HubResources,
        layers: Sequence[lambda_.ILayerVersion],
        environment: Mapping[str, str],
        specs: Sequence[FunctionSpec],
        asset_dirs: Mapping[str, Path],
    ) -> None:
        super().__init__(scope, construct_id)
        self.functions: dict[str, lambda_.Function] = {}
        self.roles: dict[str, iam.Role] = {}
        by_area: dict[str, list[FunctionSpec]] = {}
        for spec in specs:
            by_area.setdefault(spec.area, []).append(spec)
        for area, area_specs in sorted(by_area.items()):
            needs = permissions.combined(spec.needs for spec in area_specs)
            permissions.check_queues(needs, resources.queues.keys(), area)
            self.roles[area] = self._role(area, needs, resources, config)
        removal = cdk.RemovalPolicy.RETAIN if config.is_production else cdk.RemovalPolicy.DESTROY
        log_groups: dict[str, list[logs.LogGroup]] = {}
        for spec in specs:
            role = self.roles[spec.area]
            log_group = logs.LogGroup(
                self, f"{spec.name}Logs", retention=config.log_retention, removal_policy=removal
            )
            log_groups.setdefault(spec.area, []).append(log_group)
            self.functions[spec.name] = lambda_.Function(
                self,
                spec.name,
                function_name=physical_name(config.stage, spec.name),
                description=f"{spec.module}: {spec.description}"[:256],
                runtime=RUNTIME,
                architecture=ARCHITECTURE,
                handler=spec.handler,
                code=lambda_.Code.from_asset(str(asset_dirs[spec.name])),
                layers=list(layers),
                memory_size=spec.memory_mb,
                timeout=cdk.Duration.seconds(spec.timeout_seconds),
                tracing=lambda_.Tracing.ACTIVE,
                role=role,
                log_group=log_group,
                environment=dict(environment),
                # asynchronous invocations keep Lambda's default two retries, then land here
                dead_letter_queue=resources.async_failures if spec.asynchronous else None,
            )
        for area, groups in log_groups.items():
            # functions of an area share its role, so they may write to the log groups of that area only
            self.roles[area].add_to_policy(
                iam.PolicyStatement(
                    sid="WriteLogs",
                    actions=["logs:CreateLogStream", "logs:PutLogEvents"],
                    resources=[group.log_group_arn for group in groups],
                )
            )
        acknowledge(
            self,
            "AwsSolutions-L1",
            "Functions run Python 3.13 on purpose: the dependencies layer is built for cp313 "
            "wheels and Powertools/pydantic-core are tested on it; moving to 3.14 is a deliberate "
            "upgrade of the runtime and the layer together.",
        )

    def _role(self, area: str, needs: Needs, resources: HubResources, config: HubConfig) -> iam.Role:
        role = iam.Role(
            self,
            f"{pascal(area)}Role",
            description=f"Integration Hub functions of area {area}: least privilege by area",
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
            inline_policies={"hub-access": area_policy(needs, resources, config)},
        )
        acknowledge(
            role,
            "AwsSolutions-IAM5[Resource::*]",
            "Active X-Ray tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, "
            "which do not support resource-level permissions; no other action gets '*'.",
        )
        if needs.secret_action_list():
            flat = (
                "Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:"
                f"{config.secret_prefix}/*"
            )
            acknowledge(
                role,
                f"AwsSolutions-IAM5[{flat}]",
                "The vault creates one secret per connection at runtime, named "
                "{prefix}/{tenantId}/{connectionId}; the wildcard is limited to this stage's "
                "prefix and new secrets must use the hub key (secretsmanager:KmsKeyArn).",
            )
        return role
