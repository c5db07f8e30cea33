"""Records every AWS API call a hub handler makes, for the IAM audit (infra/iam_audit.py).

moto never enforces IAM, so the suite alone cannot see what AWS would refuse. With
`HUB_IAM_AUDIT_DIR` set (`make test` sets it), tests/conftest.py and the local stack
(`python -m local run`, which the e2e tests start) call `install()`: every botocore call made
while a handler runs is appended to `<dir>/calls-<pid>.jsonl` as one line naming the handler
module, the action and what IAM evaluates for it (resource names, KMS encryption context,
DynamoDB leading keys, tags, ...). Never a value: no secret string, plaintext or item body.

The handler comes from hub.invocation (set by the entry wrappers); a handler without one is
found on the call stack. Thread pools started by a handler inherit it (submit is wrapped).
Calls made outside any handler (fixtures, seeding, the local stack's own set-up) are ignored.
"""

from __future__ import annotations

import contextvars
import json
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ENV_VAR = "HUB_IAM_AUDIT_DIR"

_lock = threading.Lock()
_seen: set[str] = set()
_installed = False
# encryption-context / tag values IAM conditions test; other values (ids) are shortened
KEPT_CONTEXT_VALUES = frozenset({"tenantId", "purpose"})


def _handler_on_stack() -> str | None:
    """The outermost `functions.*` module's `handler` frame: a handler without the hub entry wrapper."""
    frame = sys._getframe(2)
    found = None
    while frame is not None:
        name = frame.f_globals.get("__name__", "")
        if frame.f_code.co_name == "handler" and isinstance(name, str) and name.startswith("functions."):
            found = name
        frame = frame.f_back  # type: ignore[assignment]
    return found


def _current() -> str | None:
    from hub.invocation import current_handler

    return current_handler.get() or _handler_on_stack()


def _pk_values(value: Any) -> list[str]:
    """Partition-key values of an item / key map (the `pk` attribute, hub/table.py)."""
    if isinstance(value, dict):
        pk = value.get("pk")
        if isinstance(pk, dict) and "S" in pk:
            return [str(pk["S"])]
    return []


