from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.refresh_result_outcome import RefreshResultOutcome
from ..models.refresh_result_status import RefreshResultStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="RefreshResult")



@_attrs_define
class RefreshResult:
    """ 
        Attributes:
            refreshed (bool):
            outcome (RefreshResultOutcome):
            status (RefreshResultStatus):
            expires_at (None | str | Unset):
            last_refreshed_at (None | str | Unset):
            connection_id (None | str | Unset):
     """

    refreshed: bool
    outcome: RefreshResultOutcome
    status: RefreshResultStatus
    expires_at: None | str | Unset = UNSET
    last_refreshed_at: None | str | Unset = UNSET
    connection_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        refreshed = self.refreshed

        outcome = self.outcome.value

        status = self.status.value

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        else:
            expires_at = self.expires_at

        last_refreshed_at: None | str | Unset
        if isinstance(self.last_refreshed_at, Unset):
            last_refreshed_at = UNSET
        else:
            last_refreshed_at = self.last_refreshed_at

        connection_id: None | str | Unset
        if isinstance(self.connection_id, Unset):
            connection_id = UNSET
        else:
            connection_id = self.connection_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "refreshed": refreshed,
            "outcome": outcome,
            "status": status,
        })
        if expires_at is not UNSET:
            field_dict["expiresAt"] = expires_at
        if last_refreshed_at is not UNSET:
            field_dict["lastRefreshedAt"] = last_refreshed_at
        if connection_id is not UNSET:
            field_dict["connectionId"] = connection_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        refreshed = d.pop("refreshed")

        outcome = RefreshResultOutcome(d.pop("outcome"))




        status = RefreshResultStatus(d.pop("status"))




        def _parse_expires_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expires_at = _parse_expires_at(d.pop("expiresAt", UNSET))


        def _parse_last_refreshed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_refreshed_at = _parse_last_refreshed_at(d.pop("lastRefreshedAt", UNSET))


        def _parse_connection_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        connection_id = _parse_connection_id(d.pop("connectionId", UNSET))


        refresh_result = cls(
            refreshed=refreshed,
            outcome=outcome,
            status=status,
            expires_at=expires_at,
            last_refreshed_at=last_refreshed_at,
            connection_id=connection_id,
        )


        refresh_result.additional_properties = d
        return refresh_result

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
