"""IntegrationHubStack: everything the code needs, derived from the route and worker tables.

Adding a route or a worker changes nothing here: the stack reads functions/routes.py and
functions/workers.py and builds one function per route module and per worker, one API route
per route entry (JWT authorizer unless public), one trigger per worker, the area's IAM role,
a log group and an alarm per five functions. The functions of each area, with their log groups,
API routes and alarms, make one nested stack (infra/constructs/functions.py): the 500-resource
limit of a CloudFormation template applies to each area, not to the whole hub. Areas, queues,
triggers and modules are checked at synth time: an unknown one stops the synth with a message
saying what to fix.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aws_cdk as cdk
from aws_cdk import aws_lambda as lambda_
from constructs import Construct

from hub.http.routing import Route, Worker, ambiguous_pairs
from hub.settings import DEFAULTS, PROCESS_ENVIRONMENT
from infra import packaging
from infra.config import HubConfig
from infra.constructs import permissions
from infra.constructs.api import HubApi
from infra.constructs.data import HubTable
from infra.constructs.events import HubEvents, validate_worker
from infra.constructs.functions import (
    ARCHITECTURE,
    METRICS_NAMESPACE,
    RUNTIME,
    SERVICE_NAME,
    FunctionSpec,
    HubFunctions,
    HubResources,
    function_name_prefix,
)
from infra.constructs.identity import CLAIM_ROLES, CLAIM_TENANT, HubIdentity
from infra.constructs.keys import HubKey
from infra.constructs.monitoring import HubMonitoring

OPENAPI_PATH = "/openapi.json"
OAUTH_CALLBACK_PATH = "/api/integrations/oauth/callback"
_FUNCTION_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{0,50}$")


class StackConfigError(ValueError):
    pass


@dataclass(frozen=True)
class RouteFunction:
    spec: FunctionSpec
    routes: tuple[Route, ...]


def route_function_specs(routes: Sequence[Route]) -> list[RouteFunction]:
    """One function per route module (a module serves one route in practice; two routes that
    name the same module share its function)."""
    by_module: dict[str, list[Route]] = {}
    for route in routes:
        by_module.setdefault(route.module, []).append(route)
    result = []
    for module, module_routes in by_module.items():
        areas = {route.area for route in module_routes}
        if len(areas) > 1:
            raise StackConfigError(
                f"{module} serves routes of several areas {sorted(areas)}; one area per module"
            )
        (area,) = areas
        needs = permissions.needs_for_area(area)
        for route in module_routes:
            needs = needs | permissions.needs_for(area, route.grants)
            if route.method not in {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"}:
                raise StackConfigError(f"{route.key}: method {route.method!r} is not an HTTP API method")
            needs = needs | permissions.pipeline_needs(
                public=route.public,
                rate_limited=route.rate_class is not None,
                mutation=route.is_mutation,
                idempotent=route.idempotent,
            )
        name = module_routes[0].function_name
        extra = {}
        if any(route.path == OPENAPI_PATH for route in module_routes):
            extra = {"functions/openapi.json": packaging.openapi_json()}
        spec = FunctionSpec(
            name=name,
            module=module,
            area=area,
            description="; ".join(
                route.key + (f" ({route.summary})" if route.summary else "") for route in module_routes
            ),
            needs=needs,
            extra_files=extra,
        )
        result.append(RouteFunction(spec, tuple(module_routes)))
    return result


def worker_function_specs(workers: Sequence[Worker], queue_names: Sequence[str]) -> list[FunctionSpec]:
    specs = []
    for worker in workers:
        validate_worker(worker, queue_names)
        specs.append(
            FunctionSpec(
                name=worker.name,
                module=worker.module,
                area=worker.area,
                description=f"{worker.trigger}: {worker.summary}" if worker.summary else worker.trigger,
                needs=permissions.needs_for(worker.area, worker.grants),
                reserved_concurrency=worker.reserved_concurrency,
                consumes_queue=worker.queue if worker.trigger == "queue" else None,
                memory_mb=worker.memory_mb,
                timeout_seconds=worker.timeout_seconds,
                asynchronous=worker.trigger in {"schedule", "event"},
            )
        )
    return specs


def check_specs(specs: Sequence[FunctionSpec], routes: Sequence[Route]) -> None:
    seen: dict[str, str] = {}
    for spec in specs:
        if not _FUNCTION_NAME.match(spec.name):
            raise StackConfigError(
                f"function name {spec.name!r} ({spec.module}) must match {_FUNCTION_NAME.pattern}"
            )
        if spec.name in seen:
            raise StackConfigError(
                f"two functions are named {spec.name!r}: {seen[spec.name]} and {spec.module}"
            )
        seen[spec.name] = spec.module
    clashes = ambiguous_pairs(list(routes))  # also catches a route listed twice
    if clashes:
        raise StackConfigError(f"routes API Gateway cannot tell apart: {clashes}")


class IntegrationHubStack(cdk.Stack):
    def __init__(
        self,
        scope: Construct,
        construct_id: str,
        *,
        config: HubConfig,
        routes: Sequence[Route],
        workers: Sequence[Worker],
        queue_names: Sequence[str],
        build_root: Path = packaging.DEFAULT_BUILD_ROOT,
        source_root: Path = packaging.REPO_ROOT,
        **kwargs: Any,
    ) -> None:
        route_functions = route_function_specs(routes)
        specs = [rf.spec for rf in route_functions] + worker_function_specs(workers, queue_names)
        check_specs(specs, routes)

        core_layer = packaging.build_core_layer(build_root)
        deps_layer = (
            packaging.placeholder_deps_layer(build_root)
            if config.skip_deps_layer
            else packaging.build_deps_layer(build_root)
        )
        # upgrade phase 1 deploys no function: its roles (and the vault key's policy naming them)
        # stay exactly as the next, normal deploy wants them, so only functions come and go
        deployed = [] if config.detaching else specs
        asset_dirs = {
            spec.name: packaging.build_function_asset(
                spec.name, spec.module, build_root, extra_files=dict(spec.extra_files), root=source_root
            )
            for spec in deployed
        }
        packaging.compile_bytecode(asset_dirs.values(), packaging.FUNCTION_ROOT)
        description = (
            f"Integration Hub ({config.stage}): API, functions, table, vault key, bus, queues, alarms"
        )
        if deps_layer.placeholder:
            description += " [PLACEHOLDER dependencies layer: template checks only, do not deploy]"
        if config.detaching:
            description += (" [UPGRADE PHASE 1 (upgrade=detach): no functions or routes; deploy again "
                            "without it (docs/deploy.md)]")
        super().__init__(scope, construct_id, description=description, **kwargs)
        cdk.Tags.of(self).add("project", "integration-hub")
        cdk.Tags.of(self).add("stage", config.stage)
        event_source = DEFAULTS.event_source

        keys = HubKey(self, "Keys", stage=config.stage)
        key = keys.key
        data = HubTable(self, "Data", key=key)
        hub_events = HubEvents(
            self, "Events", queue_names=queue_names, workers=workers, event_source=event_source,
            consumed_sources=config.consumed_event_sources,
        )

        identity = (
            HubIdentity(self, "Identity", stage=config.stage, production=config.is_production)
            if config.uses_cognito
            else None
        )
        issuer = identity.issuer if identity else config.jwt_issuer or ""
        audience = identity.audience if identity else list(config.jwt_audience)
        api = HubApi(self, "Api", config=config, jwt_issuer=issuer, jwt_audience=audience)
        public_url = config.public_api_url or api.url

        environment: dict[str, str] = {
            **PROCESS_ENVIRONMENT,
            "POWERTOOLS_SERVICE_NAME": SERVICE_NAME,
            "POWERTOOLS_METRICS_NAMESPACE": METRICS_NAMESPACE,
            "LOG_LEVEL": config.log_level,
            "HUB_STAGE": config.stage,
            "HUB_TABLE_NAME": data.table.table_name,
            "HUB_KMS_KEY_ID": keys.vault_key.key_arn,
            "HUB_EVENT_BUS_NAME": hub_events.bus.event_bus_name,
            "HUB_EVENT_SOURCE": event_source,
            "HUB_SECRET_PREFIX": config.secret_prefix,
            "HUB_VAULT_BACKEND": config.vault_backend,
            "HUB_PUBLIC_API_URL": public_url,
        }
        if config.allowed_return_origins:
            environment["HUB_ALLOWED_RETURN_ORIGINS"] = ",".join(config.allowed_return_origins)
        claims = {
            "HUB_CLAIM_USER": config.claim_user,
            "HUB_CLAIM_TENANT": config.claim_tenant or (CLAIM_TENANT if identity else None),
            "HUB_CLAIM_ROLES": config.claim_roles or (CLAIM_ROLES if identity else None),
            "HUB_CLAIM_EMAIL": config.claim_email,
        }
        environment.update({name: value for name, value in claims.items() if value})
        for name, queue in hub_events.queues.items():
            environment[f"HUB_{name.upper()}_QUEUE_URL"] = queue.queue_url

        layers = [
            lambda_.LayerVersion(
                self,
                "CoreLayer",
                code=lambda_.Code.from_asset(str(core_layer.path)),
                compatible_runtimes=[RUNTIME],
                compatible_architectures=[ARCHITECTURE],
                description="Integration Hub domain package (layers/core/hub)",
            ),
            lambda_.LayerVersion(
                self,
                "DepsLayer",
                code=lambda_.Code.from_asset(
                    str(deps_layer.path),
                    asset_hash=deps_layer.asset_hash,
                    asset_hash_type=cdk.AssetHashType.CUSTOM if deps_layer.asset_hash else None,
                ),
                compatible_runtimes=[RUNTIME],
                compatible_architectures=[ARCHITECTURE],
                description="Integration Hub runtime dependencies (pyproject.toml, without boto3)",
            ),
        ]
        resources = HubResources(
            table=data.table,
            index_arns=data.index_arns(),
            key=key,
            vault_key=keys.vault_key,
            bus=hub_events.bus,
            queues=hub_events.queues,
            async_failures=hub_events.async_failures,
            event_source=event_source,
        )
        functions = HubFunctions(
            self,
            "Functions",
            config=config,
            resources=resources,
            layers=layers,
            environment=environment,
            specs=specs,
            deployed=deployed,
            asset_dirs=asset_dirs,
        )
        api.allow_invoke(function_name_prefix(config.stage))
        for route_function in route_functions if deployed else ():
            for route in route_function.routes:
                api.add_route(route, functions.functions[route_function.spec.name], route_function.spec.name)
        if deployed:
            # phase 1 drops the per-route settings while the old routes they name still exist
            api.apply_route_throttles()
        for area_stack in functions.area_stacks.values():
            # the stage (and its per-route throttles) deploys once every area's routes exist
            api.stage.node.add_dependency(area_stack)
        for worker in workers:
            hub_events.connect(worker, functions.functions.get(worker.name))

        monitoring = HubMonitoring(self, "Monitoring", key=key, alarm_email=config.alarm_email)
        monitoring.watch_functions(functions.functions, deployed)
        monitoring.watch_dead_letter_queues(hub_events.dead_letter_queues)
        monitoring.watch_api(api.http_api)
        monitoring.watch_refresh_failures(config.refresh_failure_threshold)
        monitoring.watch_swallowed_failures()

        self.specs = specs

        cdk.CfnOutput(self, "ApiUrl", value=api.url, description="Base URL of the HTTP API")
        cdk.CfnOutput(
            self,
            "OAuthCallbackUrl",
            value=cdk.Fn.join("", [public_url, OAUTH_CALLBACK_PATH]),
            description="Register this redirect URI with every OAuth provider",
        )
        cdk.CfnOutput(self, "TableName", value=data.table.table_name)
        cdk.CfnOutput(self, "EventBusName", value=hub_events.bus.event_bus_name)
        cdk.CfnOutput(self, "AlarmTopicArn", value=monitoring.topic.topic_arn)
        cdk.CfnOutput(self, "JwtIssuer", value=issuer)
        if identity:
            cdk.CfnOutput(self, "UserPoolId", value=identity.user_pool.user_pool_id)
            cdk.CfnOutput(self, "UserPoolClientId", value=identity.client.user_pool_client_id)
