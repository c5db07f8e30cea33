from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.audit_change import AuditChange
  from ..models.audit_log_view_actor import AuditLogViewActor
  from ..models.audit_log_view_target import AuditLogViewTarget





T = TypeVar("T", bound="AuditLogView")



@_attrs_define
class AuditLogView:
    """ 
        Attributes:
            id (str):
            tenant_id (str):
            actor (AuditLogViewActor): userId, roles and the token's subject
            action (str):
            target (AuditLogViewTarget): route and path parameters of the request
            created_at (str):
            changes (list[AuditChange] | Unset):
            request_id (None | str | Unset):
            status_code (int | None | Unset):
            source_ip (None | str | Unset):
     """

    id: str
    tenant_id: str
    actor: AuditLogViewActor
    action: str
    target: AuditLogViewTarget
    created_at: str
    changes: list[AuditChange] | Unset = UNSET
    request_id: None | str | Unset = UNSET
    status_code: int | None | Unset = UNSET
    source_ip: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_change import AuditChange # noqa: PLC0415
        from ..models.audit_log_view_actor import AuditLogViewActor # noqa: PLC0415
        from ..models.audit_log_view_target import AuditLogViewTarget # noqa: PLC0415
        id = self.id

        tenant_id = self.tenant_id

        actor = self.actor.to_dict()

        action = self.action

        target = self.target.to_dict()

        created_at = self.created_at

        changes: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.changes, Unset):
            changes = []
            for changes_item_data in self.changes:
                changes_item = changes_item_data.to_dict()
                changes.append(changes_item)



        request_id: None | str | Unset
        if isinstance(self.request_id, Unset):
            request_id = UNSET
        else:
            request_id = self.request_id

        status_code: int | None | Unset
        if isinstance(self.status_code, Unset):
            status_code = UNSET
        else:
            status_code = self.status_code

        source_ip: None | str | Unset
        if isinstance(self.source_ip, Unset):
            source_ip = UNSET
        else:
            source_ip = self.source_ip


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "tenantId": tenant_id,
            "actor": actor,
            "action": action,
            "target": target,
            "createdAt": created_at,
        })
        if changes is not UNSET:
            field_dict["changes"] = changes
        if request_id is not UNSET:
            field_dict["requestId"] = request_id
        if status_code is not UNSET:
            field_dict["statusCode"] = status_code
        if source_ip is not UNSET:
            field_dict["sourceIp"] = source_ip

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_change import AuditChange # noqa: PLC0415
        from ..models.audit_log_view_actor import AuditLogViewActor # noqa: PLC0415
        from ..models.audit_log_view_target import AuditLogViewTarget # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        tenant_id = d.pop("tenantId")

        actor = AuditLogViewActor.from_dict(d.pop("actor"))




        action = d.pop("action")

        target = AuditLogViewTarget.from_dict(d.pop("target"))




        created_at = d.pop("createdAt")

        _changes = d.pop("changes", UNSET)
        changes: list[AuditChange] | Unset = UNSET
        if _changes is not UNSET:
            changes = []
            for changes_item_data in _changes:
                changes_item = AuditChange.from_dict(changes_item_data)



                changes.append(changes_item)


        def _parse_request_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        request_id = _parse_request_id(d.pop("requestId", UNSET))


        def _parse_status_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        status_code = _parse_status_code(d.pop("statusCode", UNSET))


        def _parse_source_ip(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_ip = _parse_source_ip(d.pop("sourceIp", UNSET))


        audit_log_view = cls(
            id=id,
            tenant_id=tenant_id,
            actor=actor,
            action=action,
            target=target,
            created_at=created_at,
            changes=changes,
            request_id=request_id,
            status_code=status_code,
            source_ip=source_ip,
        )


        audit_log_view.additional_properties = d
        return audit_log_view

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
