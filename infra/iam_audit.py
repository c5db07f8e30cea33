"""The IAM audit: every AWS call the suite recorded (local/iam_recorder.py), checked against the
role the synthesized template gives the function that made it.

moto never enforces IAM; this is how the suite sees what AWS would refuse. The evaluation is
IAM's, offline: Allow/Deny statements, actions and ARN patterns with wildcards, and the
condition keys that can be known without AWS (KMS encryption context and ViaService, DynamoDB
leading keys, request tags, secretsmanager:KmsKeyArn, events source/detail-type, the resource
account of sts:AssumeRole). A condition on a key that cannot be known offline counts as met and
is listed. Calls Secrets Manager makes to KMS on the caller's behalf are added (the caller needs
kms:Decrypt / kms:GenerateDataKey via secretsmanager). The template's resources get concrete
ARNs named after their logical ids (roles: their names); recorded names of the hub's own
resources are the settings that hold them (`$HUB_TABLE_NAME`), resolved in the function's
synthesized environment.

Assumed roles of the stack (the tenant-scoped vault, infra/constructs/vault_roles.py): the
AssumeRole call is checked against the function's role and the assumed role's trust policy
(principal = the function's role, with the session tags), and every call made with the session's
credentials against the assumed role's policy with `aws:PrincipalTag/*` = the session tags. The
evaluation itself is infra/iam_policy.py.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from infra.iam_policy import Request, as_list, evaluate, matches

__all__ = ["AuditResult", "Denial", "Request", "Template", "audit", "evaluate", "load_calls", "requests_for"]

REGION = "us-east-1"
ACCOUNT = "123456789012"  # moto's account: the hub's own account in the tests
# actions the Lambda runtime and X-Ray make for the function, never the code
# (and Lambda's SQS poller for a queue source)
RUNTIME_ACTIONS = frozenset({"logs:CreateLogStream", "logs:PutLogEvents", "logs:CreateLogGroup",
                             "xray:PutTraceSegments", "xray:PutTelemetryRecords", "sqs:ReceiveMessage",
                             "sqs:DeleteMessage", "sqs:ChangeMessageVisibility", "sqs:GetQueueAttributes",
                             "sqs:GetQueueUrl"})
# statements for what Lambda itself does with the role (infra/constructs/functions.py)
RUNTIME_SIDS = frozenset({"WriteLogs", "Tracing", "AsyncFailures", "ConsumeQueue"})
# actions that need no permission at all
UNAUTHORIZED_ACTIONS = frozenset({"sts:GetCallerIdentity"})
# API operations that IAM authorizes as another action
AUTHORIZED_AS = {"sqs:SendMessageBatch": "sqs:SendMessage", "sqs:DeleteMessageBatch": "sqs:DeleteMessage",
                 "sqs:ChangeMessageVisibilityBatch": "sqs:ChangeMessageVisibility"}


@dataclass
class Denial:
    function: str
    module: str
    request: Request
    reason: str

    def __str__(self) -> str:
        context = {k: v for k, v in self.request.context.items() if v is not None}
        return (f"{self.function} ({self.module}): {self.request.action} on {self.request.resource} "
                f"with {json.dumps(context, sort_keys=True)} — {self.reason}; call: {self.request.origin}")


@dataclass
class AuditResult:
    calls: int = 0
    denials: list[Denial] = field(default_factory=list)
    unused: dict[str, list[str]] = field(default_factory=dict)  # function -> allowed actions never used
    unknown_modules: set[str] = field(default_factory=set)
    not_evaluated: set[str] = field(default_factory=set)
    silent_functions: list[str] = field(default_factory=list)
    recorded_modules: set[str] = field(default_factory=set)
    sessions: set[str] = field(default_factory=set)  # names of the stack's roles whose sessions made calls

    def report(self) -> str:
        lines = [f"IAM audit: {self.calls} recorded calls, {len(self.denials)} denial(s)"]
        if self.sessions:
            lines.append("Sessions of the stack's roles checked: " + ", ".join(sorted(self.sessions)))
        lines += [f"  DENIED {d}" for d in self.denials]
        if self.unused:
            lines.append("Allowed but never used by any test (a grant to drop, or a path to test):")
            lines += [f"  {name}: {', '.join(actions)}" for name, actions in sorted(self.unused.items())]
        if self.silent_functions:
            lines.append("Functions with no recorded AWS call: " + ", ".join(sorted(self.silent_functions)))
        if self.not_evaluated:
            lines.append("Condition keys not evaluated offline (treated as met): "
                         + ", ".join(sorted(self.not_evaluated)))
        if self.unknown_modules:
            lines.append("Calls from modules that are no function of the stack (test probes): "
                         + ", ".join(sorted(self.unknown_modules)))
        return "\n".join(lines)


# ---- the template ---------------------------------------------------------------------------

_ARN_OF: dict[str, str] = {
    "AWS::DynamoDB::Table": "arn:aws:dynamodb:{r}:{a}:table/{id}",
    "AWS::KMS::Key": "arn:aws:kms:{r}:{a}:key/{id}",
    "AWS::Events::EventBus": "arn:aws:events:{r}:{a}:event-bus/{id}",
    "AWS::SQS::Queue": "arn:aws:sqs:{r}:{a}:{id}",
    "AWS::SNS::Topic": "arn:aws:sns:{r}:{a}:{id}",
    "AWS::Logs::LogGroup": "arn:aws:logs:{r}:{a}:log-group:{id}:*",
    "AWS::IAM::Role": "arn:aws:iam::{a}:role/{id}",
    "AWS::Lambda::Function": "arn:aws:lambda:{r}:{a}:function:{id}",
}


class Template:
    def __init__(self, raw: Mapping[str, Any]) -> None:
        self.resources: Mapping[str, Any] = raw["Resources"]

    def resolve(self, value: Any) -> Any:
        """Intrinsic functions → strings, with each resource's ARN named after its logical id."""
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if not isinstance(value, dict):
            return value
        if "Ref" in value:
            ref = value["Ref"]
            pseudo = {"AWS::Partition": "aws", "AWS::Region": REGION, "AWS::AccountId": ACCOUNT,
                      "AWS::URLSuffix": "amazonaws.com", "AWS::StackName": "stack"}
            if ref in pseudo:
                return pseudo[ref]
            if self.resources.get(ref, {}).get("Type") == "AWS::SQS::Queue":
                return f"https://sqs.{REGION}.amazonaws.com/{ACCOUNT}/{ref}"
            return ref
        if "Fn::GetAtt" in value:
            logical, attribute = value["Fn::GetAtt"]
            kind = self.resources.get(logical, {}).get("Type", "")
            if attribute in ("Arn", "StreamArn") and kind in _ARN_OF:
                name = self.resources[logical].get("Properties", {}).get("RoleName", logical)
                return _ARN_OF[kind].format(r=REGION, a=ACCOUNT, id=name if isinstance(name, str) else logical)
            return f"{logical}.{attribute}"
        if "Fn::Join" in value:
            separator, parts = value["Fn::Join"]
            return separator.join(str(self.resolve(p)) for p in parts)
        if "Fn::Sub" in value:
            text = value["Fn::Sub"] if isinstance(value["Fn::Sub"], str) else value["Fn::Sub"][0]
            return re.sub(r"\$\{([^}]+)\}", lambda m: str(self.resolve({"Ref": m.group(1)})), text)
        return {k: self.resolve(v) for k, v in value.items()}

    def _policies(self) -> dict[str, list[dict[str, Any]]]:
        """role logical id → the statements of its policies"""
        policies: dict[str, list[dict[str, Any]]] = {}
        for logical, resource in self.resources.items():
            properties = resource.get("Properties", {})
            if resource["Type"] == "AWS::IAM::Role":
                for policy in properties.get("Policies", []):
                    policies.setdefault(logical, []).extend(_statements(policy["PolicyDocument"]))
            elif resource["Type"] == "AWS::IAM::Policy":
                for role in properties.get("Roles", []):
                    policies.setdefault(role["Ref"], []).extend(_statements(properties["PolicyDocument"]))
        return policies

    def roles(self) -> dict[str, dict[str, Any]]:
        """role ARN → {statements, trust} for every role of the template."""
        policies = self._policies()
        return {
            str(self.resolve({"Fn::GetAtt": [logical, "Arn"]})): {
                "statements": [self.resolve(s) for s in policies.get(logical, [])],
                "trust": [self.resolve(s)
                          for s in _statements(resource["Properties"].get("AssumeRolePolicyDocument", {}))],
            }
            for logical, resource in self.resources.items() if resource["Type"] == "AWS::IAM::Role"
        }

    def functions(self) -> dict[str, dict[str, Any]]:
        """handler module → {name, environment, statements, role} for every Lambda function."""
        policies = self._policies()
        result = {}
        for logical, resource in self.resources.items():
            if resource["Type"] != "AWS::Lambda::Function":
                continue
            properties = resource["Properties"]
            role = properties["Role"]["Fn::GetAtt"][0]
            module = properties["Handler"].rsplit(".", 1)[0]
            result[module] = {
                "name": str(properties.get("FunctionName", logical)),
                "environment": self.resolve(properties.get("Environment", {}).get("Variables", {})),
                "statements": [self.resolve(s) for s in policies.get(role, [])],
                "role": str(self.resolve(properties["Role"])),
            }
        return result


