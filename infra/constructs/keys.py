"""The hub's customer-managed KMS keys: the hub key (table, alarm topic) and the vault key
(credentials in Secrets Manager and every Encryption SDK message). Two keys, so the key that
opens credentials has a policy naming the roles that use it (infra/constructs/functions.py)."""

from __future__ import annotations

import aws_cdk as cdk
from aws_cdk import aws_iam as iam
from aws_cdk import aws_kms as kms
from constructs import Construct


class HubKey(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, stage: str) -> None:
        super().__init__(scope, construct_id)
        self.key = kms.Key(
            self,
            "Key",
            description=f"Integration Hub ({stage}): table, alarm topic",
            enable_key_rotation=True,
            alias=f"alias/integration-hub-{stage}",
            pending_window=cdk.Duration.days(30),
            removal_policy=cdk.RemovalPolicy.RETAIN,
        )
        # CloudWatch alarms publish to the encrypted alarm topic (SNS encrypts with this key).
        self.key.add_to_resource_policy(
            iam.PolicyStatement(
                sid="AllowCloudWatchAlarmsToUseTheEncryptedTopic",
                principals=[iam.ServicePrincipal("cloudwatch.amazonaws.com")],
                actions=["kms:Decrypt", "kms:GenerateDataKey*"],
                resources=["*"],  # in a key policy "*" means this key
            )
        )
        self.vault_key = kms.Key(
            self,
            "VaultKey",
            description=f"Integration Hub ({stage}): credential vault and sealed table values",
            enable_key_rotation=True,
            alias=f"alias/integration-hub-{stage}-vault",
            pending_window=cdk.Duration.days(30),
            removal_policy=cdk.RemovalPolicy.RETAIN,
        )
