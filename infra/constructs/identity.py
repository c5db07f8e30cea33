"""The default identity provider when no external issuer is configured: a Cognito user pool.

Groups super_admin / tenant_admin / user become the `cognito:groups` claim; the tenant is the
custom attribute `tenant_id` (claim `custom:tenant_id`), which only administrators can set: the
app client cannot write it and self sign-up is off, so nobody chooses their own tenant.
Cognito puts custom attributes in the ID token, so clients send the ID token to the API.
"""

from __future__ import annotations

import aws_cdk as cdk
from aws_cdk import aws_cognito as cognito
from constructs import Construct

from infra.constructs.nag import acknowledge
from infra.constructs.naming import pascal

GROUPS = {
    "super_admin": "Operates the hub: provider catalog, every tenant through /api/admin",
    "tenant_admin": "Manages the integrations and webhooks of their tenant",
    "user": "Connects their own accounts and uses the tenant's integrations",
}
CLAIM_TENANT = "custom:tenant_id"
CLAIM_ROLES = "cognito:groups"


class HubIdentity(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, stage: str, production: bool) -> None:
        super().__init__(scope, construct_id)
        self.user_pool = cognito.UserPool(
            self,
            "UserPool",
            user_pool_name=f"integration-hub-{stage}",
            self_sign_up_enabled=False,
            sign_in_aliases=cognito.SignInAliases(email=True),
            auto_verify=cognito.AutoVerifiedAttrs(email=True),
            standard_attributes=cognito.StandardAttributes(
                email=cognito.StandardAttribute(required=True, mutable=True)
            ),
            custom_attributes={"tenant_id": cognito.StringAttribute(min_len=1, max_len=64, mutable=True)},
            password_policy=cognito.PasswordPolicy(
                min_length=12,
                require_lowercase=True,
                require_uppercase=True,
                require_digits=True,
                require_symbols=True,
                temp_password_validity=cdk.Duration.days(3),
            ),
            mfa=cognito.Mfa.OPTIONAL,
            mfa_second_factor=cognito.MfaSecondFactor(otp=True, sms=False),
            account_recovery=cognito.AccountRecovery.EMAIL_ONLY,
            feature_plan=cognito.FeaturePlan.ESSENTIALS,
            deletion_protection=production,
            removal_policy=cdk.RemovalPolicy.RETAIN if production else cdk.RemovalPolicy.DESTROY,
        )
        self.client = self.user_pool.add_client(
            "AppClient",
            # SRP for apps; admin password auth needs IAM credentials (cognito-idp:AdminInitiateAuth),
            # so only an operator can use it: how docs/deploy.md gets a first token from the CLI
            auth_flows=cognito.AuthFlow(user_srp=True, admin_user_password=True),
            generate_secret=False,
            disable_o_auth=True,
            prevent_user_existence_errors=True,
            enable_token_revocation=True,
            id_token_validity=cdk.Duration.hours(1),
            access_token_validity=cdk.Duration.hours(1),
            refresh_token_validity=cdk.Duration.days(30),
            read_attributes=cognito.ClientAttributes()
            .with_standard_attributes(email=True, email_verified=True, fullname=True)
            .with_custom_attributes("tenant_id"),
            # tenant_id is absent on purpose: users must not move themselves between tenants
            write_attributes=cognito.ClientAttributes().with_standard_attributes(fullname=True),
        )
        for precedence, (name, description) in enumerate(GROUPS.items()):
            cognito.UserPoolGroup(
                self,
                f"Group{pascal(name)}",
                user_pool=self.user_pool,
                group_name=name,
                description=description,
                precedence=precedence,
            )
        acknowledge(
            self.user_pool,
            "AwsSolutions-COG2",
            "MFA is optional (TOTP) in the starter pool so a first deployment can sign in; "
            "production deployments either require MFA here or bring their own IdP via jwtIssuer.",
        )
        plus_reason = (
            "Threat protection (advanced security) needs the Cognito Plus feature plan, billed per "
            "active user; the starter pool uses Essentials. Enable Plus for production traffic or "
            "bring your own IdP via jwtIssuer."
        )
        acknowledge(self.user_pool, "AwsSolutions-COG3", plus_reason)
        acknowledge(self.user_pool, "AwsSolutions-COG8", plus_reason)

    @property
    def issuer(self) -> str:
        return self.user_pool.user_pool_provider_url

    @property
    def audience(self) -> list[str]:
        return [self.client.user_pool_client_id]
