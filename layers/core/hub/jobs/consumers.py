"""Consumed events: `user.deleted` and `content.published`, from other services' sources
on the hub's bus. Their `detail` is validated; a detail that does not fit is logged and dropped
(retrying it would never help), while a failure of our own is raised so EventBridge retries the
delivery (both handlers are idempotent).

- `user.deleted`  {tenantId, userId}: that user's connections are disconnected (revoked at the
  provider where it supports it, secret deleted, `integration.disconnected` published).
- `content.published` {tenantId, contentId, ...}: a sync (trigger "event") of each of the
  tenant's enabled integrations whose provider can publish (template `capabilities.publish`)
  and has a sync request, each leaving a sync log.
"""

from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic import ValidationError as PydanticValidationError

from hub.connections.disconnect import disconnect_connection
from hub.connections.repository import ConnectionRepository
from hub.connections.spec import provider_spec_for
from hub.errors import HubError
from hub.integrations.repository import IntegrationRepository
from hub.jobs.sync import run_sync, template_of
from hub.observability import logger

Identifier = Field(min_length=1, max_length=128, pattern=r"^[^#\s]+$")


class UserDeleted(BaseModel):
    # other services may add fields; we only need these
    model_config = ConfigDict(defer_build=True, extra="ignore")

    tenantId: str = Identifier
    userId: str = Identifier


class ContentPublished(BaseModel):
    model_config = ConfigDict(defer_build=True, extra="ignore")

    tenantId: str = Identifier
    contentId: str = Field(min_length=1, max_length=256)
    contentType: str | None = Field(default=None, max_length=64)
    title: str | None = Field(default=None, max_length=500)
    url: str | None = Field(default=None, max_length=2048)


class ConsumerFailed(RuntimeError):
    """Some of the work failed: raised so the event is delivered again."""


def _detail(event: dict[str, Any]) -> dict[str, Any]:
    detail = event.get("detail")
    return detail if isinstance(detail, dict) else {}


def on_user_deleted(event: dict[str, Any]) -> dict[str, Any]:
    try:
        detail = UserDeleted.model_validate(_detail(event))
    except PydanticValidationError as error:
        logger.warning("user.deleted event ignored: detail does not fit",
                       extra={"eventId": event.get("id"), "errors": [e["loc"] for e in error.errors()]})
        return {"ignored": True, "removed": 0}
    removed = skipped = 0
    failed: list[str] = []
    # the user index (GSI1 `TENANT#{t}#USER#{u}`) holds exactly that user's connections in that tenant
    for record in ConnectionRepository().list_for_user(detail.tenantId, detail.userId):
        if record.get("status") == "disconnected":
            skipped += 1
            continue
        try:
            disconnect_connection(record, reason="user deleted", actor=None)
            removed += 1
        except Exception:  # noqa: BLE001 - finish the others, then ask for a redelivery
            logger.exception("connection of a deleted user not removed",
                             extra={"tenantId": detail.tenantId, "integrationId": record.get("integrationId")})
            failed.append(str(record.get("integrationId")))
    result = {"tenantId": detail.tenantId, "removed": removed, "alreadyRemoved": skipped, "failed": len(failed)}
    logger.info("user.deleted handled", extra={"userDeleted": result})
    if failed:
        raise ConsumerFailed(f"{len(failed)} connection(s) of the deleted user could not be removed")
    return result


def publishing_integrations(tenant_id: str) -> list[dict[str, Any]]:
    """The tenant's enabled integrations whose provider can publish and has a sync request."""

    selected = []
    for integration in IntegrationRepository().list_integrations(tenant_id):
        if integration.get("enabled") is False or integration.get("status") == "disabled":
            continue
        try:
            template = template_of(provider_spec_for(integration))
        except HubError:
            continue
        if template is not None and template.capabilities.publish and template.sync is not None:
            selected.append(integration)
    return selected


def on_content_published(event: dict[str, Any]) -> dict[str, Any]:
    try:
        detail = ContentPublished.model_validate(_detail(event))
    except PydanticValidationError as error:
        logger.warning("content.published event ignored: detail does not fit",
                       extra={"eventId": event.get("id"), "errors": [e["loc"] for e in error.errors()]})
        return {"ignored": True, "synced": 0}
    results: dict[str, str] = {}
    for integration in publishing_integrations(detail.tenantId):
        try:
            log = run_sync(detail.tenantId, integration["id"], trigger="event",
                           details={"event": "content.published", "contentId": detail.contentId,
                                    "eventId": event.get("id")})
            results[integration["id"]] = log["status"]
        except HubError as error:
            # logged as a failed sync when it ran; a missing connection is just skipped
            results[integration["id"]] = error.code
    result = {"tenantId": detail.tenantId, "contentId": detail.contentId, "integrations": results}
    logger.info("content.published handled", extra={"contentPublished": result})
    return result