def _statements(document: Mapping[str, Any]) -> list[dict[str, Any]]:
    statements = document.get("Statement", [])
    return list(statements) if isinstance(statements, list) else [statements]


# ---- recorded calls → requests --------------------------------------------------------------

def _resolve(value: Any, environment: Mapping[str, Any]) -> str:
    text = str(value)
    return re.sub(r"\$(HUB_[A-Z_]+)", lambda m: str(environment.get(m.group(1), m.group(0))), text)


def _key_arn(key: str) -> str:
    return key if key.startswith("arn:") else f"arn:aws:kms:{REGION}:{ACCOUNT}:key/{key}"


def requests_for(call: Mapping[str, Any], environment: Mapping[str, Any]) -> list[Request]:
    action = AUTHORIZED_AS.get(str(call["action"]), str(call["action"]))
    origin = json.dumps({k: v for k, v in call.items() if k != "module"}, sort_keys=True)
    service = action.split(":", 1)[0]
    if service == "dynamodb":
        table = f"arn:aws:dynamodb:{REGION}:{ACCOUNT}:table/{_resolve(call['table'], environment)}"
        resource = f"{table}/index/{call['index']}" if call.get("index") else table
        return [Request(action, resource, {"dynamodb:LeadingKeys": list(call.get("leadingKeys") or [])}, origin)]
    if service == "secretsmanager":
        name = _resolve(call.get("secret") or "", environment).replace("<id>", "id")
        arn = f"arn:aws:secretsmanager:{REGION}:{ACCOUNT}:secret:{name}-AbCdEf"
        context: dict[str, Any] = {}
        if call.get("tags"):
            context["aws:TagKeys"] = sorted(call["tags"])
            context.update({f"aws:RequestTag/{k}": v for k, v in call["tags"].items()})
        elif action in ("secretsmanager:CreateSecret", "secretsmanager:TagResource"):
            context["aws:TagKeys"] = None
        if action == "secretsmanager:CreateSecret":
            context["secretsmanager:KmsKeyArn"] = _resolve(call.get("kmsKeyId") or "aws/secretsmanager", environment)
        result = [Request(action, arn, context, origin)]
        if call.get("tags") and action == "secretsmanager:CreateSecret":
            result.append(Request("secretsmanager:TagResource", arn, context, origin))
        key = _key_arn(_resolve(call.get("kmsKeyId") or "$HUB_KMS_KEY_ID", environment))
        via: dict[str, str | list[str] | None] = {
            "kms:ViaService": f"secretsmanager.{REGION}.amazonaws.com", "kms:EncryptionContext:SecretARN": arn,
            "kms:EncryptionContextKeys": ["SecretARN", "SecretVersionId"]}
        if action == "secretsmanager:GetSecretValue":
            result.append(Request("kms:Decrypt", key, via, origin))
        elif call.get("withValue"):
            result.append(Request("kms:GenerateDataKey", key, via, origin))
        return result
    if service == "kms":
        context = {f"kms:EncryptionContext:{k}": v for k, v in (call.get("encryptionContext") or {}).items()}
        context["kms:EncryptionContextKeys"] = sorted(call.get("encryptionContext") or {})
        context["kms:ViaService"] = None
        context["kms:CallerAccount"] = ACCOUNT
        return [Request(action, _key_arn(_resolve(call.get("keyId") or "", environment)), context, origin)]
    if service == "events":
        return [Request(action, f"arn:aws:events:{REGION}:{ACCOUNT}:event-bus/{_resolve(bus, environment)}",
                        {"events:source": call.get("sources"), "events:detail-type": call.get("detailTypes")},
                        origin) for bus in call.get("buses") or ["default"]]
    if service == "sqs":
        url = _resolve(call.get("queueUrl") or "", environment)
        return [Request(action, f"arn:aws:sqs:{REGION}:{ACCOUNT}:{url.rstrip('/').rsplit('/', 1)[-1]}", {}, origin)]
    if service == "sts" and call.get("roleArn"):
        role = _resolve(call["roleArn"], environment)
        account = role.split(":")[4] if role.count(":") >= 5 else ""
        tags = dict(call.get("tags") or {})
        sts_context: dict[str, Any] = {"aws:ResourceAccount": account,
                                       "sts:ExternalId": "set" if call.get("externalId") else None,
                                       "aws:TagKeys": sorted(tags) or None}
        sts_context.update({f"aws:RequestTag/{k}": v for k, v in tags.items()})
        # session tags are authorized as sts:TagSession too, on the same role
        return [Request(a, role, sts_context, origin) for a in [action] + (["sts:TagSession"] if tags else [])]
    return [Request(action, "*", {}, origin)]


