"""The HTTP API: one route per route-table entry, the JWT authorizer on every non-public route.

API Gateway invokes the functions through one IAM role (the integrations' credentials) rather
than a resource-policy permission per route: one role instead of one AWS::Lambda::Permission per
route keeps the stack well under CloudFormation's 500-resource limit.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import aws_cdk as cdk
import jsii
from aws_cdk import aws_apigateway as apigw
from aws_cdk import aws_apigatewayv2 as apigwv2
from aws_cdk import aws_apigatewayv2_authorizers as authorizers
from aws_cdk import aws_iam as iam
from aws_cdk import aws_lambda as lambda_
from aws_cdk import aws_logs as logs
from constructs import Construct

from hub.http.cors import CorsPolicy
from hub.http.routing import Route
from infra.config import HubConfig
from infra.constructs.nag import acknowledge

# $context variables of HTTP APIs; never the Authorization header or the body
ACCESS_LOG_FORMAT = {
    "requestId": "$context.requestId",
    "ip": "$context.identity.sourceIp",
    "requestTime": "$context.requestTime",
    "httpMethod": "$context.httpMethod",
    "routeKey": "$context.routeKey",
    "path": "$context.path",
    "status": "$context.status",
    "protocol": "$context.protocol",
    "responseLength": "$context.responseLength",
    "responseLatency": "$context.responseLatency",
    "integrationLatency": "$context.integrationLatency",
    "integrationStatus": "$context.integrationStatus",
    "integrationError": "$context.integrationErrorMessage",
    "authorizerError": "$context.authorizer.error",
    "userAgent": "$context.identity.userAgent",
}


class RoleLambdaIntegration(apigwv2.HttpRouteIntegration):
    """A Lambda proxy integration (payload 2.0) that API Gateway invokes with a role."""

    def __init__(self, integration_id: str, function: lambda_.IFunction, role: iam.IRole) -> None:
        super().__init__(integration_id)
        self._function = function
        self._role = role

    def bind(self, *_args: Any, **_kwargs: Any) -> apigwv2.HttpRouteIntegrationConfig:
        return apigwv2.HttpRouteIntegrationConfig(
            type=apigwv2.HttpIntegrationType.AWS_PROXY,
            uri=self._function.function_arn,
            payload_format_version=apigwv2.PayloadFormatVersion.VERSION_2_0,
            credentials=apigwv2.IntegrationCredentials.from_role(self._role),
        )


@jsii.implements(apigwv2.IAccessLogSettings)
class _AccessLogSettings:
    def __init__(self, log_group: logs.ILogGroup) -> None:
        self._destination = apigwv2.LogGroupLogDestination(log_group)

    @property
    def destination(self) -> apigwv2.IAccessLogDestination:
        return self._destination

    @property
    def format(self) -> apigw.AccessLogFormat:
        return apigw.AccessLogFormat.custom(json.dumps(ACCESS_LOG_FORMAT, separators=(",", ":")))


class HubApi(Construct):
    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        config: HubConfig,
        jwt_issuer: str,
        jwt_audience: Sequence[str],
    ) -> None:
        super().__init__(scope, construct_id)
        # the one CORS policy (hub/http/cors.py), from the same origins the functions get
        policy = CorsPolicy.from_origins(config.allowed_return_origins)
        cors = None
        if policy.enabled:
            cors = apigwv2.CorsPreflightOptions(
                allow_origins=list(policy.origins),
                allow_methods=[apigwv2.CorsHttpMethod(method) for method in policy.methods],
                allow_headers=list(policy.allowed_headers),
                expose_headers=list(policy.exposed_headers),
                allow_credentials=policy.allow_credentials,
                max_age=cdk.Duration.seconds(policy.max_age_seconds),
            )
        self.http_api = apigwv2.HttpApi(
            self,
            "HttpApi",
            description=f"Integration Hub API ({config.stage})",
            create_default_stage=False,
            cors_preflight=cors,
        )
        removal = cdk.RemovalPolicy.RETAIN if config.is_production else cdk.RemovalPolicy.DESTROY
        self.access_logs = logs.LogGroup(
            self, "AccessLogs", retention=config.log_retention, removal_policy=removal
        )
        self.stage = apigwv2.HttpStage(
            self,
            "DefaultStage",
            http_api=self.http_api,
            stage_name="$default",
            auto_deploy=True,
            throttle=apigwv2.ThrottleSettings(
                rate_limit=config.throttle_rate_limit, burst_limit=config.throttle_burst_limit
            ),
            access_log_settings=_AccessLogSettings(self.access_logs),
        )
        self.authorizer = authorizers.HttpJwtAuthorizer(
            "JwtAuthorizer",
            jwt_issuer,
            jwt_audience=list(jwt_audience),
            identity_source=["$request.header.Authorization"],
        )
        self.invoke_role = iam.Role(
            self,
            "InvokeRole",
            description="API Gateway invokes the route functions with this role",
            assumed_by=iam.ServicePrincipal("apigateway.amazonaws.com"),
        )
        self._integrations: dict[str, RoleLambdaIntegration] = {}
        self.routes: dict[str, apigwv2.HttpRoute] = {}
        self._config = config
        self._route_throttles: dict[str, dict[str, int]] = {}

    def allow_invoke(self, function_name_prefix: str) -> None:
        """One statement for every function of the stack (they share a name prefix), so the
        policy does not grow with the route table."""
        stack = cdk.Stack.of(self)
        pattern = stack.format_arn(
            service="lambda",
            resource="function",
            resource_name=f"{function_name_prefix}*",
            arn_format=cdk.ArnFormat.COLON_RESOURCE_NAME,
        )
        self.invoke_role.add_to_policy(
            iam.PolicyStatement(
                sid="InvokeRouteFunctions", actions=["lambda:InvokeFunction"], resources=[pattern]
            )
        )
        acknowledge(
            self.invoke_role,
            "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:lambda:<AWS::Region>:<AWS::AccountId>:function:"
            f"{function_name_prefix}*]",
            "API Gateway invokes the route functions of this stack only: they all carry the "
            f"name prefix {function_name_prefix}; listing each ARN would outgrow the role's policy "
            "size limit.",
        )

    @property
    def url(self) -> str:
        """The API's base URL without a trailing slash."""
        return self.http_api.api_endpoint

    def add_route(self, route: Route, function: lambda_.Function, function_name: str) -> apigwv2.HttpRoute:
        integration = self._integrations.get(function_name)
        if integration is None:
            integration = RoleLambdaIntegration(f"{function_name}Integration", function, self.invoke_role)
            self._integrations[function_name] = integration
        # the route and its integration live beside the function, in its area's nested stack
        # (infra/constructs/functions.py); the API, the authorizer and the stage stay here
        http_route = apigwv2.HttpRoute(
            cdk.Stack.of(function),
            f"{route.method}{route.path}",
            http_api=self.http_api,
            route_key=apigwv2.HttpRouteKey.with_(route.path, apigwv2.HttpMethod[route.method]),
            integration=integration,
            authorizer=apigwv2.HttpNoneAuthorizer() if route.public else self.authorizer,
        )
        if route.public:
            acknowledge(
                http_route,
                "AwsSolutions-APIG4",
                f"{route.key} is public by the route table ({route.summary or 'no summary'}): it "
                "serves no tenant data or proves the caller itself (the OAuth callback checks its "
                "single-use state); the stage throttles it.",
            )
        if route.public:
            # anonymous callers get their own tight limit, never the whole stage's
            self._route_throttles[route.key] = {
                "ThrottlingRateLimit": self._config.public_throttle_rate_limit,
                "ThrottlingBurstLimit": self._config.public_throttle_burst_limit,
            }
        self.routes[route.key] = http_route
        return http_route

    def apply_route_throttles(self) -> None:
        """Per-route throttles on the stage (RouteSettings; CDK has no typed API for them)."""
        stage = self.stage.node.default_child
        assert isinstance(stage, apigwv2.CfnStage)
        stage.add_property_override("RouteSettings", dict(sorted(self._route_throttles.items())))
