"""IAM's policy evaluation, offline, for the IAM audit (infra/iam_audit.py) and the tenant-scope
proofs (tests/infra/test_vault_roles.py).

Allow/Deny statements, actions and ARN patterns with wildcards, conditions on keys the request
context holds (a key it does not hold counts as met and is listed, unless the context says the
key is known to be absent), policy variables such as `${aws:PrincipalTag/tenantId}` in resources
and condition values (a variable the request cannot fill makes the element match nothing, as in
IAM), and the `Principal` of a resource policy such as a role's trust policy (matched against
`aws:PrincipalArn`; an account's `:root` stands for every principal of that account).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

_VARIABLE = re.compile(r"\$\{([^}]+)\}")


@dataclass(frozen=True)
class Request:
    """One authorization request: an action on a resource with its condition context."""

    action: str
    resource: str
    context: Mapping[str, str | list[str] | None]
    origin: str  # the recorded call it comes from, for the message


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def matches(pattern: str, value: str, *, case: bool) -> bool:
    if not case:
        pattern, value = pattern.lower(), value.lower()
    return fnmatch.fnmatchcase(value, pattern.replace("[", "[[]"))


def substitute(text: str, context: Mapping[str, Any]) -> str | None:
    """`text` with its policy variables filled from the request; None when one cannot be."""
    missing = False

    def fill(match: re.Match[str]) -> str:
        nonlocal missing
        value = context.get(match.group(1))
        if not isinstance(value, str):
            missing = True
            return ""
        return value

    filled = _VARIABLE.sub(fill, text)
    return None if missing else filled


def _condition_met(operator: str, key: str, expected: Any, context: Mapping[str, Any],
                   not_evaluated: set[str]) -> bool:
    if_exists = operator.endswith("IfExists")
    op = operator.removesuffix("IfExists")
    qualifier, _, op = op.rpartition(":")
    if key in context:
        actual = context[key]
    elif key.startswith("kms:EncryptionContext:") and "kms:EncryptionContextKeys" in context:
        actual = None  # the request's whole encryption context is known: this key is absent
    elif key.startswith("aws:RequestTag/") and "aws:TagKeys" in context:
        actual = None
    else:
        not_evaluated.add(key)
        return True
    wanted = [w for w in (substitute(str(v), context) for v in as_list(expected)) if w is not None]
    if op == "Null":
        return (actual is None) == (str(as_list(expected)[0]).lower() == "true")
    if actual is None:
        return if_exists or op.startswith(("StringNot", "ArnNot")) or qualifier == "ForAllValues"
    values = [str(v) for v in as_list(actual)]

    def one(value: str) -> bool:
        if op in ("StringEquals", "ArnEquals"):
            return value in wanted
        if op in ("StringLike", "ArnLike"):
            return any(matches(w, value, case=True) for w in wanted)
        if op in ("StringNotEquals", "ArnNotEquals"):
            return value not in wanted
        if op in ("StringNotLike", "ArnNotLike"):
            return not any(matches(w, value, case=True) for w in wanted)
        if op == "StringEqualsIgnoreCase":
            return value.lower() in {w.lower() for w in wanted}
        if op == "Bool":
            return bool(wanted) and value.lower() == wanted[0].lower()
        raise ValueError(f"condition operator {operator} is not supported by the IAM audit")

    if qualifier == "ForAllValues":
        return all(one(v) for v in values)
    if qualifier == "ForAnyValue":
        return any(one(v) for v in values)
    return all(one(v) for v in values) if op.startswith(("StringNot", "ArnNot")) else any(one(v) for v in values)


def _resource_matches(patterns: Any, request: Request) -> bool:
    for pattern in as_list(patterns):
        filled = substitute(str(pattern), request.context)
        if filled is not None and matches(filled, request.resource, case=True):
            return True
    return False


def _principal_matches(principal: Any, context: Mapping[str, Any]) -> bool:
    """A resource policy's `Principal` against the caller (`aws:PrincipalArn`)."""
    if principal == "*":
        return True
    caller = context.get("aws:PrincipalArn")
    if not isinstance(caller, str):
        return False
    account = caller.split(":")[4] if caller.count(":") >= 5 else ""
    named = as_list(principal.get("AWS", [])) if isinstance(principal, Mapping) else []
    return any(str(n) in ("*", caller, f"arn:aws:iam::{account}:root", account) for n in named)


def statement_applies(statement: Mapping[str, Any], request: Request, not_evaluated: set[str]) -> bool:
    if "Action" in statement:
        if not any(matches(a, request.action, case=False) for a in as_list(statement["Action"])):
            return False
    elif any(matches(a, request.action, case=False) for a in as_list(statement.get("NotAction", []))):
        return False
    if "Resource" in statement:
        if not _resource_matches(statement["Resource"], request):
            return False
    elif "NotResource" in statement and _resource_matches(statement["NotResource"], request):
        return False
    if "Principal" in statement and not _principal_matches(statement["Principal"], request.context):
        return False
    for operator, tests in (statement.get("Condition") or {}).items():
        for key, expected in tests.items():
            if not _condition_met(operator, key, expected, request.context, not_evaluated):
                return False
    return True


def evaluate(statements: Iterable[Mapping[str, Any]], request: Request, not_evaluated: set[str]) -> tuple[bool, str]:
    allowed_by = ""
    for statement in statements:
        if statement_applies(statement, request, not_evaluated):
            if statement.get("Effect") == "Deny":
                return False, f"explicitly denied by statement {statement.get('Sid', '?')}"
            allowed_by = allowed_by or str(statement.get("Sid", "?"))
    if allowed_by:
        return True, allowed_by
    return False, "no statement allows it (missing permission)"
