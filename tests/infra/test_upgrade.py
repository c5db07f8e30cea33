"""Upgrading a stack deployed before the nested stacks (infra/upgrade.py, docs/deploy.md): phase 1
(`-c upgrade=detach`) removes the old functions and routes and nothing else, phase 2 (the normal
deploy) adds the area stacks. Read as Given / When / Then on the synthesized templates and on
the fingerprint of the template the pre-split code synthesized (tests/infra/fixtures/
pre-split.json, written by `python -m infra.upgrade snapshot`, see its "generator")."""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from infra.config import ConfigError, HubConfig
from infra.templates import StackTemplates
from infra.upgrade import Fingerprint, Resource, check, fingerprint, main, plan, problems, read_snapshot, removed
from tests.infra.conftest import SYNTH_CONTEXT, Synthesized
from tests.infra.test_stack import cfn_lint_findings

pytestmark = pytest.mark.infra

PRE_SPLIT = Path(__file__).parent / "fixtures" / "pre-split.json"
PRE_SPLIT_COMMIT = "f5acc4744dab49d8449b7aa5f5baa9ac64d7e584"  # f39f656^, the last single-template stack
PER_FUNCTION = {"AWS::Lambda::Function", "AWS::ApiGatewayV2::Route"}


@pytest.fixture(scope="module")
def pre_split() -> Fingerprint:
    document, resources = read_snapshot(PRE_SPLIT)
    # the fixture was synthesized from the pre-split commit with the context the session's synths use
    assert document["commit"] == PRE_SPLIT_COMMIT
    assert document["context"] == SYNTH_CONTEXT
    return resources


def test_the_pre_split_fingerprint_holds_the_data_a_platform_keeps(pre_split: Fingerprint) -> None:
    # Given the fingerprint of the stack as deployed before the nested stacks, Then it holds the
    # table, both keys and their aliases, the Cognito pool, the bus and its archive, the queues,
    # the alarm topic and its subscription, the API and its stage (else the checks below say little)
    stateful = sorted({r.type for r in pre_split.values() if r.stateful})
    assert stateful == sorted({
        "AWS::DynamoDB::Table", "AWS::KMS::Key", "AWS::KMS::Alias", "AWS::Cognito::UserPool",
        "AWS::Cognito::UserPoolClient", "AWS::Cognito::UserPoolGroup", "AWS::Events::EventBus",
        "AWS::Events::Archive", "AWS::SQS::Queue", "AWS::SNS::Topic", "AWS::SNS::Subscription",
        "AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Stage",
    })
    assert sum(r.type == "AWS::Lambda::Function" for r in pre_split.values()) > 80


def test_a_single_deploy_would_collide_on_every_function_name_and_route_key(
    pre_split: Fingerprint, hub_synth: Synthesized
) -> None:
    # Given the pre-split stack, When today's stack replaced it in one deploy
    found = problems(pre_split, fingerprint(hub_synth.templates))
    # Then every function and route of both versions collides (CloudFormation creates the area
    # stacks' copies while the parent's still exist: the update fails and rolls back) ...
    today = fingerprint(hub_synth.templates)
    both = {(r.type, r.name) for r in pre_split.values() if r.type in PER_FUNCTION} & {
        (r.type, r.name) for r in today.values() if r.type in PER_FUNCTION}
    assert {p.kind for p in found} == {"collides"}
    assert {(p.type, today[p.address].name) for p in found} == both
    assert len(both) > 150
    # ... and nothing else: no stateful resource is lost or replaced
    assert not [p for p in found if p.type not in PER_FUNCTION]


