"""Reading the audit trail: per tenant (tenant admins) or across tenants (super admins).

A page reads only what it returns (DynamoDB Query with Limit, filters applied by DynamoDB, a
cursor to continue): a tenant's page is one Query of its partition; the global page walks the
hourly GSI1 partitions from the newest (or `to`) back to the oldest retained (or `from`),
visiting at most MAX_HOURS_PER_PAGE hours per request. With filters a page may hold fewer
records than `limit` while `hasMore` is true: follow `nextCursor`. The trail is not counted
(counting would read all of it), so `total` is null.
"""

import base64
import binascii
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from hub import clock
from hub.audit import HOUR, AuditRepository, Filter, hour_bucket, public_view
from hub.errors import ValidationError
from hub.pagination import DEFAULT_LIMIT, MAX_LIMIT
from hub.settings import get_settings
from hub.table import tenant_pk
from hub.validation import SingleLine, parse_json

MAX_HOURS_PER_PAGE = 48
MAX_CURSOR_LENGTH = 2048
MAX_EPOCH = 253_402_300_799  # 9999-12-31T23:59:59Z


class AuditListParams(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="forbid", populate_by_name=True)

    limit: int = Field(default=DEFAULT_LIMIT, ge=1, le=MAX_LIMIT, description="Records read for this page")
    cursor: str | None = Field(default=None, max_length=MAX_CURSOR_LENGTH,
                               description="`nextCursor` of the previous page")
    sortOrder: Literal["asc", "desc"] = Field(default="desc", description="Newest first (desc) or oldest first")
    action: SingleLine | None = Field(default=None, max_length=100,
                                      description="Exact action, or a prefix ending in '.'")
    actorId: SingleLine | None = Field(default=None, max_length=128, description="The acting user's id")
    targetId: SingleLine | None = Field(default=None, max_length=128, description="An id the record is about")
    from_: str | None = Field(default=None, alias="from", max_length=40, description="ISO time, inclusive",
                              pattern=r"^\d{4}-\d{2}-\d{2}(T[0-9:.]+Z?)?$")
    to: str | None = Field(default=None, max_length=40, description="ISO time, exclusive",
                           pattern=r"^\d{4}-\d{2}-\d{2}(T[0-9:.]+Z?)?$")


class AdminAuditListParams(AuditListParams):
    tenantId: SingleLine | None = Field(default=None, max_length=64, description="Only this tenant's trail")


class AuditChange(BaseModel):
    model_config = ConfigDict(defer_build=True)

    targetType: str | None = None
    targetId: str | None = None
    diff: dict[str, Any] = Field(default_factory=dict, description="field → {from, to}, secrets masked")


class AuditLogView(BaseModel):
    model_config = ConfigDict(defer_build=True)

    id: str
    tenantId: str
    actor: dict[str, Any] = Field(description="userId, roles and the token's subject")
    action: str
    target: dict[str, Any] = Field(description="route and path parameters of the request")
    changes: list[AuditChange] = Field(default_factory=list)
    requestId: str | None = None
    statusCode: int | None = None
    sourceIp: str | None = None
    createdAt: str


class AuditPage(BaseModel):
    model_config = ConfigDict(defer_build=True)

    auditLogs: list[AuditLogView]
    limit: int
    hasMore: bool
    nextCursor: str | None = Field(description="Pass as `cursor` for the next page; null on the last page")
    total: None = Field(default=None, description="Not counted: the trail is read one page per request")


def list_audit_logs(params: AuditListParams, *, tenant_id: str | None) -> AuditPage:
    cursor = _decode(params.cursor)
    where = _filter(params)
    newest_first = params.sortOrder == "desc"
    if tenant_id:
        start_key = _start_key(cursor, {"pk": tenant_pk(tenant_id)})
        records, last = AuditRepository().page_of_tenant(tenant_id, limit=params.limit, newest_first=newest_first,
                                                          start_key=start_key, where=where)
        next_cursor = {"key": last} if last else None
    else:
        records, next_cursor = _global_page(params, cursor, where, newest_first)
    return AuditPage(auditLogs=[AuditLogView.model_validate(public_view(r)) for r in records], limit=params.limit,
                     hasMore=next_cursor is not None, nextCursor=_encode(next_cursor) if next_cursor else None)


