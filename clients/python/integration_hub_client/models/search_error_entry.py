from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.search_error_entry_details import SearchErrorEntryDetails





T = TypeVar("T", bound="SearchErrorEntry")



@_attrs_define
class SearchErrorEntry:
    """ Why one integration gave no results; the others still answer.

        Attributes:
            code (str):
            message (str):
            integration_id (None | str | Unset):
            provider_id (None | str | Unset):
            details (SearchErrorEntryDetails | Unset):
     """

    code: str
    message: str
    integration_id: None | str | Unset = UNSET
    provider_id: None | str | Unset = UNSET
    details: SearchErrorEntryDetails | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.search_error_entry_details import SearchErrorEntryDetails # noqa: PLC0415
        code = self.code

        message = self.message

        integration_id: None | str | Unset
        if isinstance(self.integration_id, Unset):
            integration_id = UNSET
        else:
            integration_id = self.integration_id

        provider_id: None | str | Unset
        if isinstance(self.provider_id, Unset):
            provider_id = UNSET
        else:
            provider_id = self.provider_id

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "message": message,
        })
        if integration_id is not UNSET:
            field_dict["integrationId"] = integration_id
        if provider_id is not UNSET:
            field_dict["providerId"] = provider_id
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.search_error_entry_details import SearchErrorEntryDetails # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        def _parse_integration_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        integration_id = _parse_integration_id(d.pop("integrationId", UNSET))


        def _parse_provider_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        provider_id = _parse_provider_id(d.pop("providerId", UNSET))


        _details = d.pop("details", UNSET)
        details: SearchErrorEntryDetails | Unset
        if isinstance(_details,  Unset):
            details = UNSET
        else:
            details = SearchErrorEntryDetails.from_dict(_details)




        search_error_entry = cls(
            code=code,
            message=message,
            integration_id=integration_id,
            provider_id=provider_id,
            details=details,
        )


        search_error_entry.additional_properties = d
        return search_error_entry

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
