"""The IAM audit's evaluation, on small hand-written policies: it must deny what IAM denies."""

from __future__ import annotations

from typing import Any

import pytest

from infra.iam_audit import Request, audit, evaluate

pytestmark = pytest.mark.infra

KEY = "arn:aws:kms:us-east-1:123456789012:key/VaultKey"


def _kms(purpose: str, tenant: str = "acme") -> Request:
    return Request("kms:Decrypt", KEY, {"kms:EncryptionContext:purpose": purpose,
                                        "kms:EncryptionContext:tenantId": tenant, "kms:ViaService": None}, "test")


SEALED = {"Effect": "Allow", "Action": "kms:Decrypt", "Resource": KEY,
          "Condition": {"StringEquals": {"kms:EncryptionContext:purpose": "connection"},
                        "StringNotEquals": {"kms:EncryptionContext:tenantId": "_system"}}}


def test_an_encryption_context_condition_is_checked_on_its_value() -> None:
    assert evaluate([SEALED], _kms("connection"), set())[0]
    assert not evaluate([SEALED], _kms("provider-client"), set())[0]
    assert not evaluate([SEALED], _kms("connection", tenant="_system"), set())[0]


def test_an_explicit_deny_wins_over_an_allow() -> None:
    allow = {"Effect": "Allow", "Action": "secretsmanager:*", "Resource": "arn:aws:secretsmanager:*:*:secret:p/*"}
    deny = {"Effect": "Deny", "Action": "secretsmanager:*", "Resource": "arn:aws:secretsmanager:*:*:secret:p/_system/*"}
    tenant = Request("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:1:secret:p/acme/c-AbCdEf",
                     {}, "t")
    system = Request("secretsmanager:GetSecretValue", "arn:aws:secretsmanager:us-east-1:1:secret:p/_system/x-AbCdEf",
                     {}, "t")
    assert evaluate([allow, deny], tenant, set())[0]
    allowed, reason = evaluate([allow, deny], system, set())
    assert not allowed and "explicitly denied" in reason


def test_assuming_a_role_of_the_hubs_own_account_is_denied() -> None:
    statement = {"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::*:role/*",
                 "Condition": {"StringNotEquals": {"aws:ResourceAccount": "123456789012"},
                               "Null": {"sts:ExternalId": "false"}}}

    def assume(account: str, external_id: str | None = "set") -> bool:
        request = Request("sts:AssumeRole", f"arn:aws:iam::{account}:role/R",
                          {"aws:ResourceAccount": account, "sts:ExternalId": external_id}, "t")
        return evaluate([statement], request, set())[0]

    assert assume("111122223333")
    assert not assume("123456789012")
    assert not assume("111122223333", external_id=None)


def _template(statements: list[dict[str, Any]]) -> dict[str, Any]:
    return {"Resources": {
        "Table": {"Type": "AWS::DynamoDB::Table", "Properties": {}},
        "Role": {"Type": "AWS::IAM::Role", "Properties": {"Policies": [
            {"PolicyName": "p", "PolicyDocument": {"Statement": statements}}]}},
        "Fn": {"Type": "AWS::Lambda::Function", "Properties": {
            "Handler": "functions.things.get.handler", "FunctionName": "hub-test-things-get",
            "Role": {"Fn::GetAtt": ["Role", "Arn"]},
            "Environment": {"Variables": {"HUB_TABLE_NAME": {"Ref": "Table"}}}}},
    }}


def test_a_recorded_call_the_role_lacks_is_a_denial_naming_function_call_and_permission() -> None:
    # Given a function whose role may only read the table
    template = _template([{"Effect": "Allow", "Action": ["dynamodb:GetItem"],
                           "Resource": {"Fn::GetAtt": ["Table", "Arn"]}}])
    calls = [
        {"module": "functions.things.get", "action": "dynamodb:GetItem", "table": "$HUB_TABLE_NAME",
         "leadingKeys": ["TENANT#acme"]},
        {"module": "functions.things.get", "action": "dynamodb:PutItem", "table": "$HUB_TABLE_NAME",
         "leadingKeys": ["TENANT#acme"]},
    ]
    # When the recorded calls are audited
    result = audit(template, calls)
    # Then the write is denied, and the message says who, what and why
    assert len(result.denials) == 1
    message = str(result.denials[0])
    assert "hub-test-things-get" in message and "dynamodb:PutItem" in message and "table/Table" in message
    assert "missing permission" in message
