from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IntegrationSearchParams")



@_attrs_define
class IntegrationSearchParams:
    """ GET /api/integrations/{id}/search query string.

        Attributes:
            query (str):
            entities (list[str] | None | Unset): Comma-separated
            limit (int | Unset):  Default: 10.
            offset (int | Unset):  Default: 0.
     """

    query: str
    entities: list[str] | None | Unset = UNSET
    limit: int | Unset = 10
    offset: int | Unset = 0





    def to_dict(self) -> dict[str, Any]:
        query = self.query

        entities: list[str] | None | Unset
        if isinstance(self.entities, Unset):
            entities = UNSET
        elif isinstance(self.entities, list):
            entities = self.entities


        else:
            entities = self.entities

        limit = self.limit

        offset = self.offset


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "query": query,
        })
        if entities is not UNSET:
            field_dict["entities"] = entities
        if limit is not UNSET:
            field_dict["limit"] = limit
        if offset is not UNSET:
            field_dict["offset"] = offset

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        query = d.pop("query")

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


        limit = d.pop("limit", UNSET)

        offset = d.pop("offset", UNSET)

        integration_search_params = cls(
            query=query,
            entities=entities,
            limit=limit,
            offset=offset,
        )

        return integration_search_params