def _via_dynamodb(statement: Mapping[str, Any]) -> bool:
    """KMS use that DynamoDB makes for the table's encryption: never a call of the code."""
    return "dynamodb." in json.dumps((statement.get("Condition") or {}).get("StringEquals", {}))


def load_calls(directory: Path) -> list[dict[str, Any]]:
    calls: dict[str, dict[str, Any]] = {}
    for path in sorted(directory.glob("calls-*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                calls.setdefault(line, json.loads(line))
    return list(calls.values())


def audit(template: Mapping[str, Any], calls: Iterable[Mapping[str, Any]]) -> AuditResult:
    parsed = Template(template)
    functions, roles = parsed.functions(), parsed.roles()
    result = AuditResult()
    used: dict[str, set[str]] = {}
    recorded: set[str] = set()
    for call in calls:
        session = call.get("session")
        if (not session and not call.get("ownCredentials", True)) or call["action"] in UNAUTHORIZED_ACTIONS:
            continue  # made with a tenant's credentials: the tenant's IAM decides, not ours
        module = str(call["module"])
        function = functions.get(module)
        if function is None:
            result.unknown_modules.add(module)
            continue
        result.calls += 1
        recorded.add(module)
        environment = function["environment"]
        holder, statements, role_key = function["name"], function["statements"], module
        requests = requests_for(call, environment)
        if session:
            # a session of one of the stack's roles: that role's policy, with the session's tags
            role_key = _resolve(session["role"], environment)
            holder = f"{function['name']} as {role_key.rsplit('/', 1)[-1]}"
            result.sessions.add(role_key.rsplit("/", 1)[-1])
            statements = roles.get(role_key, {}).get("statements", [])
            tags = {f"aws:PrincipalTag/{k}": v for k, v in (session.get("tags") or {}).items()}
            requests = [replace(r, context={**r.context, **tags}) for r in requests]
        for request in requests:
            allowed, detail = evaluate(statements, request, result.not_evaluated)
            if allowed:
                used.setdefault(role_key, set()).add(request.action.lower())
            else:
                result.denials.append(Denial(holder, module, request, detail))
            target = roles.get(request.resource) if request.action.startswith("sts:") and not session else None
            if target is not None:
                # one of the stack's roles: its trust policy must admit this function's role too
                trusted = replace(request, context={**request.context, "aws:PrincipalArn": function["role"]})
                allowed, detail = evaluate(target["trust"], trusted, result.not_evaluated)
                if not allowed:
                    result.denials.append(Denial(function["name"], module, trusted, f"trust policy: {detail}"))
    for module, function in sorted(functions.items()):
        never = _never_used(function["statements"], used.get(module, set()))
        if module not in recorded:
            result.silent_functions.append(function["name"])
        if never:
            result.unused[function["name"]] = never
    for role_arn, role in sorted(roles.items()):
        if role_arn in used and (never := _never_used(role["statements"], used[role_arn])):
            result.unused[role_arn.rsplit("/", 1)[-1]] = never
    result.recorded_modules = recorded
    return result


def _never_used(statements: Iterable[Mapping[str, Any]], used: set[str]) -> list[str]:
    granted = {a for s in statements
               if s.get("Effect") == "Allow" and not _via_dynamodb(s) and s.get("Sid") not in RUNTIME_SIDS
               for a in as_list(s.get("Action", []))} - RUNTIME_ACTIONS
    return sorted(a for a in granted if not any(matches(a, u, case=False) for u in used))
