from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.catalog_entry import CatalogEntry





T = TypeVar("T", bound="CatalogList")



@_attrs_define
class CatalogList:
    """ 
        Attributes:
            total (int):
            limit (int):
            offset (int):
            has_more (bool):
            providers (list[CatalogEntry]):
            next_offset (int | None | Unset): The offset of the next page; null on the last
     """

    total: int
    limit: int
    offset: int
    has_more: bool
    providers: list[CatalogEntry]
    next_offset: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.catalog_entry import CatalogEntry # noqa: PLC0415
        total = self.total

        limit = self.limit

        offset = self.offset

        has_more = self.has_more

        providers = []
        for providers_item_data in self.providers:
            providers_item = providers_item_data.to_dict()
            providers.append(providers_item)



        next_offset: int | None | Unset
        if isinstance(self.next_offset, Unset):
            next_offset = UNSET
        else:
            next_offset = self.next_offset


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "total": total,
            "limit": limit,
            "offset": offset,
            "hasMore": has_more,
            "providers": providers,
        })
        if next_offset is not UNSET:
            field_dict["nextOffset"] = next_offset

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.catalog_entry import CatalogEntry # noqa: PLC0415
        d = dict(src_dict)
        total = d.pop("total")

        limit = d.pop("limit")

        offset = d.pop("offset")

        has_more = d.pop("hasMore")

        providers = []
        _providers = d.pop("providers")
        for providers_item_data in (_providers):
            providers_item = CatalogEntry.from_dict(providers_item_data)



            providers.append(providers_item)


        def _parse_next_offset(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        next_offset = _parse_next_offset(d.pop("nextOffset", UNSET))


        catalog_list = cls(
            total=total,
            limit=limit,
            offset=offset,
            has_more=has_more,
            providers=providers,
            next_offset=next_offset,
        )


        catalog_list.additional_properties = d
        return catalog_list

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