def _global_page(params: AuditListParams, cursor: dict[str, Any], where: Filter,
                 newest_first: bool) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    now = clock.now()
    oldest = max(now - get_settings().audit_retention_days * 86400, _epoch(params.from_) if params.from_ else 0)
    newest = min(now, _epoch(params.to)) if params.to else now
    created_between = (params.from_ or "0", params.to or "9")
    hour = float(cursor.get("hour", newest if newest_first else oldest))
    start_key = _start_key(cursor, {"gsi1pk": hour_bucket(clock.iso(hour))})
    step = -HOUR if newest_first else HOUR
    records: list[dict[str, Any]] = []
    repository = AuditRepository()
    for _ in range(MAX_HOURS_PER_PAGE):
        if not _hour_in_range(hour, oldest, newest):
            return records, None
        found, last = repository.page_of_hour(hour_bucket(clock.iso(hour)), limit=params.limit - len(records),
                                              newest_first=newest_first, start_key=start_key, where=where,
                                              created_between=created_between)
        records.extend(found)
        if last:
            return records, {"hour": hour, "key": last}
        hour, start_key = hour + step, None
        if len(records) >= params.limit:
            break
    if not _hour_in_range(hour, oldest, newest):
        return records, None
    return records, {"hour": hour}


def _hour_in_range(hour: float, oldest: float, newest: float) -> bool:
    return int(oldest // HOUR) <= int(hour // HOUR) <= int(newest // HOUR)


def _filter(params: AuditListParams) -> Filter:
    parts: list[str] = []
    values: dict[str, Any] = {}
    names: dict[str, str] = {}
    if params.action:
        names["#action"] = "action"
        values[":action"] = params.action
        parts.append("begins_with(#action, :action)" if params.action.endswith(".") else "#action = :action")
    if params.actorId:
        names.update({"#actor": "actor", "#userId": "userId"})
        values[":actor"] = params.actorId
        parts.append("#actor.#userId = :actor")
    if params.targetId:
        names["#targets"] = "targetIds"
        values[":target"] = params.targetId
        parts.append("contains(#targets, :target)")
    if params.from_:
        names["#created"] = "createdAt"
        values[":from"] = params.from_
        parts.append("#created >= :from")
    if params.to:
        names["#created"] = "createdAt"
        values[":to"] = params.to
        parts.append("#created < :to")
    return Filter(" AND ".join(parts) or None, values, names)


def _epoch(iso: str) -> float:
    try:
        return clock.parse_iso(iso if "T" in iso else f"{iso}T00:00:00Z")
    except ValueError:
        raise ValidationError("Not an ISO time", details=[{"field": "from/to", "message": "not an ISO time",
                                                           "type": "value_error"}]) from None


def _start_key(cursor: dict[str, Any], expected: dict[str, str]) -> dict[str, Any] | None:
    """The cursor's key, if it continues this very listing (a forged key is a 400, not a 500)."""
    key = cursor.get("key")
    if key is None:
        return None
    # DynamoDB's LastEvaluatedKey as it came: {"pk": {"S": "TENANT#…"}, …}
    shape = {"pk", "sk", *expected}
    if set(key) != shape or not all(isinstance(v, dict) and set(v) == {"S"} and isinstance(v["S"], str)
                                    and 0 < len(v["S"]) <= 1024 for v in key.values()) \
            or any(key[name]["S"] != value for name, value in expected.items()):
        raise _bad_cursor()
    return key  # type: ignore[no-any-return]


def _bad_cursor() -> ValidationError:
    return ValidationError("The cursor is not one this API gave",
                           details=[{"field": "cursor", "message": "invalid cursor", "type": "value_error"}])


def _encode(cursor: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(cursor, separators=(",", ":")).encode()).decode().rstrip("=")


def _decode(text: str | None) -> dict[str, Any]:
    if not text:
        return {}
    try:
        value = parse_json(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (binascii.Error, ValueError):
        value = None
    hour = value.get("hour", 0) if isinstance(value, dict) else None
    if not isinstance(value, dict) or not isinstance(value.get("key", {}), dict | None) \
            or not isinstance(hour, int | float) or isinstance(hour, bool) or not 0 <= hour <= MAX_EPOCH:
        raise _bad_cursor()
    return value
