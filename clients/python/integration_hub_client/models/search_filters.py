from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.date_range import DateRange
  from ..models.search_filters_custom_filters_type_0 import SearchFiltersCustomFiltersType0





T = TypeVar("T", bound="SearchFilters")



@_attrs_define
class SearchFilters:
    """ 
        Attributes:
            date_range (DateRange | None | Unset): Keep results updated within this range
            entity_types (list[str] | None | Unset): Same as `entities` (the two are combined)
            custom_filters (None | SearchFiltersCustomFiltersType0 | Unset): Field → value a result's provider record must
                hold (top-level fields)
     """

    date_range: DateRange | None | Unset = UNSET
    entity_types: list[str] | None | Unset = UNSET
    custom_filters: None | SearchFiltersCustomFiltersType0 | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.date_range import DateRange # noqa: PLC0415
        from ..models.search_filters_custom_filters_type_0 import SearchFiltersCustomFiltersType0 # noqa: PLC0415
        date_range: dict[str, Any] | None | Unset
        if isinstance(self.date_range, Unset):
            date_range = UNSET
        elif isinstance(self.date_range, DateRange):
            date_range = self.date_range.to_dict()
        else:
            date_range = self.date_range

        entity_types: list[str] | None | Unset
        if isinstance(self.entity_types, Unset):
            entity_types = UNSET
        elif isinstance(self.entity_types, list):
            entity_types = self.entity_types


        else:
            entity_types = self.entity_types

        custom_filters: dict[str, Any] | None | Unset
        if isinstance(self.custom_filters, Unset):
            custom_filters = UNSET
        elif isinstance(self.custom_filters, SearchFiltersCustomFiltersType0):
            custom_filters = self.custom_filters.to_dict()
        else:
            custom_filters = self.custom_filters


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if date_range is not UNSET:
            field_dict["dateRange"] = date_range
        if entity_types is not UNSET:
            field_dict["entityTypes"] = entity_types
        if custom_filters is not UNSET:
            field_dict["customFilters"] = custom_filters

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.date_range import DateRange # noqa: PLC0415
        from ..models.search_filters_custom_filters_type_0 import SearchFiltersCustomFiltersType0 # noqa: PLC0415
        d = dict(src_dict)
        def _parse_date_range(data: object) -> DateRange | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                date_range_type_0 = DateRange.from_dict(data)



                return date_range_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DateRange | None | Unset, data)

        date_range = _parse_date_range(d.pop("dateRange", UNSET))


        def _parse_entity_types(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                entity_types_type_0 = cast(list[str], data)

                return entity_types_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        entity_types = _parse_entity_types(d.pop("entityTypes", UNSET))


        def _parse_custom_filters(data: object) -> None | SearchFiltersCustomFiltersType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custom_filters_type_0 = SearchFiltersCustomFiltersType0.from_dict(data)



                return custom_filters_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SearchFiltersCustomFiltersType0 | Unset, data)

        custom_filters = _parse_custom_filters(d.pop("customFilters", UNSET))


        search_filters = cls(
            date_range=date_range,
            entity_types=entity_types,
            custom_filters=custom_filters,
        )

        return search_filters

