"""The functions of each area are a nested stack of their own (infra/constructs/functions.py), so
CloudFormation's per-template limits apply to each area: read as Given / When / Then on the
synthesized templates, on the merge the IAM audit and the template tests read
(infra/templates.py), and on cdk-nag reaching every nested template."""

from __future__ import annotations

import json
from typing import Any

import pytest

from infra.templates import StackTemplates, TemplateError
from tests.infra.conftest import Synthesized
from tests.infra.test_stack import _ref

pytestmark = pytest.mark.infra


def test_each_area_is_one_nested_stack_with_its_functions_logs_routes_and_alarms(hub_synth: Synthesized) -> None:
    # Given the function specs (their areas), When synthesized, Then each nested stack holds the
    # functions of exactly one area, and everything that refers to a function is beside it
    area_of = {spec.handler: spec.area for spec in hub_synth.stack.specs}
    seen: set[str] = set()
    for logical_id, template in hub_synth.templates.nested.items():
        resources = template["Resources"]
        functions = {k: v for k, v in resources.items() if v["Type"] == "AWS::Lambda::Function"}
        areas = {area_of[f["Properties"]["Handler"]] for f in functions.values()}
        assert len(areas) == 1 and not areas & seen, (logical_id, areas)
        seen |= areas
        for function in functions.values():
            assert _ref(function["Properties"]["LoggingConfig"]["LogGroup"]) in resources
        for route in (r for r in resources.values() if r["Type"] == "AWS::ApiGatewayV2::Route"):
            integration = resources[_ref(route["Properties"]["Target"]["Fn::Join"][1][1]) or ""]
            assert _ref(integration["Properties"]["IntegrationUri"]) in functions
        for alarm in (r for r in resources.values() if r["Type"] == "AWS::CloudWatch::Alarm"):
            dimensions = [d for m in alarm["Properties"]["Metrics"] if "MetricStat" in m
                          for d in m["MetricStat"]["Metric"]["Dimensions"]]
            assert {_ref(d["Value"]) for d in dimensions} <= set(functions)
    assert seen == set(area_of.values())
    # the parent keeps no function of its own
    assert not [r for r in hub_synth.templates.parent["Resources"].values() if r["Type"] == "AWS::Lambda::Function"]


MORE_FUNCTIONS = 40


def test_every_template_keeps_room_for_forty_more_functions(hub_synth: Synthesized) -> None:
    from infra.templates import BYTES_LIMIT, PARENT_PER_FUNCTION, REFERENCE_LIMIT, RESOURCE_LIMIT, growth

    # Given the synthesized templates: the parent, and one nested stack per area holding its
    # functions, log groups, API routes and integrations, alarms and queue sources
    templates = hub_synth.templates
    functions = len(hub_synth.resources("AWS::Lambda::Function"))
    areas = [template["Resources"] for template in templates.nested.values()]
    parent = templates.parent["Resources"]
    assert sum(len(area) for area in areas) + len(parent) - len(areas) == len(hub_synth.raw["Resources"])
    # When the cost of one function is measured in each kind of template
    cost = growth(templates)
    assert cost.functions == functions
    assert cost.area_cost >= 4  # function, log group, integration, route (+ a fifth of an alarm…)
    # Then forty more functions at that cost fit, even if they all join the fullest area
    assert cost.fullest_area + MORE_FUNCTIONS * cost.area_cost <= RESOURCE_LIMIT, cost
    assert len(parent) + MORE_FUNCTIONS * cost.parent_cost <= RESOURCE_LIMIT, cost
    assert cost.room(len(parent)) >= MORE_FUNCTIONS
    # and the fixed part of the parent (table, keys, bus, queues, API, authorizer, Cognito,
    # topic, alarms on queues and the API…) stays small
    assert cost.parent_fixed < 95, f"the fixed part of the parent stack grew to {cost.parent_fixed} resources"
    # and cross-stack references (nested stack parameters, outputs) stay within their limits even
    # if each new function brings a new one
    for name, template in templates.files.items():
        assert len(template.get("Parameters", {})) + MORE_FUNCTIONS <= REFERENCE_LIMIT, name
        assert len(template.get("Outputs", {})) + MORE_FUNCTIONS <= REFERENCE_LIMIT, name
    # and so does each template's size (1 MB from S3, where CDK puts them), at the measured bytes
    # per function: what the area stacks hold, and the growing part of the parent
    size = {name: (hub_synth.outdir / name).stat().st_size for name in templates.files}
    area_bytes = sum(size.values()) - size[hub_synth.stack.template_file]
    parent_bytes = len(json.dumps([r for r in parent.values() if r["Type"] in PARENT_PER_FUNCTION], indent=1))
    for name, template in templates.files.items():
        per_function = parent_bytes if template is templates.parent else area_bytes
        assert size[name] + MORE_FUNCTIONS * per_function / functions <= BYTES_LIMIT, name