def _dynamodb(operation: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    if operation == "TransactWriteItems":
        calls = []
        names = {"Put": "PutItem", "Update": "UpdateItem", "Delete": "DeleteItem",
                 "ConditionCheck": "ConditionCheckItem"}
        for item in params.get("TransactItems", []):
            for kind, body in item.items():
                calls.append({"action": f"dynamodb:{names[kind]}", "table": body.get("TableName"),
                              "leadingKeys": _pk_values(body.get("Item")) + _pk_values(body.get("Key"))})
        return calls
    if operation in ("BatchGetItem", "BatchWriteItem"):
        calls = []
        for table, body in (params.get("RequestItems") or {}).items():
            keys: list[str] = []
            if isinstance(body, dict):
                for key in body.get("Keys", []):
                    keys += _pk_values(key)
            else:
                for request in body:
                    for inner in request.values():
                        keys += _pk_values(inner.get("Item")) + _pk_values(inner.get("Key"))
            calls.append({"action": f"dynamodb:{operation}", "table": table, "leadingKeys": keys})
        return calls
    call: dict[str, Any] = {"action": f"dynamodb:{operation}", "table": params.get("TableName"),
                            "index": params.get("IndexName")}
    keys = _pk_values(params.get("Item")) + _pk_values(params.get("Key"))
    if operation == "Query":
        values = params.get("ExpressionAttributeValues") or {}
        condition = str(params.get("KeyConditionExpression") or "")
        names = params.get("ExpressionAttributeNames") or {}
        pk_placeholders = [n for n, v in names.items() if v == "pk"] + ["pk"]
        for part in condition.split(" AND "):
            left, _, right = part.partition("=")
            if left.strip() in pk_placeholders and right.strip() in values:
                keys += [str(v) for v in values[right.strip()].values()]
    call["leadingKeys"] = keys
    return [call]


def describe(service: str, operation: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    """What IAM evaluates for one botocore call: one entry per authorized action."""
    if service == "dynamodb":
        return _dynamodb(operation, params)
    call: dict[str, Any] = {"action": f"{service}:{operation}"}
    if service == "secretsmanager":
        call["secret"] = params.get("SecretId") or params.get("Name")
        if "KmsKeyId" in params:
            call["kmsKeyId"] = params["KmsKeyId"]
        if params.get("Tags"):
            call["tags"] = {t["Key"]: t["Value"] for t in params["Tags"]}
        # Secrets Manager encrypts/decrypts the value with the secret's key on the caller's behalf
        call["withValue"] = "SecretString" in params or "SecretBinary" in params
    elif service == "kms":
        call["keyId"] = params.get("KeyId")
        call["encryptionContext"] = dict(params.get("EncryptionContext") or {})
    elif service == "events":
        call["buses"] = sorted({str(e.get("EventBusName") or "default") for e in params.get("Entries", [])})
        call["sources"] = sorted({str(e.get("Source")) for e in params.get("Entries", [])})
        call["detailTypes"] = sorted({str(e.get("DetailType")) for e in params.get("Entries", [])})
    elif service == "sqs":
        call["queueUrl"] = params.get("QueueUrl")
    elif service == "sts":
        call["roleArn"] = params.get("RoleArn")
        call["externalId"] = "ExternalId" in params
        if params.get("Tags"):
            call["tags"] = {t["Key"]: t["Value"] for t in params["Tags"]}
    else:
        call["params"] = sorted(params)
    return [call]


def _symbolic(call: dict[str, Any]) -> dict[str, Any]:
    """Names of the hub's own resources become the setting that holds them (`$HUB_TABLE_NAME`),
    which the audit resolves in each function's synthesized environment; ids inside secret names,
    leading keys and encryption contexts are shortened so the log stays small."""
    from hub.settings import get_settings

    settings = get_settings()
    queues = {os.environ.get(f"HUB_{n.upper()}_QUEUE_URL"): f"$HUB_{n.upper()}_QUEUE_URL"
              for n in ("refresh", "webhook", "inbound")}
    # a queue URL the settings hold without an environment variable (the inbound queue's in tests)
    queues.update({getattr(settings, f"{n}_queue_url", None): f"$HUB_{n.upper()}_QUEUE_URL"
                   for n in ("refresh", "webhook", "inbound")})
    symbols: dict[str, dict[Any, str]] = {
        "table": {settings.table_name: "$HUB_TABLE_NAME"},
        "keyId": {settings.kms_key_id: "$HUB_KMS_KEY_ID"},
        "kmsKeyId": {settings.kms_key_id: "$HUB_KMS_KEY_ID"},
        "queueUrl": {url: symbol for url, symbol in queues.items() if url},
        "roleArn": {settings.vault_role_arn: "$HUB_VAULT_ROLE_ARN"} if settings.vault_role_arn else {},
    }
    for name, table in symbols.items():
        if isinstance(call.get(name), str):
            call[name] = table.get(call[name], call[name])
    if "buses" in call:
        call["buses"] = ["$HUB_EVENT_BUS_NAME" if b == settings.event_bus_name else b for b in call["buses"]]
    secret = call.get("secret")
    if isinstance(secret, str):
        prefix = settings.secret_prefix + "/"
        if secret.startswith(prefix):
            tenant, _, rest = secret[len(prefix):].partition("/")
            secret = f"$HUB_SECRET_PREFIX/{tenant}/" + ("<id>" if rest else "")
        call["secret"] = secret
    if "leadingKeys" in call:
        call["leadingKeys"] = sorted({"#".join(k.split("#")[:2]) for k in call["leadingKeys"]})
    context = call.get("encryptionContext")
    if isinstance(context, dict):
        call["encryptionContext"] = {k: (v if k in KEPT_CONTEXT_VALUES else "<id>") for k, v in context.items()}
    if isinstance(call.get("tags"), dict):
        call["tags"] = {k: (v if k in KEPT_CONTEXT_VALUES else "<id>") for k, v in call["tags"].items()}
    return call


def _write(module: str, service: str, operation: str, params: dict[str, Any], own_credentials: bool,
           session: tuple[str, dict[str, str]] | None = None) -> None:
    from hub.settings import get_settings

    directory = os.environ.get(ENV_VAR)
    if not directory:
        return
    scope = get_settings().vault_scope
    for call in describe(service, operation, params):
        call["ownCredentials"] = own_credentials
        if session:
            # a session of the stack's vault role (hub/vault/clients.py): the audit checks the call
            # against that role, with these session tags
            call["session"] = {"role": session[0], "tags": session[1]}
        if scope != "function":
            call["vaultScope"] = scope  # the audit checks it against a stack synthesized with this scope
        call = _symbolic(call)
        if session:
            call["session"]["role"] = _symbolic({"roleArn": session[0]})["roleArn"]
        call["module"] = module
        line = json.dumps(call, sort_keys=True, default=str)
        with _lock:
            if line in _seen:
                continue
            _seen.add(line)
            path = Path(directory) / f"calls-{os.getpid()}.jsonl"
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("a", encoding="utf-8") as out:
                out.write(line + "\n")


def install() -> None:
    """Patch botocore and ThreadPoolExecutor.submit once per process (idempotent)."""
    global _installed
    if _installed:
        return
    _installed = True
    from botocore.client import BaseClient

    original = BaseClient._make_api_call

    def recording(self: BaseClient, operation_name: str, api_params: dict[str, Any]) -> Any:
        module = _current()
        if module:
            service = self.meta.service_model.signing_name or self.meta.service_model.service_name
            credentials = self._request_signer._credentials  # type: ignore[attr-defined]
            # a client built with credentials the hub obtained for a tenant (an assumed tenant role,
            # a tenant's access key) acts as the tenant, not as the function's role
            own = getattr(credentials, "access_key", None) == os.environ.get("AWS_ACCESS_KEY_ID")
            _write(module, service, operation_name, dict(api_params or {}), own,
                   getattr(credentials, "assumed_role", None))
        return original(self, operation_name, api_params)

    BaseClient._make_api_call = recording  # type: ignore[method-assign]

    submit = ThreadPoolExecutor.submit

    def submit_in_context(self: ThreadPoolExecutor, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Any:
        module = _current()
        if not module:
            return submit(self, fn, *args, **kwargs)
        from hub.invocation import running

        context = contextvars.copy_context()

        def run() -> Any:
            with running(module):
                return fn(*args, **kwargs)

        return submit(self, context.run, run)

    ThreadPoolExecutor.submit = submit_in_context  # type: ignore[method-assign,assignment]


def install_from_environment() -> None:
    if os.environ.get(ENV_VAR):
        install()
