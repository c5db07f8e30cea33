from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.sync_log_details import SyncLogDetails





T = TypeVar("T", bound="SyncLog")



@_attrs_define
class SyncLog:
    """ 
        Attributes:
            id (str):
            tenant_id (str):
            integration_id (str):
            direction (str):
            trigger (str):
            status (str): running, success, partial or failed
            items_processed (int):
            items_failed (int):
            started_at (str):
            provider_id (None | str | Unset):
            user_id (None | str | Unset):
            connection_id (None | str | Unset):
            action (None | str | Unset):
            resource_type (None | str | Unset):
            completed_at (None | str | Unset):
            duration_ms (int | None | Unset):
            error (None | str | Unset):
            actor (None | str | Unset):
            details (SyncLogDetails | Unset):
     """

    id: str
    tenant_id: str
    integration_id: str
    direction: str
    trigger: str
    status: str
    items_processed: int
    items_failed: int
    started_at: str
    provider_id: None | str | Unset = UNSET
    user_id: None | str | Unset = UNSET
    connection_id: None | str | Unset = UNSET
    action: None | str | Unset = UNSET
    resource_type: None | str | Unset = UNSET
    completed_at: None | str | Unset = UNSET
    duration_ms: int | None | Unset = UNSET
    error: None | str | Unset = UNSET
    actor: None | str | Unset = UNSET
    details: SyncLogDetails | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.sync_log_details import SyncLogDetails # noqa: PLC0415
        id = self.id

        tenant_id = self.tenant_id

        integration_id = self.integration_id

        direction = self.direction

        trigger = self.trigger

        status = self.status

        items_processed = self.items_processed

        items_failed = self.items_failed

        started_at = self.started_at

        provider_id: None | str | Unset
        if isinstance(self.provider_id, Unset):
            provider_id = UNSET
        else:
            provider_id = self.provider_id

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        connection_id: None | str | Unset
        if isinstance(self.connection_id, Unset):
            connection_id = UNSET
        else:
            connection_id = self.connection_id

        action: None | str | Unset
        if isinstance(self.action, Unset):
            action = UNSET
        else:
            action = self.action

        resource_type: None | str | Unset
        if isinstance(self.resource_type, Unset):
            resource_type = UNSET
        else:
            resource_type = self.resource_type

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        else:
            completed_at = self.completed_at

        duration_ms: int | None | Unset
        if isinstance(self.duration_ms, Unset):
            duration_ms = UNSET
        else:
            duration_ms = self.duration_ms

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        actor: None | str | Unset
        if isinstance(self.actor, Unset):
            actor = UNSET
        else:
            actor = self.actor

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "tenantId": tenant_id,
            "integrationId": integration_id,
            "direction": direction,
            "trigger": trigger,
            "status": status,
            "itemsProcessed": items_processed,
            "itemsFailed": items_failed,
            "startedAt": started_at,
        })
        if provider_id is not UNSET:
            field_dict["providerId"] = provider_id
        if user_id is not UNSET:
            field_dict["userId"] = user_id
        if connection_id is not UNSET:
            field_dict["connectionId"] = connection_id
        if action is not UNSET:
            field_dict["action"] = action
        if resource_type is not UNSET:
            field_dict["resourceType"] = resource_type
        if completed_at is not UNSET:
            field_dict["completedAt"] = completed_at
        if duration_ms is not UNSET:
            field_dict["durationMs"] = duration_ms
        if error is not UNSET:
            field_dict["error"] = error
        if actor is not UNSET:
            field_dict["actor"] = actor
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sync_log_details import SyncLogDetails # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenantId")

        integration_id = d.pop("integrationId")

        direction = d.pop("direction")

        trigger = d.pop("trigger")

        status = d.pop("status")

        items_processed = d.pop("itemsProcessed")

        items_failed = d.pop("itemsFailed")

        started_at = d.pop("startedAt")

        def _parse_provider_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_id = _parse_provider_id(d.pop("providerId", UNSET))


        def _parse_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_id = _parse_user_id(d.pop("userId", UNSET))


        def _parse_connection_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        connection_id = _parse_connection_id(d.pop("connectionId", UNSET))


        def _parse_action(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        action = _parse_action(d.pop("action", UNSET))


        def _parse_resource_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        resource_type = _parse_resource_type(d.pop("resourceType", UNSET))


        def _parse_completed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        completed_at = _parse_completed_at(d.pop("completedAt", UNSET))


        def _parse_duration_ms(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        duration_ms = _parse_duration_ms(d.pop("durationMs", UNSET))


        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        def _parse_actor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        actor = _parse_actor(d.pop("actor", UNSET))


        _details = d.pop("details", UNSET)
        details: SyncLogDetails | Unset
        if isinstance(_details,  Unset):
            details = UNSET
        else:
            details = SyncLogDetails.from_dict(_details)




        sync_log = cls(
            id=id,
            tenant_id=tenant_id,
            integration_id=integration_id,
            direction=direction,
            trigger=trigger,
            status=status,
            items_processed=items_processed,
            items_failed=items_failed,
            started_at=started_at,
            provider_id=provider_id,
            user_id=user_id,
            connection_id=connection_id,
            action=action,
            resource_type=resource_type,
            completed_at=completed_at,
            duration_ms=duration_ms,
            error=error,
            actor=actor,
            details=details,
        )


        sync_log.additional_properties = d
        return sync_log

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
