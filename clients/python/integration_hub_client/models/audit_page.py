from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.audit_log_view import AuditLogView





T = TypeVar("T", bound="AuditPage")



@_attrs_define
class AuditPage:
    """ 
        Attributes:
            audit_logs (list[AuditLogView]):
            limit (int):
            has_more (bool):
            next_cursor (None | str): Pass as `cursor` for the next page; null on the last page
            total (None | Unset): Not counted: the trail is read one page per request
     """

    audit_logs: list[AuditLogView]
    limit: int
    has_more: bool
    next_cursor: None | str
    total: None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_log_view import AuditLogView # noqa: PLC0415
        audit_logs = []
        for audit_logs_item_data in self.audit_logs:
            audit_logs_item = audit_logs_item_data.to_dict()
            audit_logs.append(audit_logs_item)



        limit = self.limit

        has_more = self.has_more

        next_cursor: None | str
        next_cursor = self.next_cursor

        total = self.total


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "auditLogs": audit_logs,
            "limit": limit,
            "hasMore": has_more,
            "nextCursor": next_cursor,
        })
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_log_view import AuditLogView # noqa: PLC0415
        d = dict(src_dict)
        audit_logs = []
        _audit_logs = d.pop("auditLogs")
        for audit_logs_item_data in (_audit_logs):
            audit_logs_item = AuditLogView.from_dict(audit_logs_item_data)



            audit_logs.append(audit_logs_item)


        limit = d.pop("limit")

        has_more = d.pop("hasMore")

        def _parse_next_cursor(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        next_cursor = _parse_next_cursor(d.pop("nextCursor"))


        total = d.pop("total", UNSET)

        audit_page = cls(
            audit_logs=audit_logs,
            limit=limit,
            has_more=has_more,
            next_cursor=next_cursor,
            total=total,
        )


        audit_page.additional_properties = d
        return audit_page

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
