from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.search_filters import SearchFilters





T = TypeVar("T", bound="SearchRequest")



@_attrs_define
class SearchRequest:
    """ POST /api/integrations/search.

        Attributes:
            query (str): Search text (1-500 characters)
            integrations (list[str] | None | Unset): Only these integration ids
            entities (list[str] | None | Unset): Only results of these entity types
            filters (None | SearchFilters | Unset):
            limit (int | Unset): Max results per integration Default: 10.
            offset (int | Unset): Results to skip, per integration Default: 0.
     """

    query: str
    integrations: list[str] | None | Unset = UNSET
    entities: list[str] | None | Unset = UNSET
    filters: None | SearchFilters | Unset = UNSET
    limit: int | Unset = 10
    offset: int | Unset = 0





    def to_dict(self) -> dict[str, Any]:
        from ..models.search_filters import SearchFilters # noqa: PLC0415
        query = self.query

        integrations: list[str] | None | Unset
        if isinstance(self.integrations, Unset):
            integrations = UNSET
        elif isinstance(self.integrations, list):
            integrations = self.integrations


        else:
            integrations = self.integrations

        entities: list[str] | None | Unset
        if isinstance(self.entities, Unset):
            entities = UNSET
        elif isinstance(self.entities, list):
            entities = self.entities


        else:
            entities = self.entities

        filters: dict[str, Any] | None | Unset
        if isinstance(self.filters, Unset):
            filters = UNSET
        elif isinstance(self.filters, SearchFilters):
            filters = self.filters.to_dict()
        else:
            filters = self.filters

        limit = self.limit

        offset = self.offset


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "query": query,
        })
        if integrations is not UNSET:
            field_dict["integrations"] = integrations
        if entities is not UNSET:
            field_dict["entities"] = entities
        if filters is not UNSET:
            field_dict["filters"] = filters
        if limit is not UNSET:
            field_dict["limit"] = limit
        if offset is not UNSET:
            field_dict["offset"] = offset

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.search_filters import SearchFilters # noqa: PLC0415
        d = dict(src_dict)
        query = d.pop("query")

        def _parse_integrations(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                integrations_type_0 = cast(list[str], data)

                return integrations_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        integrations = _parse_integrations(d.pop("integrations", UNSET))


        def _parse_entities(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                entities_type_0 = cast(list[str], data)

                return entities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        entities = _parse_entities(d.pop("entities", UNSET))


        def _parse_filters(data: object) -> None | SearchFilters | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                filters_type_0 = SearchFilters.from_dict(data)



                return filters_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SearchFilters | Unset, data)

        filters = _parse_filters(d.pop("filters", UNSET))


        limit = d.pop("limit", UNSET)

        offset = d.pop("offset", UNSET)

        search_request = cls(
            query=query,
            integrations=integrations,
            entities=entities,
            filters=filters,
            limit=limit,
            offset=offset,
        )

        return search_request