def test_phase_one_deletes_only_functions_and_routes_and_keeps_every_stateful_resource(
    pre_split: Fingerprint, detach_synth: Synthesized
) -> None:
    # Given the pre-split stack, When phase 1 (upgrade=detach) is deployed over it
    detach = fingerprint(detach_synth.templates)
    # Then no stateful resource disappears, changes type or a property that replaces it, and
    # nothing is created under a name an old resource holds
    assert problems(pre_split, detach) == []
    # and what goes is what belonged to the old functions: themselves, their log groups, API
    # routes and integrations, alarms, queue sources and invoke permissions, and the JWT
    # authorizer, which CDK adds to the API with the first route that uses it
    assert set(removed(pre_split, detach)) == PER_FUNCTION | {
        "AWS::Logs::LogGroup", "AWS::ApiGatewayV2::Integration", "AWS::CloudWatch::Alarm",
        "AWS::Lambda::EventSourceMapping", "AWS::Lambda::Permission", "AWS::ApiGatewayV2::Authorizer"}
    (access_logs,) = [address for address in pre_split if address.startswith("ApiAccessLogs")]
    assert detach[access_logs] == pre_split[access_logs]  # the API's access log group stays
    for address, old in pre_split.items():
        if old.stateful:
            assert detach[address] == old, address


def test_phase_two_only_adds_the_area_stacks_to_phase_one(
    detach_synth: Synthesized, hub_synth: Synthesized
) -> None:
    # Given phase 1 deployed, When the normal deploy follows
    detach, normal = fingerprint(detach_synth.templates), fingerprint(hub_synth.templates)
    # Then it deletes nothing with a name or state, and collides with nothing
    assert problems(detach, normal) == []
    assert removed(detach, normal) == {}
    # and the parent only gains the nested stacks, the workers' invoke permissions and the JWT
    # authorizer (CDK adds it to the API with the first route that uses it; nothing outside the
    # stack refers to it): every other resource of phase 1 is there with the same logical id and type
    before, after = detach_synth.templates.parent["Resources"], hub_synth.templates.parent["Resources"]
    assert {k: v["Type"] for k, v in before.items()} == {k: after[k]["Type"] for k in before}
    assert {after[k]["Type"] for k in set(after) - set(before)} == {
        "AWS::CloudFormation::Stack", "AWS::Lambda::Permission", "AWS::ApiGatewayV2::Authorizer"}


def test_phase_one_has_no_function_route_or_area_stack_and_keeps_roles_rules_and_key_policy(
    detach_synth: Synthesized, hub_synth: Synthesized
) -> None:
    # Given phase 1's template
    parent = detach_synth.templates.parent
    types = {r["Type"] for r in parent["Resources"].values()}
    # Then it has no function, no API route or integration, no nested stack, and says what it is
    assert not types & {"AWS::Lambda::Function", "AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::Integration",
                        "AWS::CloudFormation::Stack", "AWS::Lambda::EventSourceMapping"}
    assert "UPGRADE PHASE 1" in parent["Description"]
    assert detach_synth.templates.nested == {}
    # and the stage names no route in its per-route settings (the old routes go at cleanup)
    (stage,) = [r for r in parent["Resources"].values() if r["Type"] == "AWS::ApiGatewayV2::Stage"]
    assert not stage["Properties"].get("RouteSettings")
    # and the roles and the vault key's policy naming them are those of the normal deploy, so
    # phase 2 changes neither
    normal = hub_synth.templates.parent["Resources"]
    for logical, resource in parent["Resources"].items():
        if resource["Type"] in {"AWS::IAM::Role", "AWS::KMS::Key"}:
            assert resource == normal[logical], logical
    # and the workers' rules stay (without a function to target); a rule feeding a queue keeps it
    rules = {k: r for k, r in parent["Resources"].items() if r["Type"] == "AWS::Events::Rule"}
    assert set(rules) == {k for k, r in normal.items() if r["Type"] == "AWS::Events::Rule"}
    for logical, rule in rules.items():
        targets = rule["Properties"].get("Targets", [])
        assert all("Arn" in t and "Queue" in json.dumps(t["Arn"]) for t in targets), logical
        if logical.startswith("EventsFeed"):
            assert targets, logical


