from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ConnectionCounts")



@_attrs_define
class ConnectionCounts:
    """ A user-scoped integration's connections by health status.

        Attributes:
            total (int):
            active (int):
            error (int):
            expired (int):
            pending (int):
     """

    total: int
    active: int
    error: int
    expired: int
    pending: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        total = self.total

        active = self.active

        error = self.error

        expired = self.expired

        pending = self.pending


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "total": total,
            "active": active,
            "error": error,
            "expired": expired,
            "pending": pending,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total = d.pop("total")

        active = d.pop("active")

        error = d.pop("error")

        expired = d.pop("expired")

        pending = d.pop("pending")

        connection_counts = cls(
            total=total,
            active=active,
            error=error,
            expired=expired,
            pending=pending,
        )


        connection_counts.additional_properties = d
        return connection_counts

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
