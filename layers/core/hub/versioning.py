"""Optimistic concurrency for records edited through the API, with their audit diff."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hub import clock
from hub.errors import VersionConflict
from hub.request import record_change


def require_version(record: dict[str, Any], expected_version: int | None) -> int:
    """The record's version; VersionConflict when the caller expected another one."""
    version = int(record.get("version", 1))
    if expected_version is not None and expected_version != version:
        raise VersionConflict(details={"expectedVersion": expected_version, "currentVersion": version})
    return version


def save_audited(
    before: dict[str, Any],
    changes: dict[str, Any],
    *,
    action: str,
    target_type: str,
    persist: Callable[[dict[str, Any], int], dict[str, Any]],
    audit_view: Callable[[dict[str, Any]], dict[str, Any]],
    expected_version: int | None = None,
) -> dict[str, Any]:
    """Apply `changes` if the record is still at its version, and record the diff for the audit."""
    version = require_version(before, expected_version)
    saved = persist({**before, **changes, "updatedAt": clock.iso()}, version)
    record_change(target_type, before["id"], before=audit_view(before), after=audit_view(saved), action=action)
    return saved
