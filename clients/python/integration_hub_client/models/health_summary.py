from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="HealthSummary")



@_attrs_define
class HealthSummary:
    """ 
        Attributes:
            total (int):
            healthy (int):
            active (int):
            inactive (int):
            error (int):
            pending (int):
            expired (int):
     """

    total: int
    healthy: int
    active: int
    inactive: int
    error: int
    pending: int
    expired: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        total = self.total

        healthy = self.healthy

        active = self.active

        inactive = self.inactive

        error = self.error

        pending = self.pending

        expired = self.expired


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "total": total,
            "healthy": healthy,
            "active": active,
            "inactive": inactive,
            "error": error,
            "pending": pending,
            "expired": expired,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total = d.pop("total")

        healthy = d.pop("healthy")

        active = d.pop("active")

        inactive = d.pop("inactive")

        error = d.pop("error")

        pending = d.pop("pending")

        expired = d.pop("expired")

        health_summary = cls(
            total=total,
            healthy=healthy,
            active=active,
            inactive=inactive,
            error=error,
            pending=pending,
            expired=expired,
        )


        health_summary.additional_properties = d
        return health_summary

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
