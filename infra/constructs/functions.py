"""The Lambda function factory: one recipe for every route and worker function.

Python 3.13 on arm64, the two layers (domain + dependencies), X-Ray active, a log group with
retention per function, Powertools and HUB_* settings in the environment, and one IAM role per
distinct set of needs (infra/constructs/permissions.py: the area's table access plus the
entry's grants), so each function may do exactly what it needs while functions with the same
needs share a role.

CloudFormation allows 500 resources per template, and every function costs about four (itself,
its log group, its API integration and route) plus a fifth of an alarm. So the functions of each
area live in a nested stack of their own (`<stack>/Functions/<Area>`), beside their log groups,
API routes and alarms (infra/stack.py, infra/constructs/api.py, infra/constructs/monitoring.py);
the parent stack keeps what is shared, the roles included. docs/architecture.md says how the
templates grow with routes.
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
from infra.constructs import permissions, vault_roles
from infra.constructs.nag import acknowledge
from infra.constructs.naming import pascal
from infra.constructs.permissions import Needs
from infra.constructs.vault_roles import VaultRoles

RUNTIME = lambda_.Runtime.PYTHON_3_13
ARCHITECTURE = lambda_.Architecture.ARM_64
API_MEMORY_MB = 512
API_TIMEOUT_SECONDS = 29  # the HTTP API's own integration limit is 30 s
METRICS_NAMESPACE = "IntegrationHub"
SERVICE_NAME = DEFAULTS.service_name
MAX_FUNCTION_NAME = 64


def function_name_prefix(stage: str) -> str:
    return f"hub-{stage}-"


def log_group_name(stage: str, name: str) -> str:
    """Lambda's own naming, `/aws/lambda/<function>`: named, so that the roles in the parent stack
    can grant a function's log group without a reference into its area's nested stack."""
    return f"/aws/lambda/{physical_name(stage, name)}"


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
    reserved_concurrency: int | None = None  # kept for this function, however busy the API is
    consumes_queue: str | None = None  # a queue worker: the logical queue it polls
    extra_files: Mapping[str, str] = field(default_factory=dict)

    @property
    def handler(self) -> str:
        return f"{self.module}.handler"


@dataclass(frozen=True)
class HubResources:
    """What functions are given access to (by their needs)."""

    table: dynamodb.ITable
    index_arns: Sequence[str]
    key: kms.IKey  # the hub key: the table (DynamoDB uses it on the caller's behalf)
    vault_key: kms.IKey  # the vault key: secrets and every Encryption SDK message (HUB_KMS_KEY_ID)
    bus: events.IEventBus
    queues: Mapping[str, sqs.IQueue]
    async_failures: sqs.IQueue
    event_source: str  # the `source` of the hub's own events (HUB_EVENT_SOURCE)


def _role_signature(spec: FunctionSpec) -> str:
    """Functions share a role only when they need exactly the same, triggers included."""
    return f"{spec.needs.signature()}|{spec.asynchronous}|{spec.consumes_queue or ''}"


def role_policy(needs: Needs, resources: HubResources, config: HubConfig) -> iam.PolicyDocument:
    """The statements a role holds, from its needs: named resources only, no `*`."""
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
    tenant_scoped = config.vault_scope == vault_roles.TENANT_SCOPE
    for kind in ("vault", "platform-secrets"):
        ops = needs.vault(kind)
        if ops and kind == "vault" and tenant_scoped:
            # tenant credentials only through a session of the vault role, tagged with the tenant
            statements.append(vault_roles.assume_statement(vault_roles.vault_role_arn(stack, config, frozenset(ops))))
        elif ops:
            statements += vault_roles.vault_statements(kind, ops, needs, resources, config, region)
    purposes = needs.sealed_purposes()
    if purposes:
        statements.append(
            iam.PolicyStatement(
                sid="SealTableValues",
                actions=["kms:GenerateDataKey", "kms:Decrypt"],
                resources=[resources.vault_key.key_arn],
                conditions={"StringEquals": {"kms:EncryptionContext:purpose": purposes}},
            )
        )
    if needs.events:
        statements.append(
            iam.PolicyStatement(
                sid="PublishEvents", actions=["events:PutEvents"], resources=[resources.bus.event_bus_arn],
                conditions={"StringEquals": {"events:source": [resources.event_source]}},
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
    if "sts:assume-tenant-role" in needs.grants:
        # a tenant names the role; never one of the hub's own account, and always with an ExternalId
        statements.append(
            iam.PolicyStatement(
                sid="AssumeTenantRoles",
                actions=["sts:AssumeRole"],
                resources=[f"arn:{stack.partition}:iam::*:role/*"],
                conditions={"StringNotEquals": {"aws:ResourceAccount": stack.account},
                            "Null": {"sts:ExternalId": "false"}},
            )
        )
    return iam.PolicyDocument(statements=statements)


class HubFunctions(Construct):
    """The functions, and one IAM role per distinct set of needs.

    Each role holds everything in one inline policy (its needs, X-Ray, its functions' log groups,
    the async-failures queue, a consumed queue) and is handed to its functions immutable, so CDK
    adds no second policy resource per role: the stack stays under CloudFormation's 500 resources.
    """

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
        deployed: Sequence[FunctionSpec] | None = None,
    ) -> None:
        """Roles for every spec; functions (in their areas' nested stacks) for those `deployed`
        (all by default; none in upgrade phase 1, infra/upgrade.py)."""
        super().__init__(scope, construct_id)
        self.functions: dict[str, lambda_.Function] = {}
        self.roles: dict[str, iam.Role] = {}  # role signature -> role
        self.role_of: dict[str, iam.Role] = {}  # function name -> role
        self.area_stacks: dict[str, cdk.NestedStack] = {}  # area -> its nested stack
        removal = cdk.RemovalPolicy.RETAIN if config.is_production else cdk.RemovalPolicy.DESTROY
        groups: dict[str, list[FunctionSpec]] = {}
        for spec in specs:
            permissions.check_queues(spec.needs, resources.queues.keys(), spec.name)
            groups.setdefault(_role_signature(spec), []).append(spec)
        key_users: list[str] = []
        tenant_scoped = config.vault_scope == vault_roles.TENANT_SCOPE
        vault_users: dict[frozenset[str], list[str]] = {}  # vault operations -> function roles (tenant scope)
        for signature, group in sorted(groups.items()):
            role = self._role(signature, group, resources, config)
            self.roles[signature] = role
            self.role_of.update({spec.name: role for spec in group})
            needs = group[0].needs
            if tenant_scoped and needs.vault("vault"):
                vault_users.setdefault(frozenset(needs.vault("vault")), []).append(self._role_arn(signature, config))
                needs = needs.without_vault()
            if needs.uses_vault_key:
                key_users.append(self._role_arn(signature, config))
        self.vault_roles = VaultRoles(self, "Vault", config=config, resources=resources, users=vault_users)
        key_users += [vault_roles.vault_role_arn(cdk.Stack.of(self), config, ops) for ops in vault_users]
        # The vault key's own policy names the roles that may use it: an IAM policy elsewhere in
        # the account that grants kms:* cannot reach the credentials. Key administration stays
        # with the account (PutKeyPolicy is not denied), so this cannot lock the key.
        resources.vault_key.add_to_resource_policy(
            iam.PolicyStatement(
                sid="OnlyTheHubFunctionsThatNeedItUseTheVaultKey",
                effect=iam.Effect.DENY,
                principals=[iam.AnyPrincipal()],
                actions=["kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
                resources=["*"],  # in a key policy "*" means this key
                conditions={"ArnNotEquals": {"aws:PrincipalArn": sorted(key_users)}},
            )
        )
        for spec in specs if deployed is None else deployed:
            area = self.area_stack(spec.area, config)
            log_group = logs.LogGroup(area, f"{spec.name}Logs", log_group_name=log_group_name(config.stage, spec.name),
                                      retention=config.log_retention, removal_policy=removal)
            self.functions[spec.name] = lambda_.Function(
                area,
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
                role=self.role_of[spec.name].without_policy_updates(),
                log_group=log_group,
                environment={**environment, **self._vault_environment(spec, config)},
                # asynchronous invocations keep Lambda's default two retries, then land here
                dead_letter_queue=resources.async_failures if spec.asynchronous else None,
                reserved_concurrent_executions=spec.reserved_concurrency,
            )
        acknowledge(
            self,
            "AwsSolutions-L1",
            "Functions run Python 3.13 on purpose: the dependencies layer is built for cp313 "
            "wheels and Powertools/pydantic-core are tested on it; moving to 3.14 is a deliberate "
            "upgrade of the runtime and the layer together.",
        )

    def area_stack(self, area: str, config: HubConfig) -> cdk.NestedStack:
        """The nested stack of one area's functions (created with the area's first function)."""
        if area not in self.area_stacks:
            self.area_stacks[area] = cdk.NestedStack(
                self, pascal(area),
                description=f"Integration Hub ({config.stage}): the {area} functions, their log groups, "
                            "API routes and alarms",
            )
        return self.area_stacks[area]

    def _vault_environment(self, spec: FunctionSpec, config: HubConfig) -> dict[str, str]:
        """The tenant scope, for the functions that open tenant credentials, with the role they assume
        (the others never do: their own role could not open a credential either way)."""
        ops = frozenset(spec.needs.vault("vault"))
        if config.vault_scope != vault_roles.TENANT_SCOPE or not ops:
            return {}
        return {"HUB_VAULT_SCOPE": config.vault_scope,
                "HUB_VAULT_ROLE_ARN": vault_roles.vault_role_arn(cdk.Stack.of(self), config, ops)}

    @staticmethod
    def _role_name(signature: str, config: HubConfig) -> str:
        return f"hub-{config.stage}-fn-{hashlib.sha256(signature.encode()).hexdigest()[:10]}"

    def _role_arn(self, signature: str, config: HubConfig) -> str:
        stack = cdk.Stack.of(self)
        return f"arn:{stack.partition}:iam::{stack.account}:role/{self._role_name(signature, config)}"

    def _role(self, signature: str, group: Sequence[FunctionSpec], resources: HubResources,
              config: HubConfig) -> iam.Role:
        needs = group[0].needs
        names = ", ".join(sorted(spec.name for spec in group))
        grants = ", ".join(sorted(needs.grants)) or "no grants"
        document = role_policy(needs, resources, config)
        stack = cdk.Stack.of(self)
        log_groups = [
            stack.format_arn(service="logs", resource="log-group", arn_format=cdk.ArnFormat.COLON_RESOURCE_NAME,
                             resource_name=f"{log_group_name(config.stage, spec.name)}:*")
            for spec in group
        ]
        runtime = [
            # each function writes to its own log group only
            iam.PolicyStatement(sid="WriteLogs", actions=["logs:CreateLogStream", "logs:PutLogEvents"],
                                resources=log_groups),
            iam.PolicyStatement(sid="Tracing", actions=["xray:PutTraceSegments", "xray:PutTelemetryRecords"],
                                resources=["*"]),
        ]
        if group[0].asynchronous:
            runtime.append(iam.PolicyStatement(sid="AsyncFailures", actions=["sqs:SendMessage"],
                                               resources=[resources.async_failures.queue_arn]))
        if group[0].consumes_queue:
            runtime.append(iam.PolicyStatement(
                sid="ConsumeQueue",
                actions=["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
                         "sqs:GetQueueAttributes", "sqs:GetQueueUrl"],
                resources=[resources.queues[group[0].consumes_queue].queue_arn],
            ))
        document.add_statements(*runtime)
        role = iam.Role(
            self,
            f"Role{hashlib.sha256(signature.encode()).hexdigest()[:10]}",
            role_name=self._role_name(signature, config),
            description=f"table {needs.table}; {grants}; for {names}"[:1000],
            assumed_by=iam.ServicePrincipal("lambda.amazonaws.com"),
            inline_policies={"hub-access": document},
        )
        acknowledge(
            role,
            "AwsSolutions-IAM5[Resource::*]",
            "Active X-Ray tracing needs xray:PutTraceSegments and xray:PutTelemetryRecords, "
            "which do not support resource-level permissions; no other action gets '*'.",
        )
        for spec in group:
            acknowledge(
                role,
                "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:logs:<AWS::Region>:<AWS::AccountId>:log-group:"
                f"{log_group_name(config.stage, spec.name)}:*]",
                "The wildcard covers the log streams of this function's own log group, which Lambda "
                "names at runtime; the group is named (not referenced) because it lives in the area's "
                "nested stack.",
            )
        holds_vault = needs.vault("vault") and config.vault_scope != vault_roles.TENANT_SCOPE
        if holds_vault or needs.vault("platform-secrets"):
            for pattern in (f"{config.secret_prefix}/*", f"{config.secret_prefix}/{permissions.SYSTEM_TENANT}/*"):
                flat = ("Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:"
                        + pattern)
                acknowledge(
                    role,
                    f"AwsSolutions-IAM5[{flat}]",
                    "The vault creates one secret per connection at runtime, named "
                    "{prefix}/{tenantId}/{connectionId}; the wildcard is limited to this stage's prefix "
                    "(the platform's secrets under _system are denied to tenant-facing functions) and "
                    "new secrets must use the vault key and the vault's tags.",
                )
        if "sts:assume-tenant-role" in needs.grants:
            acknowledge(
                role,
                "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:iam::*:role/*]",
                "AWS connections assume a role the tenant names in the tenant's own account; the "
                "hub's own account is excluded (aws:ResourceAccount) and an ExternalId is required.",
            )
        return role
