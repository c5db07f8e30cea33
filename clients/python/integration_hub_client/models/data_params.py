from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.data_params_filters_type_0 import DataParamsFiltersType0





T = TypeVar("T", bound="DataParams")



@_attrs_define
class DataParams:
    """ 
        Attributes:
            entity (str): One of the provider's data entities, e.g. items, contacts
            fields (list[str] | None | Unset): Comma-separated fields to keep
            filters (DataParamsFiltersType0 | None | Unset): JSON object (at most 2 KB) of field → value, e.g.
                {"type":"task"}
            limit (int | Unset):  Default: 10.
     """

    entity: str
    fields: list[str] | None | Unset = UNSET
    filters: DataParamsFiltersType0 | None | Unset = UNSET
    limit: int | Unset = 10





    def to_dict(self) -> dict[str, Any]:
        from ..models.data_params_filters_type_0 import DataParamsFiltersType0 # noqa: PLC0415
        entity = self.entity

        fields: list[str] | None | Unset
        if isinstance(self.fields, Unset):
            fields = UNSET
        elif isinstance(self.fields, list):
            fields = self.fields


        else:
            fields = self.fields

        filters: dict[str, Any] | None | Unset
        if isinstance(self.filters, Unset):
            filters = UNSET
        elif isinstance(self.filters, DataParamsFiltersType0):
            filters = self.filters.to_dict()
        else:
            filters = self.filters

        limit = self.limit


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "entity": entity,
        })
        if fields is not UNSET:
            field_dict["fields"] = fields
        if filters is not UNSET:
            field_dict["filters"] = filters
        if limit is not UNSET:
            field_dict["limit"] = limit

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.data_params_filters_type_0 import DataParamsFiltersType0 # noqa: PLC0415
        d = dict(src_dict)
        entity = d.pop("entity")

        def _parse_fields(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                fields_type_0 = cast(list[str], data)

                return fields_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        fields = _parse_fields(d.pop("fields", UNSET))


        def _parse_filters(data: object) -> DataParamsFiltersType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                filters_type_0 = DataParamsFiltersType0.from_dict(data)



                return filters_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DataParamsFiltersType0 | None | Unset, data)

        filters = _parse_filters(d.pop("filters", UNSET))


        limit = d.pop("limit", UNSET)

        data_params = cls(
            entity=entity,
            fields=fields,
            filters=filters,
            limit=limit,
        )

        return data_params