def test_phase_one_is_cfn_lint_clean(detach_synth: Synthesized) -> None:
    # cdk-nag ran at its synth (tests/infra/test_stack.py reads its report for every synth)
    assert list(detach_synth.templates.files) == [detach_synth.stack.template_file]
    assert cfn_lint_findings(detach_synth) == []


def test_the_plan_for_the_pre_split_stack_has_no_problem_in_either_phase(
    pre_split: Fingerprint, detach_synth: Synthesized, hub_synth: Synthesized
) -> None:
    # Given the three fingerprints, When `python -m infra.upgrade check` would report on them
    summary, found = plan(pre_split, fingerprint(detach_synth.templates), fingerprint(hub_synth.templates))
    # Then it finds nothing, and says what each phase deletes
    assert found == []
    assert summary[0].startswith("phase 1") and "AWS::Lambda::Function" in summary[0]
    assert summary[1].startswith("phase 2") and "deletes nothing" in summary[1]


# ---- the check itself, on small templates ----------------------------------------------------


def _stack(resources: dict[str, Any]) -> Fingerprint:
    return fingerprint(StackTemplates(parent={"Resources": resources}))


TABLE: dict[str, Any] = {"Type": "AWS::DynamoDB::Table",
                         "Properties": {"KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}}
FUNCTION: dict[str, Any] = {"Type": "AWS::Lambda::Function", "Properties": {"FunctionName": "hub-prod-health"}}


def test_a_stateful_resource_that_goes_changes_type_or_is_replaced_is_a_problem() -> None:
    # Given a table
    before = _stack({"Table": TABLE})
    # When it is left out, becomes another type, or its key schema changes, Then each is named
    assert [p.kind for p in problems(before, _stack({}))] == ["deleted"]
    assert [p.kind for p in problems(before, _stack({"Table": {"Type": "AWS::DynamoDB::GlobalTable"}}))] == [
        "retyped"]
    rekeyed = {"Type": TABLE["Type"], "Properties": {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}]}}
    assert [p.kind for p in problems(before, _stack({"Table": rekeyed}))] == ["replaced"]
    # and a change CloudFormation makes in place is none
    billing = {"Type": TABLE["Type"], "Properties": {**TABLE["Properties"], "BillingMode": "PAY_PER_REQUEST"}}
    assert problems(before, _stack({"Table": billing})) == []


def test_a_change_in_place_that_loses_data_is_a_problem() -> None:
    # Given a table with two GSIs, point-in-time recovery and a TTL, an archive and a queue
    gsi = [{"IndexName": name, "KeySchema": [{"AttributeName": f"{name}pk", "KeyType": "HASH"}],
            "Projection": {"ProjectionType": "ALL"}} for name in ("gsi1", "gsi2")]
    table = {"Type": TABLE["Type"], "Properties": {
        **TABLE["Properties"], "GlobalSecondaryIndexes": gsi,
        "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True},
        "TimeToLiveSpecification": {"AttributeName": "ttl", "Enabled": True}}}
    archive = {"Type": "AWS::Events::Archive", "Properties": {"SourceArn": "bus", "RetentionDays": 30}}
    queue = {"Type": "AWS::SQS::Queue", "Properties": {"MessageRetentionPeriod": 1209600}}
    before = _stack({"Table": table, "Archive": archive, "Queue": queue})
    assert problems(before, _stack({"Table": table, "Archive": archive, "Queue": queue})) == []

    def changed(logical: str, resource: dict[str, Any], **properties: Any) -> list[str]:
        after = {"Table": table, "Archive": archive, "Queue": queue,
                 logical: {**resource, "Properties": {**resource["Properties"], **properties}}}
        return [f"{p.kind} {p.address}" for p in problems(before, _stack(after))]

    # When a GSI goes, backups are turned off, another attribute expires items, the archive or a
    # queue keeps less, Then each stops the upgrade (CloudFormation does them in place)
    assert changed("Table", table, GlobalSecondaryIndexes=gsi[:1]) == ["changed Table"]
    assert changed("Table", table, PointInTimeRecoverySpecification={"PointInTimeRecoveryEnabled": False}) == [
        "changed Table"]
    assert changed("Table", table, TimeToLiveSpecification={"AttributeName": "expires", "Enabled": True}) == [
        "changed Table"]
    assert changed("Table", table, StreamSpecification={"StreamViewType": "KEYS_ONLY"}) == ["changed Table"]
    assert changed("Archive", archive, RetentionDays=1) == ["changed Archive"]
    assert changed("Queue", queue, MessageRetentionPeriod=60) == ["changed Queue"]
    # and a change in place that keeps the data is none
    assert changed("Table", table, BillingMode="PAY_PER_REQUEST") == []


