from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.audit_change_diff import AuditChangeDiff





T = TypeVar("T", bound="AuditChange")



@_attrs_define
class AuditChange:
    """ 
        Attributes:
            target_type (None | str | Unset):
            target_id (None | str | Unset):
            diff (AuditChangeDiff | Unset): field → {from, to}, secrets masked
     """

    target_type: None | str | Unset = UNSET
    target_id: None | str | Unset = UNSET
    diff: AuditChangeDiff | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_change_diff import AuditChangeDiff # noqa: PLC0415
        target_type: None | str | Unset
        if isinstance(self.target_type, Unset):
            target_type = UNSET
        else:
            target_type = self.target_type

        target_id: None | str | Unset
        if isinstance(self.target_id, Unset):
            target_id = UNSET
        else:
            target_id = self.target_id

        diff: dict[str, Any] | Unset = UNSET
        if not isinstance(self.diff, Unset):
            diff = self.diff.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if target_type is not UNSET:
            field_dict["targetType"] = target_type
        if target_id is not UNSET:
            field_dict["targetId"] = target_id
        if diff is not UNSET:
            field_dict["diff"] = diff

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_change_diff import AuditChangeDiff # noqa: PLC0415
        d = dict(src_dict)
        def _parse_target_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target_type = _parse_target_type(d.pop("targetType", UNSET))


        def _parse_target_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target_id = _parse_target_id(d.pop("targetId", UNSET))


        _diff = d.pop("diff", UNSET)
        diff: AuditChangeDiff | Unset
        if isinstance(_diff,  Unset):
            diff = UNSET
        else:
            diff = AuditChangeDiff.from_dict(_diff)




        audit_change = cls(
            target_type=target_type,
            target_id=target_id,
            diff=diff,
        )


        audit_change.additional_properties = d
        return audit_change

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