def _nested_pair() -> StackTemplates:
    parent = {"Resources": {
        "Table": {"Type": "AWS::DynamoDB::Table", "Properties": {}},
        "Area": {"Type": "AWS::CloudFormation::Stack",
                 "Properties": {"Parameters": {"refTable": {"Fn::GetAtt": ["Table", "Arn"]}}}},
        "Rule": {"Type": "AWS::Events::Rule",
                 "Properties": {"Targets": [{"Arn": {"Fn::GetAtt": ["Area", "Outputs.FnArn"]}}]}},
    }}
    nested = {
        "Parameters": {"refTable": {"Type": "String"}},
        "Resources": {"Fn": {"Type": "AWS::Lambda::Function", "Properties": {
            "Environment": {"Variables": {"TABLE": {"Ref": "refTable"}, "REGION": {"Ref": "AWS::Region"}}}}}},
        "Outputs": {"FnArn": {"Value": {"Fn::GetAtt": ["Fn", "Arn"]}}},
    }
    return StackTemplates(parent=parent, nested={"Area": nested}, files={})


def test_the_merge_follows_references_both_ways_across_a_nested_stack() -> None:
    # Given a parent passing a parameter to its nested stack and targeting the nested stack's output
    templates = _nested_pair()
    # When merged
    merged = templates.merged()["Resources"]
    # Then the nested stack resource is gone, the parameter is the parent's value and the output
    # is the nested resource itself; pseudo parameters stay as they are
    assert set(merged) == {"Table", "Rule", "Fn"}
    assert merged["Fn"]["Properties"]["Environment"]["Variables"] == {
        "TABLE": {"Fn::GetAtt": ["Table", "Arn"]}, "REGION": {"Ref": "AWS::Region"}}
    assert merged["Rule"]["Properties"]["Targets"][0]["Arn"] == {"Fn::GetAtt": ["Fn", "Arn"]}


def test_the_merge_refuses_a_logical_id_two_templates_use() -> None:
    # Given a nested stack whose resource has the logical id of a parent resource
    templates = _nested_pair()
    templates.nested["Area"]["Resources"]["Table"] = {"Type": "AWS::SQS::Queue", "Properties": {}}
    # When merged, Then it says which id clashes rather than keep one of them
    with pytest.raises(TemplateError, match="Table"):
        templates.merged()


def test_cdk_nag_checks_the_resources_of_nested_stacks(tmp_path: Any) -> None:
    import aws_cdk as cdk
    from aws_cdk import aws_sqs as sqs
    from cdk_nag import AwsSolutionsChecks

    # Given an app whose only finding is in a nested stack (a queue without TLS or a DLQ)
    app = cdk.App(outdir=str(tmp_path))
    stack = cdk.Stack(app, "Parent")
    sqs.Queue(cdk.NestedStack(stack, "Area"), "Unguarded")
    cdk.Validations.of(app).add_plugins(AwsSolutionsChecks(app))
    # When synthesized, Then the synth fails on it, as it would in the hub's area stacks
    with pytest.raises(Exception, match="ValidationFailed"):
        app.synth()
    report = json.loads((tmp_path / "validation-report.json").read_text())
    paths = {c["constructPath"] for plugin in report["pluginReports"] for v in plugin["violations"]
             for c in v["violatingConstructs"]}
    assert paths == {"Parent/Area/Unguarded/Resource"}