def test_a_name_another_resource_still_holds_is_a_problem_and_the_same_resource_is_none() -> None:
    # Given a function named hub-prod-health
    before = _stack({"Health": FUNCTION})
    # When another logical id takes its name, Then it collides; a deleted function is no problem
    (clash,) = problems(before, _stack({"HealthMoved": FUNCTION}))
    assert clash.kind == "collides" and "Health still holds" in str(clash)
    assert problems(before, _stack({})) == []
    assert problems(before, _stack({"Health": FUNCTION})) == []
    assert removed(before, _stack({})) == {"AWS::Lambda::Function": 1}
    # and the same logical id in a nested stack is another resource
    nested = {"Health": Resource("AWS::Lambda::Function", '["hub-prod-health"]')}
    assert problems(before, {f"Area/{k}": v for k, v in nested.items()})[0].kind == "collides"


def test_check_says_a_stack_that_already_has_its_nested_stacks_needs_no_upgrade(
    tmp_path: Path, hub_synth: Synthesized, capsys: pytest.CaptureFixture[str]
) -> None:
    # Given the template of a stack deployed with the nested stacks, as get-template prints it
    deployed = tmp_path / "deployed.json"
    deployed.write_text(json.dumps({"TemplateBody": hub_synth.templates.parent}))
    # When checked, Then there is nothing to do
    assert main(["check", str(deployed), "-c", "stage=test", "--profile", "ops"]) == 0
    assert "already has its nested stacks" in capsys.readouterr().out


def test_check_plans_both_phases_for_a_stack_with_its_functions_in_the_parent(
    hub_synth: Synthesized, detach_synth: Synthesized
) -> None:
    # Given a deployed template with every function in the parent (today's stack in one template)
    deployed = hub_synth.templates.merged()

    def synthesizer(context: Mapping[str, str], _outdir: Path, _build: Path) -> StackTemplates:
        return detach_synth.templates if context.get("upgrade") == "detach" else hub_synth.templates

    # When checked, Then phase 1 deletes the functions, phase 2 nothing, and neither has a problem
    summary, found = check(deployed, {"stage": "test"}, synthesizer)
    assert found == []
    assert "'AWS::Lambda::Function'" in summary[0] and "deletes nothing" in summary[1]
    # and a stateful resource the code no longer has under that logical id stops the upgrade
    table = next(k for k, r in deployed["Resources"].items() if r["Type"] == "AWS::DynamoDB::Table")
    moved = {**deployed, "Resources": {("OldTable" if k == table else k): r for k, r in deployed["Resources"].items()}}
    _, found = check(moved, {"stage": "test"}, synthesizer)
    assert found == ["phase 1 (-c upgrade=detach): OldTable (AWS::DynamoDB::Table) would be deleted"]


def test_an_unknown_upgrade_phase_stops_the_synth() -> None:
    class Context:
        def try_get_context(self, key: str) -> object:
            return {"upgrade": "both"}.get(key)

    with pytest.raises(ConfigError, match="upgrade"):
        HubConfig.from_context(Context())
