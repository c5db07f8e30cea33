"""Move every credential from one vault backend to the other, while the hub serves.

    python -m hub.vault.migrate --to table            # or --to secretsmanager

It runs with the deployment's settings (HUB_TABLE_NAME, HUB_SECRET_PREFIX, HUB_KMS_KEY_ID, AWS
credentials) and prints a JSON report. It never decrypts: both backends hold the same Encryption
SDK message under the same encryption context, so it copies the message as it is. docs/deploy.md
says when to run it.

Per connection (the Scan of connection items is this admin command's only; jobs never Scan):
1. Claim the record like a writer does (lease + secret-write claim, only when nobody holds
   either), so no refresh or reconnect writes the credential meanwhile; a busy connection is
   retried after the pass.
2. Copy the message to the target, then flip the record in one conditional write (still our
   claim, same connectionId): `vaultBackend` names the target, and `vaultMovedFrom` the source.
   Readers follow `vaultBackend`, so the credential is readable at every moment.
3. After the pass and a grace period (a reader that read the record just before the flip may
   still go to the source), delete the source copies of the records marked `vaultMovedFrom`.

Idempotent: a connection already in the target is counted, not moved. Resumable: the position
of the Scan and the phase are checkpointed in the table after every page (pk
`GLOBAL#VAULT_MIGRATION`), so a run that dies continues where it stopped. Provider client
secrets (no record of their own) are copied too; `hub.vault.standalone_vault` reads both
backends until they are.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

from hub import aws
from hub.errors import SecretExists, SecretNotFound
from hub.ids import new_id
from hub.repository import Repository
from hub.secret_refs import PURPOSE_PROVIDER_CLIENT, SYSTEM_TENANT
from hub.settings import get_settings
from hub.table import tenant_pk
from hub.vault import (
    BACKENDS,
    MESSAGE_FIELD,
    SECRETSMANAGER,
    TABLE,
    SecretRef,
    backend_of,
    vault_named,
)
from hub.vault.migration_repository import MOVED_FROM_FIELD, MigrationRepository

_BUSY_ROUNDS = 5
_BUSY_PAUSE_SECONDS = 2.0


@dataclass
class MigrationReport:
    source: str
    target: str
    moved: int = 0
    already: int = 0
    without_credential: int = 0
    busy: int = 0
    superseded: int = 0
    source_copies_deleted: int = 0
    provider_secrets_moved: int = 0
    resumed: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _ref(item: dict[str, Any]) -> SecretRef:
    return SecretRef(item["tenantId"], item["integrationId"], item["connectionId"], record_key=(item["pk"], item["sk"]))


class Migration:
    def __init__(self, target: str, *, page_size: int = 100, grace_seconds: float = 60.0,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        if target not in BACKENDS:
            raise ValueError(f"target must be one of {', '.join(BACKENDS)}")
        self.target = target
        self.source = SECRETSMANAGER if target == TABLE else TABLE
        self.page_size = page_size
        self.grace_seconds = grace_seconds
        self.sleep = sleep
        self.store = MigrationRepository()
        self.owner = f"vault-migration:{new_id()}"

    def run(self) -> MigrationReport:
        report = MigrationReport(self.source, self.target)
        checkpoint = self.store.load_checkpoint(self.source, self.target)
        phase, start = "copy", None
        if checkpoint and checkpoint.get("phase") in ("copy", "cleanup"):
            report = MigrationReport(**{**checkpoint.get("report", {}), "resumed": True})
            phase = str(checkpoint["phase"])
            start = json.loads(checkpoint["startKey"]) if checkpoint.get("startKey") else None
        if phase == "copy":
            self._copy_pass(report, start)
            self._move_provider_secrets(report)
            self.store.save_checkpoint(self.source, self.target, "cleanup", None, report.as_dict())
            self.sleep(self.grace_seconds)
            start = None
        self._cleanup_pass(report, start)
        self.store.save_checkpoint(self.source, self.target, "done", None, report.as_dict())
        return report

    # --- copy ----------------------------------------------------------------------------------

    def _copy_pass(self, report: MigrationReport, start: dict[str, Any] | None) -> None:
        busy: list[dict[str, Any]] = []
        while True:
            items, start = self.store.scan_connections(start, self.page_size)
            for item in items:
                if self._copy_one(item, report) == "busy":
                    busy.append(item)
            self.store.save_checkpoint(self.source, self.target, "copy", start, report.as_dict())
            if not start:
                break
        for _round in range(_BUSY_ROUNDS):
            if not busy:
                break
            self.sleep(_BUSY_PAUSE_SECONDS)
            pending, busy = busy, []
            for item in pending:
                current = self.store.get(item["pk"], item["sk"])
                if current is not None and self._copy_one(current, report) == "busy":
                    busy.append(current)
        report.busy = len(busy)

    def _copy_one(self, item: dict[str, Any], report: MigrationReport) -> str:
        if not item.get("secretStored") or not item.get("connectionId"):
            report.without_credential += 1
            return "without_credential"
        if backend_of(item) == self.target:
            report.already += 1
            return "already"
        claimed = self.store.claim(item, self.owner, self.source)
        if claimed is None:
            return "busy"
        ref = _ref(claimed)
        created = flipped = False
        try:
            if self.source == TABLE:
                message = claimed.get(MESSAGE_FIELD)
                if not isinstance(message, str):
                    raise SecretNotFound()
                created = _store_or_replace(self.target, ref, message)
            else:
                message = vault_named(SECRETSMANAGER).read_message(ref)
            flipped = self.store.flip(claimed, self.owner, self.source, self.target, message)
        except SecretNotFound:
            report.without_credential += 1
            return "without_credential"
        finally:
            if not flipped:  # the flip ends the claim itself
                self.store.release(claimed, self.owner)
        if not flipped:
            # disconnected or reconnected while we copied: the record is theirs; a secret we
            # created for it must not outlive it
            if created:
                vault_named(self.target).delete(ref)
            report.superseded += 1
            return "superseded"
        report.moved += 1
        return "moved"

    def _move_provider_secrets(self, report: MigrationReport) -> None:
        source, target = vault_named(self.source), vault_named(self.target)
        for provider_id in _provider_secret_ids(self.source):
            ref = SecretRef.for_provider_client(provider_id)
            try:
                message = source.read_message(ref)
            except SecretNotFound:
                continue
            try:
                target.store_message(ref, message)
            except SecretExists:
                pass  # written there since the switch: that copy is the newer one
            source.delete(ref)
            report.provider_secrets_moved += 1

    # --- cleanup -------------------------------------------------------------------------------

    def _cleanup_pass(self, report: MigrationReport, start: dict[str, Any] | None) -> None:
        while True:
            items, start = self.store.scan_connections(start, self.page_size)
            for item in items:
                if item.get(MOVED_FROM_FIELD) != self.source or backend_of(item) != self.target:
                    continue
                if self.source == SECRETSMANAGER:
                    vault_named(SECRETSMANAGER).delete(_ref(item))  # idempotent: a rerun deletes again
                self.store.forget_source(item, self.source, self.target)
                report.source_copies_deleted += 1
            self.store.save_checkpoint(self.source, self.target, "cleanup", start, report.as_dict())
            if not start:
                return


def _store_or_replace(backend: str, ref: SecretRef, message: str) -> bool:
    """True when this created the copy (a rerun after a crash finds its own earlier copy)."""
    vault = vault_named(backend)
    try:
        vault.store_message(ref, message)
    except SecretExists:
        vault.replace_message(ref, message)
        return False
    return True


def _provider_secret_ids(backend: str) -> list[str]:
    """Provider ids with a client secret in `backend`."""
    if backend == TABLE:
        prefix = f"VAULT#{PURPOSE_PROVIDER_CLIENT}#"
        items = Repository().query_all(tenant_pk(SYSTEM_TENANT), sk_prefix=prefix)
        return [str(i["sk"])[len(prefix):] for i in items]
    name_prefix = f"{get_settings().secret_prefix}/{SYSTEM_TENANT}/"
    paginator = aws.client("secretsmanager").get_paginator("list_secrets")
    ids = []
    for page in paginator.paginate(Filters=[{"Key": "name", "Values": [name_prefix]}]):
        ids += [s["Name"][len(name_prefix):] for s in page.get("SecretList", []) if s["Name"].startswith(name_prefix)]
    return ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hub.vault.migrate",
                                     description="Move every credential from one vault backend to the other.")
    parser.add_argument("--to", required=True, choices=BACKENDS, help="the backend to move every credential to")
    parser.add_argument("--page-size", type=int, default=100, help="connection items per Scan page (checkpoint)")
    parser.add_argument("--grace-seconds", type=float, default=60.0,
                        help="wait between the copy and deleting the source copies")
    args = parser.parse_args(argv)
    report = Migration(args.to, page_size=args.page_size, grace_seconds=args.grace_seconds).run()
    json.dump(report.as_dict(), sys.stdout, indent=2)
    print()
    return 1 if report.busy else 0


if __name__ == "__main__":
    raise SystemExit(main())
