"""Provider records → SearchResultItem, and the filters applied to them (pure functions).

Templates say where a provider's list of results is (`itemsPath`), not what each field means, so
the mapping reads the field names providers commonly use, first match wins:

    id         id, _id, uid, gid, key, Id, resourceName          (else a digest of the record)
    title      title, name, subject, summary, displayName, ...  (else the id)
    snippet    snippet, description, excerpt, preview, text, body, content (first 300 chars)
    url        url, html_url, webUrl, webViewLink, permalink, link, ... (http(s) only)
    updatedAt  updatedAt, updated_at, modifiedTime, lastModified, ..., createdAt (ISO 8601, UTC)
    score      score, _score, relevance                          (numbers only)
    entity     the record's own type (type, object, kind, entity, _type), else the template's
               first data entity, else "item"

`raw` is the record itself when its JSON is at most 2 KB, with secret-named fields masked and
any credential the hub handed out masked wherever it appears.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from hub.redaction import MASK, is_secret_key, mask_registered

RAW_MAX_BYTES = 2048
TITLE_MAX = 300
SNIPPET_MAX = 300
URL_MAX = 2048
ENTITY_MAX = 64

ID_FIELDS = ("id", "_id", "uid", "gid", "key", "Id", "ID", "resourceName")
TITLE_FIELDS = ("title", "name", "subject", "summary", "displayName", "display_name", "full_name", "fullName",
                "Name", "label", "caption", "filename", "email")
SNIPPET_FIELDS = ("snippet", "description", "excerpt", "preview", "text", "body", "content", "summary", "notes")
URL_FIELDS = ("url", "html_url", "htmlUrl", "webUrl", "web_url", "webViewLink", "permalink", "permalink_url",
              "link", "href", "share_url")
UPDATED_FIELDS = ("updatedAt", "updated_at", "updated", "modifiedTime", "modified_time", "modifiedAt", "modified",
                  "lastModified", "last_modified", "lastModifiedDateTime", "LastModifiedDate", "dateLastActivity",
                  "updated_time", "timestamp", "createdAt", "created_at", "created", "createdDateTime",
                  "create_time")
SCORE_FIELDS = ("score", "_score", "relevance")
TYPE_FIELDS = ("type", "object", "kind", "entity", "_type", "objectType", "object_type")


def scrub(value: Any, _depth: int = 0) -> Any:
    """Provider data as the API may show it: secret-named fields masked, registered credentials
    masked in text. (Not `redact`: its text patterns would eat titles such as "Basic Training".)"""
    if _depth > 20:
        return MASK
    if isinstance(value, Mapping):
        return {
            key: MASK if isinstance(key, str) and is_secret_key(key) and item not in (None, "", [], {})
            else scrub(item, _depth + 1)
            for key, item in value.items()
        }
    if isinstance(value, list | tuple):
        return [scrub(item, _depth + 1) for item in value]
    if isinstance(value, str):
        return mask_registered(value)
    return value


def _field(record: Mapping[str, Any], names: tuple[str, ...], *, skip: str | None = None) -> tuple[str | None, Any]:
    """The first of `names` that holds a value, and that value."""
    for name in names:
        if name == skip:
            continue
        value = record.get(name)
        if value not in (None, "", [], {}):
            return name, value
    return None, None


def _first(record: Mapping[str, Any], names: tuple[str, ...]) -> Any:
    return _field(record, names)[1]


def _text(value: Any, limit: int) -> str | None:
    if isinstance(value, Mapping):
        # rich-text shapes such as {"content": "..."} or Notion's title arrays are not unpicked
        value = value.get("text") or value.get("content") or value.get("value")
    if isinstance(value, bool) or value is None or isinstance(value, list | Mapping):
        return None
    text = " ".join(str(value).split())
    if not text:
        return None
    return mask_registered(text if len(text) <= limit else text[: limit - 1].rstrip() + "…")


def _url(value: Any) -> str | None:
    if not isinstance(value, str) or len(value) > URL_MAX:
        return None
    try:
        parts = urlsplit(value)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username or parts.password:
        return None
    if any(is_secret_key(name) for name, _ in parse_qsl(parts.query, keep_blank_values=True)):
        return None
    masked = mask_registered(value)
    return masked if masked == value else None


def to_datetime(value: Any) -> datetime | None:
    """ISO 8601 strings, RFC 2822 dates and epoch seconds or milliseconds → aware UTC datetime."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if not math.isfinite(value) or value <= 0:
            return None
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip() or len(value) > 64:
        return None
    text = value.strip()
    if text.isascii() and text.isdigit():  # isdigit() alone takes "²", which int() refuses
        return to_datetime(int(text))
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        try:
            parsed = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)


def iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _entity(record: Mapping[str, Any], default_entity: str) -> str:
    value = _first(record, TYPE_FIELDS)
    if isinstance(value, str) and value.strip() and len(value.strip()) <= ENTITY_MAX:
        return value.strip()
    return default_entity


def _digest(record: Mapping[str, Any]) -> str:
    canonical = json.dumps(record, sort_keys=True, default=str, separators=(",", ":"))
    return "sha1-" + hashlib.sha1(canonical.encode("utf-8"), usedforsecurity=False).hexdigest()[:20]


def _small_raw(record: Mapping[str, Any]) -> dict[str, Any] | None:
    cleaned = scrub(record)
    try:
        size = len(json.dumps(cleaned, default=str, separators=(",", ":")).encode("utf-8"))
    except (TypeError, ValueError):
        return None
    return cleaned if size <= RAW_MAX_BYTES else None


def map_item(record: Mapping[str, Any], *, integration_id: str, provider_id: str,
             default_entity: str) -> dict[str, Any]:
    """One provider record as a SearchResultItem (fields without a value are left out)."""
    raw_id = _first(record, ID_FIELDS)
    item_id = _text(raw_id, 200) if raw_id is not None else None
    item_id = item_id or _digest(record)
    title_field, title_value = _field(record, TITLE_FIELDS)
    title = _text(title_value, TITLE_MAX) or item_id
    # "summary" can be the title (calendar events) or a description (Jira): not both
    snippet = _text(_field(record, SNIPPET_FIELDS, skip=title_field)[1], SNIPPET_MAX)
    updated = to_datetime(_first(record, UPDATED_FIELDS))
    score = _first(record, SCORE_FIELDS)
    item: dict[str, Any] = {
        "id": item_id,
        "integrationId": integration_id,
        "providerId": provider_id,
        "entity": _entity(record, default_entity),
        "title": title,
        "snippet": snippet if snippet != title else None,
        "url": _url(_first(record, URL_FIELDS)),
        "updatedAt": iso(updated) if updated else None,
        "score": float(score) if isinstance(score, int | float) and not isinstance(score, bool)
        and math.isfinite(score) else None,
        "raw": _small_raw(record),
    }
    return {k: v for k, v in item.items() if v is not None}


@dataclass(frozen=True)
class Criteria:
    """What a search asks of every provider, and the hub-side filters on their answers."""

    query: str
    limit: int
    offset: int
    entities: frozenset[str] = frozenset()  # lower-cased; empty: any
    start: datetime | None = None
    end: datetime | None = None
    custom: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def build(cls, query: str, limit: int, offset: int, *, entities: Collection[str] = (),
              start: datetime | None = None, end: datetime | None = None,
              custom: Mapping[str, Any] | None = None) -> Criteria:
        return cls(query=query, limit=limit, offset=offset, entities=frozenset(e.lower() for e in entities),
                   start=start, end=end, custom=dict(custom or {}))

    @property
    def filters_results(self) -> bool:
        """Whether the hub drops some of what the providers answer (then their totals do not hold)."""
        return bool(self.entities or self.start or self.end or self.custom)

    def keeps(self, result: Mapping[str, Any], record: Mapping[str, Any], collection: str) -> bool:
        """Whether a mapped result passes the filters. An entity filter matches the result's own
        type or the integration's collection (`items` keeps every sandbox result)."""
        if self.entities and not ({str(result.get("entity", "")).lower(), collection.lower()} & self.entities):
            return False
        if self.start or self.end:
            moment = to_datetime(result.get("updatedAt"))
            if moment is None or (self.start and moment < self.start) or (self.end and moment > self.end):
                return False
        return all(values_equal(record.get(name), wanted) for name, wanted in self.custom.items())


def values_equal(actual: Any, wanted: Any) -> bool:
    """Filter equality: booleans only equal booleans, numbers compare as numbers, text ignores case."""
    if isinstance(wanted, bool) or isinstance(actual, bool):
        return actual is wanted
    if isinstance(wanted, int | float) and isinstance(actual, int | float):
        return float(actual) == float(wanted)
    if isinstance(wanted, str) and isinstance(actual, str):
        return actual.casefold() == wanted.casefold()
    return actual == wanted
