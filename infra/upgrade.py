"""Moving a stack deployed before the nested stacks (commit f39f656) onto them, and the check
that proves the move keeps the data.

CloudFormation cannot do the move in one update: it creates new resources before it deletes the
old ones, and the area stacks' functions and API routes carry the names and route keys of those
still in the parent. So the move takes two deploys (docs/deploy.md, "Upgrading a stack deployed
before the nested stacks"):

1. `-c upgrade=detach` (infra/stack.py): the stack without functions and routes. Everything else
   keeps its logical id, so CloudFormation deletes only the old functions, their log groups,
   routes, integrations, alarms and queue sources;
2. the normal deploy, which creates the area stacks.

A transition is safe when no stateful resource (`STATEFUL`: the table, the keys, the Cognito
pool, the bus, the queues, the API and its stage, ...) disappears, changes type, changes a
property CloudFormation replaces it for, or changes one it updates in place at the cost of data
(`KEPT`: a GSI, the stream, backups, TTL, retention), and no resource is created under a physical name
(`NAMES`) that another resource still holds. `problems` says what breaks those rules;
`python -m infra.upgrade check <deployed template>` runs it on a real stack's template, and
`python -m infra.upgrade snapshot <commit> <file>` writes the fingerprint of an old version's
template, which tests/infra/test_upgrade.py compares with today's.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from infra.templates import StackTemplates, load

REPO_ROOT = Path(__file__).resolve().parent.parent

# The properties whose change makes CloudFormation replace the resource (its documentation's
# "Update requires: Replacement"), for the resources whose loss loses data or an address
# someone depends on. A resource of these types is stateful.
STATEFUL: Mapping[str, tuple[str, ...]] = {
    "AWS::DynamoDB::Table": ("TableName", "KeySchema", "LocalSecondaryIndexes"),
    "AWS::KMS::Key": ("KeySpec", "KeyUsage", "MultiRegion"),
    "AWS::KMS::Alias": ("AliasName",),
    "AWS::Cognito::UserPool": ("AliasAttributes", "UsernameAttributes", "UsernameConfiguration", "Schema"),
    "AWS::Cognito::UserPoolClient": ("UserPoolId", "GenerateSecret"),
    "AWS::Cognito::UserPoolGroup": ("UserPoolId", "GroupName"),
    "AWS::Events::EventBus": ("Name", "EventSourceName"),
    "AWS::Events::Archive": ("ArchiveName", "SourceArn"),
    "AWS::SQS::Queue": ("QueueName", "FifoQueue"),
    "AWS::SNS::Topic": ("TopicName", "FifoTopic"),
    "AWS::SNS::Subscription": ("TopicArn", "Protocol", "Endpoint"),
    "AWS::SecretsManager::Secret": ("Name",),
    "AWS::ApiGatewayV2::Api": ("ProtocolType",),  # its id is the API's URL
    "AWS::ApiGatewayV2::Stage": ("ApiId", "StageName"),
}
# Properties CloudFormation changes in place that still lose data when they change: a GSI removed
# (its index and the queries on it), the stream (its unread records), point-in-time recovery
# turned off (its continuous backups are deleted), the TTL attribute (other items start expiring),
# the archive's and the queues' retention (older events and messages go). An upgrade must carry
# them over unchanged; a wanted change is its own deploy.
KEPT: Mapping[str, tuple[str, ...]] = {
    "AWS::DynamoDB::Table": ("GlobalSecondaryIndexes", "StreamSpecification", "PointInTimeRecoverySpecification",
                             "TimeToLiveSpecification"),
    "AWS::Events::Archive": ("RetentionDays",),
    "AWS::SQS::Queue": ("MessageRetentionPeriod",),
    "AWS::KMS::Key": ("Enabled",),
}
# What a resource's physical name is made of: two resources of a type with the same values
# cannot exist at once (an API route's key is unique within its API).
NAMES: Mapping[str, tuple[str, ...]] = {
    "AWS::Lambda::Function": ("FunctionName",),
    "AWS::Logs::LogGroup": ("LogGroupName",),
    "AWS::ApiGatewayV2::Route": ("ApiId", "RouteKey"),
    "AWS::ApiGatewayV2::Stage": ("ApiId", "StageName"),
    "AWS::IAM::Role": ("RoleName",),
    "AWS::KMS::Alias": ("AliasName",),
    "AWS::Cognito::UserPoolGroup": ("UserPoolId", "GroupName"),
    "AWS::DynamoDB::Table": ("TableName",),
    "AWS::Events::EventBus": ("Name",),
    "AWS::Events::Archive": ("ArchiveName",),
    "AWS::Events::Rule": ("Name",),
    "AWS::SQS::Queue": ("QueueName",),
    "AWS::SNS::Topic": ("TopicName",),
    "AWS::SecretsManager::Secret": ("Name",),
    "AWS::CloudWatch::Alarm": ("AlarmName",),
}


@dataclass(frozen=True)
class Resource:
    """What a transition check needs of one resource; `name`, `replacement` and `kept` are
    canonical JSON of the properties in NAMES, STATEFUL and KEPT (None when the type has none or
    they are unset)."""

    type: str
    name: str | None = None
    replacement: str | None = None
    kept: str | None = None

    @property
    def stateful(self) -> bool:
        return self.type in STATEFUL


Fingerprint = dict[str, Resource]  # by address: "<logical id>" in the parent, "<nested>/<logical id>"


def fingerprint(templates: StackTemplates) -> Fingerprint:
    """Every resource of a stack, by where CloudFormation manages it."""
    result: Fingerprint = {}
    for stack, resources in templates.by_stack().items():
        for logical, resource in resources.items():
            kind = resource["Type"]
            properties = resource.get("Properties", {})
            name = _canonical(properties, NAMES.get(kind, ()), every=True)
            replacement = _canonical(properties, STATEFUL.get(kind, ()), every=False)
            kept = _canonical(properties, KEPT.get(kind, ()), every=False)
            result[f"{stack}/{logical}" if stack else logical] = Resource(kind, name, replacement, kept)
    return result


def _canonical(properties: Mapping[str, Any], keys: Sequence[str], *, every: bool) -> str | None:
    if not keys or (every and not all(key in properties for key in keys)):
        return None
    return json.dumps([properties.get(key) for key in keys], sort_keys=True, separators=(",", ":"))


@dataclass(frozen=True)
class Problem:
    kind: str  # "deleted", "retyped", "replaced", "changed" (a stateful resource), or "collides" (a name)
    address: str
    type: str
    detail: str

    def __str__(self) -> str:
        return f"{self.address} ({self.type}) {self.detail}"


def problems(before: Fingerprint, after: Fingerprint) -> list[Problem]:
    """What would go wrong updating a stack from `before` to `after` in one deploy."""
    found = []
    for address, old in sorted(before.items()):
        if not old.stateful:
            continue
        new = after.get(address)
        if new is None:
            found.append(Problem("deleted", address, old.type, "would be deleted"))
        elif new.type != old.type:
            found.append(Problem("retyped", address, old.type, f"would be deleted for a new {new.type}"))
        elif new.replacement != old.replacement:
            found.append(Problem("replaced", address, old.type,
                                 f"would be replaced: {old.replacement} -> {new.replacement}"))
        elif new.kept != old.kept:
            found.append(Problem("changed", address, old.type,
                                 f"would change {', '.join(KEPT[old.type])} in place, losing data: "
                                 f"{old.kept} -> {new.kept}"))
    holders: dict[tuple[str, str | None], str] = {
        (old.type, old.name): address for address, old in before.items() if old.name is not None}
    for address, new in sorted(after.items()):
        holder = holders.get((new.type, new.name))
        if holder is not None and holder != address:
            found.append(Problem("collides", address, new.type,
                                 f"would be created under {new.name}, which {holder} still holds"))
    return found


def removed(before: Fingerprint, after: Fingerprint) -> dict[str, int]:
    """How many resources of each type a transition deletes (none of them stateful when
    `problems` finds nothing)."""
    counts: dict[str, int] = {}
    for address, old in before.items():
        if address not in after:
            counts[old.type] = counts.get(old.type, 0) + 1
    return dict(sorted(counts.items()))


def is_split(template: Mapping[str, Any]) -> bool:
    return any(r["Type"] == "AWS::CloudFormation::Stack" for r in template.get("Resources", {}).values())


# ---- the two commands ----------------------------------------------------------------------


def synthesize(context: Mapping[str, str], outdir: Path, build_root: Path) -> StackTemplates:
    from infra.app import build_app

    app, stack = build_app({**context, "skipDepsLayer": "true"}, outdir=outdir, build_root=build_root)
    app.synth()
    return load(outdir, stack.template_file)


def plan(before: Fingerprint, detach: Fingerprint, normal: Fingerprint) -> tuple[list[str], list[str]]:
    """What each of the two deploys deletes, and the problems of each (none, when it is safe)."""
    summary, found = [], []
    for phase, (old, new) in {"phase 1 (-c upgrade=detach)": (before, detach),
                              "phase 2 (the normal deploy)": (detach, normal)}.items():
        trouble = problems(old, new)
        summary.append(f"{phase}: deletes {removed(old, new) or 'nothing'}; "
                       + (f"{len(trouble)} problem(s)" if trouble else "no problems"))
        found += [f"{phase}: {problem}" for problem in trouble]
    return summary, found


Synthesizer = Callable[[Mapping[str, str], Path, Path], StackTemplates]


def check(deployed: Mapping[str, Any], context: Mapping[str, str],
          synthesizer: Synthesizer = synthesize) -> tuple[list[str], list[str]]:
    """`plan` for the stack whose deployed template is given, with this code and `context`."""
    if is_split(deployed):
        return ["the deployed stack already has its nested stacks: deploy as usual"], []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        detach = fingerprint(synthesizer({**context, "upgrade": "detach"}, root / "detach", root / "build"))
        normal = fingerprint(synthesizer(dict(context), root / "normal", root / "build"))
    return plan(fingerprint(StackTemplates(parent=dict(deployed))), detach, normal)


def snapshot(commit: str, context: Mapping[str, str], out: Path) -> None:
    """Synthesize the stack as `commit` had it (its own code, this virtualenv) and write the
    fingerprint of its template."""
    sha = subprocess.run(["git", "rev-parse", commit], cwd=REPO_ROOT, check=True, capture_output=True,
                         text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        source, outdir = Path(tmp) / "src", Path(tmp) / "cdk.out"
        source.mkdir()
        archive = subprocess.run(["git", "archive", sha], cwd=REPO_ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", str(source)], input=archive, check=True)
        # the old app's own build_app, run from its tree (its infra/ and layers/, not ours)
        program = (
            "import sys; from pathlib import Path; from infra.app import build_app; "
            f"app, stack = build_app({dict(context)!r}, outdir={str(outdir)!r}, "
            f"build_root=Path({str(Path(tmp) / 'build')!r})); app.synth(); print(stack.template_file)"
        )
        env = {**os.environ, "PYTHONPATH": f"{source}/layers/core:{source}",
               "JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION": "20"}
        done = subprocess.run([sys.executable, "-c", program], cwd=source, env=env, check=True,
                              capture_output=True, text=True)
        template_file = done.stdout.strip().splitlines()[-1]
        resources = fingerprint(load(outdir, template_file))
    document = {
        "commit": sha,
        "context": dict(context),
        "generator": f"python -m infra.upgrade snapshot {commit} {out} " + " ".join(
            f"-c {key}={value}" for key, value in context.items()),
        "resources": {address: asdict(resource) for address, resource in sorted(resources.items())},
    }
    out.write_text(json.dumps(document, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {len(resources)} resources of {sha[:7]} to {out}")


def read_snapshot(path: Path) -> tuple[dict[str, Any], Fingerprint]:
    document = json.loads(path.read_text(encoding="utf-8"))
    return document, {address: Resource(**fields) for address, fields in document["resources"].items()}


def _context(pairs: Sequence[str]) -> dict[str, str]:
    context = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise SystemExit(f"-c takes key=value, got {pair!r}")
        context[key] = value
    return context


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m infra.upgrade", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    check_command = commands.add_parser("check", help="what the two deploys would do to a deployed stack")
    check_command.add_argument("deployed", type=Path,
                               help="aws cloudformation get-template --stack-name <stack> --query TemplateBody")
    snap = commands.add_parser("snapshot", help="write the fingerprint of an old version's template")
    snap.add_argument("commit")
    snap.add_argument("out", type=Path)
    for command in (check_command, snap):
        command.add_argument("-c", "--context", action="append", default=[], metavar="KEY=VALUE",
                             help="CDK context, as given to the deploy")
    args, _ = parser.parse_known_args(argv)  # the rest of CDK_ARGS (--profile, ...) is the CLI's
    context = _context(args.context)
    if args.command == "snapshot":
        snapshot(args.commit, context, args.out)
        return 0
    body = json.loads(args.deployed.read_text(encoding="utf-8"))
    summary, found = check(body.get("TemplateBody", body), context)
    print("\n".join(summary + found))
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
