from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.search_result_item import SearchResultItem





T = TypeVar("T", bound="IntegrationSearchAnswer")



@_attrs_define
class IntegrationSearchAnswer:
    """ 
        Attributes:
            integration_id (str):
            results (list[SearchResultItem]):
            total (int):
            took (int): Milliseconds
            has_more (bool):
     """

    integration_id: str
    results: list[SearchResultItem]
    total: int
    took: int
    has_more: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.search_result_item import SearchResultItem # noqa: PLC0415
        integration_id = self.integration_id

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)



        total = self.total

        took = self.took

        has_more = self.has_more


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "integrationId": integration_id,
            "results": results,
            "total": total,
            "took": took,
            "hasMore": has_more,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.search_result_item import SearchResultItem # noqa: PLC0415
        d = dict(src_dict)
        integration_id = d.pop("integrationId")

        results = []
        _results = d.pop("results")
        for results_item_data in (_results):
            results_item = SearchResultItem.from_dict(results_item_data)



            results.append(results_item)


        total = d.pop("total")

        took = d.pop("took")

        has_more = d.pop("hasMore")

        integration_search_answer = cls(
            integration_id=integration_id,
            results=results,
            total=total,
            took=took,
            has_more=has_more,
        )


        integration_search_answer.additional_properties = d
        return integration_search_answer

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
