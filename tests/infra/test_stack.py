"""The synthesized stack deploys what the code needs: read as Given (the tables) / When (synth) /
Then (the template), on the real tables and on a sample table with every trigger kind."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from hub import table as table_definition
from tests.infra.conftest import SAMPLE_ROUTES, SAMPLE_WORKERS, Synthesized

pytestmark = pytest.mark.infra

REPO_ROOT = Path(__file__).resolve().parents[2]
XRAY_ACTIONS = {"xray:PutTraceSegments", "xray:PutTelemetryRecords"}


def _ref(value: Any) -> str | None:
    """The logical id a Ref / GetAtt points at."""
    if isinstance(value, dict):
        if "Ref" in value:
            return value["Ref"]  # type: ignore[no-any-return]
        if "Fn::GetAtt" in value:
            return value["Fn::GetAtt"][0]  # type: ignore[no-any-return]
    return None


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _route_resource(synth: Synthesized, route_key: str) -> dict[str, Any]:
    matches = [
        r
        for r in synth.resources("AWS::ApiGatewayV2::Route").values()
        if r["Properties"]["RouteKey"] == route_key
    ]
    assert len(matches) == 1, f"expected one API route {route_key}, found {len(matches)}"
    return matches[0]


def _integration_function(synth: Synthesized, route: dict[str, Any]) -> str:
    target = route["Properties"]["Target"]["Fn::Join"][1][1]
    integration = synth.raw["Resources"][_ref(target)]
    return _ref(integration["Properties"]["IntegrationUri"]) or ""


def _policy_statements(synth: Synthesized) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for logical_id, resource in synth.raw["Resources"].items():
        if resource["Type"] == "AWS::IAM::Policy":
            documents = [resource["Properties"]["PolicyDocument"]]
        elif resource["Type"] == "AWS::IAM::Role":
            documents = [p["PolicyDocument"] for p in resource["Properties"].get("Policies", [])]
        else:
            continue
        for document in documents:
            found.extend((logical_id, statement) for statement in document["Statement"])
    return found


def _role_statements(synth: Synthesized, role_id: str) -> list[dict[str, Any]]:
    """Inline statements of the role plus those of every AWS::IAM::Policy attached to it."""
    role = synth.raw["Resources"][role_id]["Properties"]
    statements = [s for policy in role.get("Policies", []) for s in policy["PolicyDocument"]["Statement"]]
    for resource in synth.resources("AWS::IAM::Policy").values():
        if any(_ref(r) == role_id for r in resource["Properties"]["Roles"]):
            statements.extend(resource["Properties"]["PolicyDocument"]["Statement"])
    return statements


def _actions(statements: list[dict[str, Any]]) -> set[str]:
    return {action for s in statements for action in _as_list(s["Action"])}


# ---- routes → functions and API routes -----------------------------------------------------


@pytest.mark.parametrize("fixture", ["hub_synth", "sample_synth"])
def test_every_route_gets_a_function_and_an_api_route(fixture: str, request: pytest.FixtureRequest) -> None:
    synth: Synthesized = request.getfixturevalue(fixture)
    # Given the route table, When synthesized, Then each entry has its route bound to its module's function
    for route in synth.routes:
        function_id, _ = synth.function_by_handler(f"{route.module}.handler")
        assert _integration_function(synth, _route_resource(synth, route.key)) == function_id
    route_modules = {r.module for r in synth.routes}
    assert len(synth.resources("AWS::Lambda::Function")) == len(route_modules) + len(synth.workers)
    assert len(synth.resources("AWS::ApiGatewayV2::Route")) == len(synth.routes)


@pytest.mark.parametrize("fixture", ["hub_synth", "sample_synth"])
def test_jwt_authorizer_guards_every_non_public_route_and_no_public_one(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    synth: Synthesized = request.getfixturevalue(fixture)
    authorizers = list(synth.resources("AWS::ApiGatewayV2::Authorizer"))
    # CDK binds the authorizer with its first guarded route: none while every route is public
    assert len(authorizers) == (1 if any(not r.public for r in synth.routes) else 0)
    for route in synth.routes:
        properties = _route_resource(synth, route.key)["Properties"]
        if route.public:
            assert properties["AuthorizationType"] == "NONE", route.key
            assert "AuthorizerId" not in properties, route.key
        else:
            assert properties["AuthorizationType"] == "JWT", route.key
            assert _ref(properties["AuthorizerId"]) == authorizers[0], route.key


def test_external_issuer_configures_the_authorizer_and_no_user_pool(sample_synth: Synthesized) -> None:
    sample_synth.template.has_resource_properties(
        "AWS::ApiGatewayV2::Authorizer",
        {
            "AuthorizerType": "JWT",
            "IdentitySource": ["$request.header.Authorization"],
            "JwtConfiguration": {"Issuer": "https://issuer.example.com/", "Audience": ["hub-api"]},
        },
    )
    sample_synth.template.resource_count_is("AWS::Cognito::UserPool", 0)
    for _, function in sample_synth.resources("AWS::Lambda::Function").items():
        assert "HUB_CLAIM_TENANT" not in function["Properties"]["Environment"]["Variables"]


def test_cognito_default_pool_has_groups_tenant_attribute_and_matching_claims(hub_synth: Synthesized) -> None:
    # Given no jwtIssuer, Then a user pool exists whose tenant attribute users cannot write themselves
    (pool,) = hub_synth.resources("AWS::Cognito::UserPool").values()
    schema = {a["Name"]: a for a in pool["Properties"]["Schema"]}
    assert schema["tenant_id"]["AttributeDataType"] == "String"
    assert pool["Properties"]["AdminCreateUserConfig"]["AllowAdminCreateUserOnly"] is True
    groups = {
        g["Properties"]["GroupName"] for g in hub_synth.resources("AWS::Cognito::UserPoolGroup").values()
    }
    assert groups == {"super_admin", "tenant_admin", "user"}
    (client,) = hub_synth.resources("AWS::Cognito::UserPoolClient").values()
    assert "custom:tenant_id" in client["Properties"]["ReadAttributes"]
    assert "custom:tenant_id" not in client["Properties"]["WriteAttributes"]
    # apps sign in with SRP; an operator's first token (docs/deploy.md) uses admin auth, IAM-only
    assert set(client["Properties"]["ExplicitAuthFlows"]) == {
        "ALLOW_USER_SRP_AUTH", "ALLOW_ADMIN_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}
    for authorizer in hub_synth.resources("AWS::ApiGatewayV2::Authorizer").values():
        audience = authorizer["Properties"]["JwtConfiguration"]["Audience"]
        assert _ref(audience[0]) in hub_synth.resources("AWS::Cognito::UserPoolClient")
    for function in hub_synth.resources("AWS::Lambda::Function").values():
        variables = function["Properties"]["Environment"]["Variables"]
        assert variables["HUB_CLAIM_TENANT"] == "custom:tenant_id"
        assert variables["HUB_CLAIM_ROLES"] == "cognito:groups"


def test_api_stage_logs_access_throttles_and_allows_the_configured_origins(hub_synth: Synthesized) -> None:
    (stage,) = hub_synth.resources("AWS::ApiGatewayV2::Stage").values()
    properties = stage["Properties"]
    assert properties["StageName"] == "$default" and properties["AutoDeploy"] is True
    assert properties["DefaultRouteSettings"] == {"ThrottlingBurstLimit": 200, "ThrottlingRateLimit": 100}
    assert _ref(properties["AccessLogSettings"]["DestinationArn"]) in hub_synth.resources(
        "AWS::Logs::LogGroup"
    )
    assert "Authorization" not in properties["AccessLogSettings"]["Format"]
    (api,) = hub_synth.resources("AWS::ApiGatewayV2::Api").values()
    # the one CORS policy the local emulator applies too (hub/http/cors.py)
    assert api["Properties"]["CorsConfiguration"] == {
        "AllowOrigins": ["https://app.example.com", "http://127.0.0.1:3000"],
        "AllowMethods": ["GET", "POST", "PUT", "PATCH", "DELETE"],
        "AllowHeaders": ["authorization", "content-type", "idempotency-key", "x-request-id"],
        "ExposeHeaders": ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "x-request-id",
                          "retry-after"],
        "AllowCredentials": False,
        "MaxAge": 3600,
    }


# ---- functions -----------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", ["hub_synth", "sample_synth"])
def test_every_function_is_python313_arm64_traced_with_its_own_log_group(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    synth: Synthesized = request.getfixturevalue(fixture)
    log_groups = set()
    for logical_id, function in synth.resources("AWS::Lambda::Function").items():
        properties = function["Properties"]
        assert properties["Runtime"] == "python3.13", logical_id
        assert properties["Architectures"] == ["arm64"], logical_id
        assert properties["TracingConfig"] == {"Mode": "Active"}, logical_id
        assert len(properties["Layers"]) == 2, logical_id
        group = _ref(properties["LoggingConfig"]["LogGroup"])
        group_properties = synth.raw["Resources"][group]["Properties"]
        assert group_properties["RetentionInDays"] == 30
        # Lambda's own name for it, so a function's logs are where operators look first
        assert group_properties["LogGroupName"] == f"/aws/lambda/{properties['FunctionName']}"
        log_groups.add(group)
    assert len(log_groups) == len(synth.resources("AWS::Lambda::Function"))


def _settings_variable_names() -> set[str]:
    from hub.settings import Settings

    return {variable for name in Settings.model_fields for variable in Settings.variables(name)}


def test_function_environment_names_are_settings_the_code_reads(hub_synth: Synthesized) -> None:
    # Given hub/settings.py (the only reader of the environment), Then every HUB_* variable the
    # stack sets is one it reads, and the resources' names are all there
    from hub.settings import PROCESS_ENVIRONMENT

    known = _settings_variable_names() | {"POWERTOOLS_METRICS_NAMESPACE", "LOG_LEVEL"} | set(PROCESS_ENVIRONMENT)
    for logical_id, function in hub_synth.resources("AWS::Lambda::Function").items():
        variables = function["Properties"]["Environment"]["Variables"]
        assert set(variables) <= known, (logical_id, set(variables) - known)
        # and each function runs as `make bench` measured it (no pydantic plugin scan at its cold start)
        assert {k: variables.get(k) for k in PROCESS_ENVIRONMENT} == PROCESS_ENVIRONMENT, logical_id
        for name in (
            "HUB_TABLE_NAME",
            "HUB_KMS_KEY_ID",
            "HUB_EVENT_BUS_NAME",
            "HUB_SECRET_PREFIX",
            "HUB_PUBLIC_API_URL",
            "HUB_ALLOWED_RETURN_ORIGINS",
            "POWERTOOLS_SERVICE_NAME",
        ):
            assert name in variables, (logical_id, name)
        for queue in hub_synth.queues:
            assert f"HUB_{queue.upper()}_QUEUE_URL" in variables
        assert variables["POWERTOOLS_METRICS_NAMESPACE"] == "IntegrationHub"
        assert variables["HUB_SECRET_PREFIX"] == "integration-hub/test"
        assert variables["HUB_VAULT_BACKEND"] == "secretsmanager"
        assert variables["HUB_ALLOWED_RETURN_ORIGINS"] == "https://app.example.com,http://127.0.0.1:3000"


def test_api_functions_get_api_defaults_and_workers_their_own_sizes(sample_synth: Synthesized) -> None:
    for route in SAMPLE_ROUTES:
        _, function = sample_synth.function_by_handler(f"{route.module}.handler")
        assert (function["Properties"]["MemorySize"], function["Properties"]["Timeout"]) == (512, 29)
    for worker in SAMPLE_WORKERS:
        _, function = sample_synth.function_by_name(worker.name)
        assert (function["Properties"]["MemorySize"], function["Properties"]["Timeout"]) == (
            worker.memory_mb,
            worker.timeout_seconds,
        )


# ---- workers -------------------------------------------------------------------------------


def _rate_expression(minutes: int) -> str:
    """What CDK's Schedule.rate writes: the largest whole unit (60 minutes is "rate(1 hour)")."""
    count, unit = next((minutes // size, name) for size, name in ((1440, "day"), (60, "hour"), (1, "minute"))
                       if minutes % size == 0)
    return f"rate({count} {unit}{'' if count == 1 else 's'})"


@pytest.mark.parametrize("fixture", ["hub_synth", "sample_synth"])
def test_each_schedule_worker_has_a_rate_schedule(fixture: str, request: pytest.FixtureRequest) -> None:
    synth: Synthesized = request.getfixturevalue(fixture)
    rules = synth.resources("AWS::Events::Rule").values()
    for worker in (w for w in synth.workers if w.trigger == "schedule"):
        function_id, _ = synth.function_by_name(worker.name)
        matching = [
            r
            for r in rules
            if r["Properties"].get("ScheduleExpression") == _rate_expression(worker.schedule_minutes or 0)
            and any(_ref(t["Arn"]) == function_id for t in r["Properties"]["Targets"])
        ]
        assert len(matching) == 1, worker.name
        (target,) = matching[0]["Properties"]["Targets"]
        assert "DeadLetterConfig" in target


def test_queue_and_event_workers_are_wired_to_their_triggers(sample_synth: Synthesized) -> None:
    queue_worker = next(w for w in SAMPLE_WORKERS if w.trigger == "queue")
    function_id, _ = sample_synth.function_by_name(queue_worker.name)
    (mapping,) = sample_synth.resources("AWS::Lambda::EventSourceMapping").values()
    assert _ref(mapping["Properties"]["FunctionName"]) == function_id
    assert mapping["Properties"]["BatchSize"] == queue_worker.batch_size
    assert mapping["Properties"]["FunctionResponseTypes"] == ["ReportBatchItemFailures"]
    queue = sample_synth.raw["Resources"][_ref(mapping["Properties"]["EventSourceArn"])]
    assert queue["Properties"]["VisibilityTimeout"] >= 6 * queue_worker.timeout_seconds

    event_worker = next(w for w in SAMPLE_WORKERS if w.trigger == "event")
    function_id, _ = sample_synth.function_by_name(event_worker.name)
    (rule,) = [
        r for r in sample_synth.resources("AWS::Events::Rule").values() if "EventPattern" in r["Properties"]
    ]
    assert rule["Properties"]["EventPattern"]["detail-type"] == list(event_worker.event_detail_types)
    # only the configured sources (consumedEventSources, default `platform`) reach consumers
    assert rule["Properties"]["EventPattern"]["source"] == ["platform"]
    assert _ref(rule["Properties"]["EventBusName"]) in sample_synth.resources("AWS::Events::EventBus")
    assert _ref(rule["Properties"]["Targets"][0]["Arn"]) == function_id


def test_unknown_area_trigger_or_queue_stops_the_synth() -> None:
    from hub.http.routing import Route, Worker
    from infra.constructs.events import WorkerConfigError
    from infra.constructs.permissions import UnknownAreaError
    from infra.stack import route_function_specs, worker_function_specs

    with pytest.raises(UnknownAreaError, match="bogus"):
        route_function_specs([Route("GET", "/x", "functions.system.health", ("user",), None, "", "bogus")])
    with pytest.raises(UnknownAreaError, match="bogus"):
        worker_function_specs(
            [Worker("w", "functions.system.health", "schedule", "bogus", schedule_minutes=5)], ["refresh"]
        )
    with pytest.raises(WorkerConfigError, match="trigger"):
        worker_function_specs([Worker("w", "functions.system.health", "cron", "jobs")], ["refresh"])
    with pytest.raises(WorkerConfigError, match="nope"):
        worker_function_specs(
            [Worker("w", "functions.system.health", "queue", "consumers", queue="nope")], ["refresh"]
        )


# ---- data, keys, queues --------------------------------------------------------------------


def test_table_is_built_from_hub_table_with_pitr_ttl_deletion_protection_and_the_hub_key(
    hub_synth: Synthesized,
) -> None:
    ((_, table),) = hub_synth.resources("AWS::DynamoDB::Table").items()
    properties = table["Properties"]
    assert table["DeletionPolicy"] == "Retain"
    assert properties["BillingMode"] == "PAY_PER_REQUEST"
    assert properties["DeletionProtectionEnabled"] is True
    assert properties["PointInTimeRecoverySpecification"]["PointInTimeRecoveryEnabled"] is True
    assert properties["TimeToLiveSpecification"] == {
        "AttributeName": table_definition.TTL_ATTRIBUTE,
        "Enabled": True,
    }
    assert (
        properties["SSESpecification"]["SSEEnabled"] is True
        and properties["SSESpecification"]["SSEType"] == "KMS"
    )
    assert _ref(properties["SSESpecification"]["KMSMasterKeyId"]) in hub_synth.resources("AWS::KMS::Key")
    assert properties["KeySchema"] == table_definition.KEY_SCHEMA
    assert sorted(properties["AttributeDefinitions"], key=lambda a: a["AttributeName"]) == sorted(
        table_definition.ATTRIBUTE_DEFINITIONS, key=lambda a: a["AttributeName"]
    )
    indexes = {i["IndexName"]: i for i in properties["GlobalSecondaryIndexes"]}
    for index in table_definition.GLOBAL_SECONDARY_INDEXES:
        assert indexes[index["IndexName"]]["KeySchema"] == index["KeySchema"]
        assert (
            indexes[index["IndexName"]]["Projection"]["ProjectionType"]
            == index["Projection"]["ProjectionType"]
        )


def test_the_hub_key_rotates(hub_synth: Synthesized) -> None:
    hub_synth.template.has_resource_properties("AWS::KMS::Key", {"EnableKeyRotation": True})
    hub_synth.template.has_resource_properties("AWS::KMS::Alias", {"AliasName": "alias/integration-hub-test"})


@pytest.mark.parametrize("fixture", ["hub_synth", "sample_synth"])
def test_every_queue_has_a_dead_letter_queue_encryption_and_ssl_only(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    synth: Synthesized = request.getfixturevalue(fixture)
    queues = synth.resources("AWS::SQS::Queue")
    dead_letter_ids = set()
    work_queues = [q for q in queues.values() if "RedrivePolicy" in q["Properties"]]
    assert len(work_queues) == len(synth.queues)
    for queue in work_queues:
        dead_letter_ids.add(_ref(queue["Properties"]["RedrivePolicy"]["deadLetterTargetArn"]))
    assert len(dead_letter_ids) == len(synth.queues)
    for logical_id, queue in queues.items():
        assert (
            queue["Properties"].get("SqsManagedSseEnabled") is True or "KmsMasterKeyId" in queue["Properties"]
        ), logical_id
    ssl_guarded = set()
    for policy in synth.resources("AWS::SQS::QueuePolicy").values():
        for statement in policy["Properties"]["PolicyDocument"]["Statement"]:
            if (
                statement["Effect"] == "Deny"
                and statement.get("Condition", {}).get("Bool", {}).get("aws:SecureTransport") == "false"
            ):
                ssl_guarded.update(_ref(q) for q in policy["Properties"]["Queues"])
    assert ssl_guarded == set(queues)


# ---- least privilege -----------------------------------------------------------------------


@pytest.mark.parametrize("fixture", ["hub_synth", "sample_synth"])
def test_no_iam_statement_grants_star_resources_except_xray(
    fixture: str, request: pytest.FixtureRequest
) -> None:
    synth: Synthesized = request.getfixturevalue(fixture)
    for logical_id, statement in _policy_statements(synth):
        if "*" in _as_list(statement["Resource"]):
            # acknowledged in infra/constructs/functions.py: X-Ray has no resource-level permissions
            assert set(_as_list(statement["Action"])) <= XRAY_ACTIONS, (logical_id, statement)
        assert not any(a.endswith(":*") or a == "*" for a in _as_list(statement["Action"])), (
            logical_id,
            statement,
        )


# ---- monitoring and outputs ----------------------------------------------------------------


def test_alarms_cover_functions_dead_letter_queues_the_api_and_refresh_failures(
    hub_synth: Synthesized,
) -> None:
    alarms = list(hub_synth.resources("AWS::CloudWatch::Alarm").values())
    (topic_id,) = hub_synth.resources("AWS::SNS::Topic")
    assert all(_ref(a["Properties"]["AlarmActions"][0]) == topic_id for a in alarms)
    function_alarms = [a for a in alarms if "Metrics" in a["Properties"]]
    # every function is watched by exactly one alarm, for errors and throttles, within
    # CloudWatch's 10 metrics per math alarm
    watched: list[str] = []
    for alarm in function_alarms:
        stats = [m["MetricStat"]["Metric"] for m in alarm["Properties"]["Metrics"] if "MetricStat" in m]
        assert len(stats) <= 10
        functions = {_ref(d["Value"]) for m in stats for d in m["Dimensions"]}
        for function in functions:
            assert sorted(m["MetricName"] for m in stats if _ref(m["Dimensions"][0]["Value"]) == function) == [
                "Errors", "Throttles"]
        watched += functions
    assert sorted(watched) == sorted(hub_synth.resources("AWS::Lambda::Function"))
    by_metric = [a["Properties"].get("MetricName") for a in alarms]
    assert (
        by_metric.count("ApproximateNumberOfMessagesVisible") == len(hub_synth.queues) + 1
    )  # + async failures
    assert "5xx" in by_metric
    refresh = next(a for a in alarms if a["Properties"].get("MetricName") == "RefreshFailed")
    assert refresh["Properties"]["Namespace"] == "IntegrationHub"
    assert refresh["Properties"]["Dimensions"] == [{"Name": "service", "Value": "integration-hub"}]
    hub_synth.template.has_resource_properties(
        "AWS::SNS::Topic", {"KmsMasterKeyId": {"Fn::GetAtt": [_kms_key(hub_synth), "Arn"]}}
    )
    hub_synth.template.has_resource_properties(
        "AWS::SNS::Subscription", {"Protocol": "email", "Endpoint": "ops@example.com"}
    )


def _kms_key(synth: Synthesized) -> str:
    """The hub key (table, alarm topic), not the vault key."""
    (key_id,) = [k for k, v in synth.resources("AWS::KMS::Key").items()
                 if "alarm topic" in v["Properties"]["Description"]]
    return key_id


def test_outputs_name_the_api_callback_table_bus_and_pool(hub_synth: Synthesized) -> None:
    outputs = hub_synth.raw["Outputs"]
    assert {"ApiUrl", "OAuthCallbackUrl", "TableName", "EventBusName", "UserPoolId"} <= set(outputs)
    callback = outputs["OAuthCallbackUrl"]["Value"]["Fn::Join"][1]
    assert callback[-1] == "/api/integrations/oauth/callback"
    assert callback[0] == outputs["ApiUrl"]["Value"]


# ---- guards: cdk-nag, cfn-lint, CloudFormation limits --------------------------------------


@pytest.mark.parametrize("fixture", ["hub_synth", "sample_synth", "tenant_scope_synth", "detach_synth"])
def test_cdk_nag_reports_no_unacknowledged_finding(fixture: str, request: pytest.FixtureRequest) -> None:
    synth: Synthesized = request.getfixturevalue(fixture)
    # the synth itself raised on any finding; the report written into cdk.out says the same
    report = json.loads((synth.outdir / "validation-report.json").read_text())
    violations = [v for plugin in report["pluginReports"] for v in plugin.get("violations", [])]
    assert violations == []


def test_every_acknowledgement_gives_a_reason(hub_synth: Synthesized) -> None:
    import aws_cdk as cdk

    reasons = []
    for construct in hub_synth.stack.node.find_all():
        for entry in construct.node.metadata:
            if entry.type == cdk.Validations.ACKNOWLEDGED_RULES_METADATA_KEY:
                reasons.extend(entry.data.values())
    assert reasons
    assert all(len(reason) >= 40 for reason in reasons), reasons


def cfn_lint_findings(synth: Synthesized) -> list[str]:
    from cfnlint.api import ManualArgs, lint

    findings = []
    for name, template in sorted(synth.templates.files.items()):
        matches = lint(json.dumps(template), config=ManualArgs(regions=["us-east-1"]))
        # W3005: CDK adds DependsOn on a role its GetAtt already implies; harmless, by design
        findings += [f"{name}: {m.rule.id} {m.message}" for m in matches if m.rule.id != "W3005"]
    return findings


@pytest.mark.parametrize("fixture", ["hub_synth", "tenant_scope_synth"])
def test_cfn_lint_finds_no_errors_in_any_template(fixture: str, request: pytest.FixtureRequest) -> None:
    synth: Synthesized = request.getfixturevalue(fixture)
    # the parent and every area's nested stack, each as CloudFormation receives it
    assert len(synth.templates.files) == 1 + len({spec.area for spec in synth.stack.specs})
    assert cfn_lint_findings(synth) == []


def test_function_assets_hold_only_their_own_handler(hub_synth: Synthesized) -> None:
    for route in hub_synth.routes:
        name = route.function_name
        package = hub_synth.build_root / "functions" / name / "functions"
        files = {
            p.relative_to(package).as_posix()
            for p in package.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts
        }
        # each module ships Lambda's bytecode beside it (tests/infra/test_packaging.py checks its kind)
        for module in (package / f for f in files if f.endswith(".py")):
            assert (module.parent / "__pycache__" / f"{module.stem}.cpython-313.pyc").is_file(), module
        own = route.module.removeprefix("functions.").replace(".", "/") + ".py"
        area_init = route.module.removeprefix("functions.").rpartition(".")[0] + "/__init__.py"
        expected = {"__init__.py", "routes.py", "workers.py", own, area_init}
        if route.path == "/openapi.json":
            expected.add("openapi.json")
        assert files == expected, name
    openapi = json.loads(
        (hub_synth.build_root / "functions" / "system-openapi" / "functions" / "openapi.json").read_text()
    )
    assert set(openapi["paths"]) >= {r.openapi_path for r in hub_synth.routes}


def test_routes_api_gateway_cannot_tell_apart_stop_the_synth() -> None:
    from hub.http.routing import Route
    from infra.stack import StackConfigError, check_specs, route_function_specs

    routes = [
        Route("GET", "/api/things/{id}", "functions.system.health", ("user",), None, "", "system"),
        Route("GET", "/api/things/{thingId}", "functions.system.ready", ("user",), None, "", "system"),
    ]
    with pytest.raises(StackConfigError, match="cannot tell apart"):
        check_specs([rf.spec for rf in route_function_specs(routes)], routes)


def test_hub_events_feed_the_queues_that_ask_for_them(hub_synth: Synthesized) -> None:
    from functions.workers import WORKERS

    fed = [w for w in WORKERS if w.trigger == "queue" and w.feed_detail_types]
    assert fed, "the webhook dispatcher is fed by the bus"
    rules = [r for r in hub_synth.resources("AWS::Events::Rule").values() if "EventPattern" in r["Properties"]]
    queues = hub_synth.resources("AWS::SQS::Queue")
    for worker in fed:
        wanted = list(worker.feed_detail_types)
        matching = [r for r in rules if r["Properties"]["EventPattern"].get("detail-type") == wanted]
        assert len(matching) == 1, worker.name
        pattern = matching[0]["Properties"]["EventPattern"]
        assert pattern["source"] == ["integration-hub"]
        assert not {"webhook.delivered", "webhook.failed"} & set(pattern["detail-type"])
        assert _ref(matching[0]["Properties"]["Targets"][0]["Arn"]) in queues


def test_the_refresh_worker_scales_to_a_bounded_concurrency(hub_synth: Synthesized) -> None:
    # Given the refresh queue's consumer, Then its invocations are capped: each one writes the
    # vault, and Secrets Manager's write quota is per account and region (docs/cost.md)
    function_id, _ = hub_synth.function_by_name("refresh-worker")
    (mapping,) = [m for m in hub_synth.resources("AWS::Lambda::EventSourceMapping").values()
                  if _ref(m["Properties"]["FunctionName"]) == function_id]
    assert mapping["Properties"]["ScalingConfig"]["MaximumConcurrency"] <= 5


def test_the_developer_shells_hub_variables_never_reach_the_template(
    hub_synth: Synthesized, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hub.settings import reset_settings
    from tests.infra.conftest import SYNTH_CONTEXT, _synthesize

    # Given a shell that still holds HUB_* values from local work
    stray = {
        "HUB_STAGE": "prod",
        "HUB_TABLE_NAME": "stray-table",
        "HUB_EVENT_SOURCE": "stray",
        "HUB_HEALTH_CHECK_INTERVAL_SECONDS": "60",
        "HUB_JOBS_INTERVAL_SECONDS": "7",
        "HUB_RATE_LIMITS": '{"search": 1}',
        "HUB_PUBLIC_API_URL": "https://stray.example.com",
        "HUB_CLAIM_TENANT": "stray_tenant",
        "HUB_MAX_BODY_BYTES": "2048",
    }
    for name, value in stray.items():
        monkeypatch.setenv(name, value)
    reset_settings()
    # When the app is synthesized with the same context
    again = _synthesize(tmp_path, dict(SYNTH_CONTEXT))
    reset_settings()
    # Then the template is the same: deployment values come from the CDK context only
    assert again.raw == hub_synth.raw
