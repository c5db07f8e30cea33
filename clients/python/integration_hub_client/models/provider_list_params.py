from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.provider_list_params_audience_type_0 import ProviderListParamsAudienceType0
from ..models.provider_list_params_sortorder import ProviderListParamsSortorder
from ..models.provider_list_params_status_type_0 import ProviderListParamsStatusType0
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="ProviderListParams")



@_attrs_define
class ProviderListParams:
    """ 
        Attributes:
            limit (int | Unset):  Default: 50.
            offset (int | Unset):  Default: 0.
            sort_by (None | str | Unset):
            sort_order (ProviderListParamsSortorder | Unset):  Default: ProviderListParamsSortorder.ASC.
            category (None | str | Unset):
            status (None | ProviderListParamsStatusType0 | Unset):
            audience (None | ProviderListParamsAudienceType0 | Unset):
            search (None | str | Unset):
     """

    limit: int | Unset = 50
    offset: int | Unset = 0
    sort_by: None | str | Unset = UNSET
    sort_order: ProviderListParamsSortorder | Unset = ProviderListParamsSortorder.ASC
    category: None | str | Unset = UNSET
    status: None | ProviderListParamsStatusType0 | Unset = UNSET
    audience: None | ProviderListParamsAudienceType0 | Unset = UNSET
    search: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        limit = self.limit

        offset = self.offset

        sort_by: None | str | Unset
        if isinstance(self.sort_by, Unset):
            sort_by = UNSET
        else:
            sort_by = self.sort_by

        sort_order: str | Unset = UNSET
        if not isinstance(self.sort_order, Unset):
            sort_order = self.sort_order.value


        category: None | str | Unset
        if isinstance(self.category, Unset):
            category = UNSET
        else:
            category = self.category

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, ProviderListParamsStatusType0):
            status = self.status.value
        else:
            status = self.status

        audience: None | str | Unset
        if isinstance(self.audience, Unset):
            audience = UNSET
        elif isinstance(self.audience, ProviderListParamsAudienceType0):
            audience = self.audience.value
        else:
            audience = self.audience

        search: None | str | Unset
        if isinstance(self.search, Unset):
            search = UNSET
        else:
            search = self.search


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if limit is not UNSET:
            field_dict["limit"] = limit
        if offset is not UNSET:
            field_dict["offset"] = offset
        if sort_by is not UNSET:
            field_dict["sortBy"] = sort_by
        if sort_order is not UNSET:
            field_dict["sortOrder"] = sort_order
        if category is not UNSET:
            field_dict["category"] = category
        if status is not UNSET:
            field_dict["status"] = status
        if audience is not UNSET:
            field_dict["audience"] = audience
        if search is not UNSET:
            field_dict["search"] = search

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        limit = d.pop("limit", UNSET)

        offset = d.pop("offset", UNSET)

        def _parse_sort_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sort_by = _parse_sort_by(d.pop("sortBy", UNSET))


        _sort_order = d.pop("sortOrder", UNSET)
        sort_order: ProviderListParamsSortorder | Unset
        if isinstance(_sort_order,  Unset):
            sort_order = UNSET
        else:
            sort_order = ProviderListParamsSortorder(_sort_order)




        def _parse_category(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        category = _parse_category(d.pop("category", UNSET))


        def _parse_status(data: object) -> None | ProviderListParamsStatusType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = ProviderListParamsStatusType0(data)



                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProviderListParamsStatusType0 | Unset, data)

        status = _parse_status(d.pop("status", UNSET))


        def _parse_audience(data: object) -> None | ProviderListParamsAudienceType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                audience_type_0 = ProviderListParamsAudienceType0(data)



                return audience_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ProviderListParamsAudienceType0 | Unset, data)

        audience = _parse_audience(d.pop("audience", UNSET))


        def _parse_search(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        search = _parse_search(d.pop("search", UNSET))


        provider_list_params = cls(
            limit=limit,
            offset=offset,
            sort_by=sort_by,
            sort_order=sort_order,
            category=category,
            status=status,
            audience=audience,
            search=search,
        )

        return provider_list_params

