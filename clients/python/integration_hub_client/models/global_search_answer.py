from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.global_search_answer_byentity import GlobalSearchAnswerByentity
  from ..models.global_search_answer_byintegration import GlobalSearchAnswerByintegration
  from ..models.search_error_entry import SearchErrorEntry
  from ..models.search_result_item import SearchResultItem





T = TypeVar("T", bound="GlobalSearchAnswer")



@_attrs_define
class GlobalSearchAnswer:
    """ 
        Attributes:
            results (list[SearchResultItem]):
            total (int):
            took (int): Milliseconds
            has_more (bool):
            by_integration (GlobalSearchAnswerByintegration):
            by_entity (GlobalSearchAnswerByentity):
            errors (list[SearchErrorEntry]):
     """

    results: list[SearchResultItem]
    total: int
    took: int
    has_more: bool
    by_integration: GlobalSearchAnswerByintegration
    by_entity: GlobalSearchAnswerByentity
    errors: list[SearchErrorEntry]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.global_search_answer_byentity import GlobalSearchAnswerByentity # noqa: PLC0415
        from ..models.global_search_answer_byintegration import GlobalSearchAnswerByintegration # noqa: PLC0415
        from ..models.search_error_entry import SearchErrorEntry # noqa: PLC0415
        from ..models.search_result_item import SearchResultItem # noqa: PLC0415
        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)



        total = self.total

        took = self.took

        has_more = self.has_more

        by_integration = self.by_integration.to_dict()

        by_entity = self.by_entity.to_dict()

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "results": results,
            "total": total,
            "took": took,
            "hasMore": has_more,
            "byIntegration": by_integration,
            "byEntity": by_entity,
            "errors": errors,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.global_search_answer_byentity import GlobalSearchAnswerByentity # noqa: PLC0415
        from ..models.global_search_answer_byintegration import GlobalSearchAnswerByintegration # noqa: PLC0415
        from ..models.search_error_entry import SearchErrorEntry # noqa: PLC0415
        from ..models.search_result_item import SearchResultItem # noqa: PLC0415
        d = dict(src_dict)
        results = []
        _results = d.pop("results")
        for results_item_data in (_results):
            results_item = SearchResultItem.from_dict(results_item_data)



            results.append(results_item)


        total = d.pop("total")

        took = d.pop("took")

        has_more = d.pop("hasMore")

        by_integration = GlobalSearchAnswerByintegration.from_dict(d.pop("byIntegration"))




        by_entity = GlobalSearchAnswerByentity.from_dict(d.pop("byEntity"))




        errors = []
        _errors = d.pop("errors")
        for errors_item_data in (_errors):
            errors_item = SearchErrorEntry.from_dict(errors_item_data)



            errors.append(errors_item)


        global_search_answer = cls(
            results=results,
            total=total,
            took=took,
            has_more=has_more,
            by_integration=by_integration,
            by_entity=by_entity,
            errors=errors,
        )


        global_search_answer.additional_properties = d
        return global_search_answer

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
