"""Who may open tenant credentials, and how far: the vault statements of a function role, and in
the tenant scope (context `vaultScope=tenant`, hub/vault/clients.py) the vault roles.

In the default `function` scope a function role with `vault:*` grants holds the vault statements
itself (any tenant's secret under the stage's prefix, encryption context `tenantId` ≠ `_system`).

In the `tenant` scope those statements move to one vault role per set of vault operations the
functions need (`hub-<stage>-vault-<ops>`). A function role may only assume its own set's role,
and the trust policy admits only those function roles, only with exactly one session tag,
`tenantId`, never `_system`. Every statement of a vault role is written on
`${aws:PrincipalTag/tenantId}`: the secret names `{prefix}/<tenant>/*`, KMS via Secrets Manager
for those secrets only, the Encryption SDK context `tenantId` = the tag, and the table items whose
partition key is `TENANT#<tenant>` (`dynamodb:LeadingKeys`). A session of one tenant cannot read,
write or decrypt another tenant's credential whatever reference the code hands it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

import aws_cdk as cdk
from aws_cdk import aws_iam as iam
from constructs import Construct

from infra.config import HubConfig
from infra.constructs import permissions
from infra.constructs.nag import acknowledge
from infra.constructs.permissions import Needs

if TYPE_CHECKING:  # pragma: no cover - typing only
    from infra.constructs.functions import HubResources

PRINCIPAL_TENANT = "${aws:PrincipalTag/tenantId}"  # the session tag the vault sets (hub/vault/clients.py)
SESSION_TAG = "tenantId"
TENANT_SCOPE = "tenant"
# what the table backend does to a connection item (hub/vault/table.py), by vault operation
TABLE_ACTIONS = {"read": "dynamodb:GetItem", "write": "dynamodb:UpdateItem", "delete": "dynamodb:UpdateItem"}


def secrets_arn(stack: cdk.Stack, pattern: str) -> str:
    return stack.format_arn(service="secretsmanager", resource="secret", resource_name=pattern,
                            arn_format=cdk.ArnFormat.COLON_RESOURCE_NAME)


def vault_statements(kind: str, ops: set[str], needs: Needs, resources: HubResources, config: HubConfig,
                     region: str, *, tenant: str | None = None) -> list[iam.PolicyStatement]:
    """Secrets Manager and KMS statements for tenant credentials (`vault`) or provider client
    secrets (`platform-secrets`), by operation; KMS only with this kind's encryption context.
    `tenant` confines tenant credentials to one tenant (a vault role: the session tag)."""
    stack = cdk.Stack.of(resources.table)
    system = kind == "platform-secrets"
    prefix = f"{config.secret_prefix}/{permissions.SYSTEM_TENANT}/" if system else f"{config.secret_prefix}/"
    if tenant is not None:
        prefix += f"{tenant}/"
    sid = "Platform" if system else "Vault"
    arn = secrets_arn(stack, prefix + "*")
    key = resources.vault_key.key_arn
    purpose = permissions.PURPOSE_PROVIDER_CLIENT if system else permissions.PURPOSE_CONNECTION
    tenant_test = {"StringEquals": permissions.SYSTEM_TENANT} if system else (
        {"StringNotEquals": permissions.SYSTEM_TENANT} if tenant is None else {"StringEquals": tenant})
    # a tenant credential is sealed for the vault or, until the vault holds it, into the record
    sealed_purposes = purpose if system else [purpose, permissions.PURPOSE_PENDING_GRANT]
    sealed: dict[str, dict[str, object]] = {"StringEquals": {"kms:EncryptionContext:purpose": sealed_purposes}}
    for operator, value in tenant_test.items():
        sealed.setdefault(operator, {})["kms:EncryptionContext:tenantId"] = value
    via = {"StringEquals": {"kms:ViaService": f"secretsmanager.{region}.amazonaws.com"},
           "ArnLike": {"kms:EncryptionContext:SecretARN": arn}}
    create_tags: dict[str, str] = {"aws:RequestTag/purpose": purpose}
    if tenant is not None:
        create_tags["aws:RequestTag/tenantId"] = tenant
    statements = []
    if "read" in ops:
        statements += [
            iam.PolicyStatement(sid=f"{sid}Read", actions=["secretsmanager:GetSecretValue"], resources=[arn]),
            iam.PolicyStatement(sid=f"{sid}ReadKeyViaSecretsManager", actions=["kms:Decrypt"], resources=[key],
                                conditions=via),
            iam.PolicyStatement(sid=f"{sid}Open", actions=["kms:Decrypt"], resources=[key], conditions=sealed),
        ]
    if "write" in ops:
        statements += [
            # new secrets must use the vault key and carry exactly the vault's tags, with this kind's purpose
            iam.PolicyStatement(
                sid=f"{sid}Create", actions=["secretsmanager:CreateSecret", "secretsmanager:TagResource"],
                resources=[arn],
                conditions={"StringEquals": {"secretsmanager:KmsKeyArn": key, **create_tags},
                            "ForAllValues:StringEquals": {"aws:TagKeys": list(permissions.SECRET_TAG_KEYS)}},
            ),
            iam.PolicyStatement(sid=f"{sid}Write", actions=["secretsmanager:PutSecretValue"], resources=[arn]),
            iam.PolicyStatement(sid=f"{sid}WriteKeyViaSecretsManager", actions=["kms:GenerateDataKey"],
                                resources=[key], conditions=via),
            iam.PolicyStatement(sid=f"{sid}Seal", actions=["kms:GenerateDataKey"], resources=[key],
                                conditions=sealed),
        ]
    if "delete" in ops:
        statements.append(
            iam.PolicyStatement(sid=f"{sid}Delete", actions=["secretsmanager:DeleteSecret"], resources=[arn])
        )
    if not system and ops and not needs.vault("platform-secrets"):
        # `{prefix}/*` also matches the platform's secrets: a tenant-facing function never reaches them
        statements.append(
            iam.PolicyStatement(
                sid="NoPlatformSecrets", effect=iam.Effect.DENY, actions=list(permissions.SECRET_ACTIONS),
                resources=[secrets_arn(stack, f"{config.secret_prefix}/{permissions.SYSTEM_TENANT}/*")],
            )
        )
    return statements


def ops_name(ops: frozenset[str]) -> str:
    return "-".join(sorted(ops))


def vault_role_name(config: HubConfig, ops: frozenset[str]) -> str:
    return f"hub-{config.stage}-vault-{ops_name(ops)}"


def vault_role_arn(stack: cdk.Stack, config: HubConfig, ops: frozenset[str]) -> str:
    # by name, not by reference: the role's trust names the function roles, so a reference back
    # from their policies would make a dependency cycle
    return f"arn:{stack.partition}:iam::{stack.account}:role/{vault_role_name(config, ops)}"


def assume_statement(role_arn: str) -> iam.PolicyStatement:
    """What a function role holds instead of the vault statements in the tenant scope."""
    return iam.PolicyStatement(sid="AssumeVaultRole", actions=["sts:AssumeRole", "sts:TagSession"],
                               resources=[role_arn])


class VaultRoles(Construct):
    """One vault role per set of vault operations, trusted by the function roles that need it."""

    def __init__(self, scope: Construct, construct_id: str, *, config: HubConfig, resources: HubResources,
                 users: Mapping[frozenset[str], Sequence[str]]) -> None:
        super().__init__(scope, construct_id)
        stack = cdk.Stack.of(self)
        self.roles: dict[frozenset[str], iam.Role] = {}
        for ops, principal_arns in sorted(users.items(), key=lambda item: ops_name(item[0])):
            needs = Needs(grants=frozenset(f"vault:{op}" for op in ops))
            document = iam.PolicyDocument(statements=[
                *vault_statements("vault", set(ops), needs, resources, config, stack.region, tenant=PRINCIPAL_TENANT),
                *self._table_statements(ops, resources, stack.region),
            ])
            trusted = iam.AccountPrincipal(stack.account).with_conditions({
                "ArnEquals": {"aws:PrincipalArn": sorted(principal_arns)},
                "StringLike": {f"aws:RequestTag/{SESSION_TAG}": "?*"},
                "StringNotEquals": {f"aws:RequestTag/{SESSION_TAG}": permissions.SYSTEM_TENANT},
                "ForAllValues:StringEquals": {"aws:TagKeys": [SESSION_TAG]},
            }).with_session_tags()
            role = iam.Role(
                self, f"VaultRole{ops_name(ops).title().replace('-', '')}",
                role_name=vault_role_name(config, ops),
                description=f"Tenant-scoped vault ({ops_name(ops)}): one session per tenant, tag tenantId",
                assumed_by=trusted,
                max_session_duration=cdk.Duration.hours(1),
                inline_policies={"tenant-credentials": document},
            )
            acknowledge(
                role,
                "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:"
                f"secret:{config.secret_prefix}/<aws:PrincipalTag/{SESSION_TAG}>/*]",
                "A session of the vault role reaches the secrets of the one tenant named by its session tag; "
                "each connection's secret is created at runtime under that tenant's prefix.",
            )
            self.roles[ops] = role

    @staticmethod
    def _table_statements(ops: frozenset[str], resources: HubResources, region: str) -> list[iam.PolicyStatement]:
        """The `table` backend's calls on a connection item, only on the session tenant's items."""
        actions = sorted({TABLE_ACTIONS[op] for op in ops})
        return [
            iam.PolicyStatement(
                sid="TenantItems", actions=actions, resources=[resources.table.table_arn],
                conditions={"ForAllValues:StringEquals": {"dynamodb:LeadingKeys": [f"TENANT#{PRINCIPAL_TENANT}"]},
                            "Null": {"dynamodb:LeadingKeys": "false"}},
            ),
            iam.PolicyStatement(
                sid="TableKeyViaDynamoDB",
                actions=sorted({"kms:Decrypt", "kms:DescribeKey"} | (
                    {"kms:Encrypt", "kms:GenerateDataKey"} if ops - {"read"} else set())),
                resources=[resources.key.key_arn],
                conditions={"StringEquals": {"kms:ViaService": f"dynamodb.{region}.amazonaws.com"}},
            ),
        ]
