from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.search_result_item_raw_type_0 import SearchResultItemRawType0





T = TypeVar("T", bound="SearchResultItem")



@_attrs_define
class SearchResultItem:
    """ One provider record, mapped (hub/search/mapping.py map_item): fields without a value are left out.

        Attributes:
            id (str):
            integration_id (str):
            provider_id (str):
            entity (str):
            title (str):
            snippet (None | str | Unset):
            url (None | str | Unset):
            updated_at (None | str | Unset):
            score (float | None | Unset):
            raw (None | SearchResultItemRawType0 | Unset): The record as the provider sent it (secret-named fields masked),
                when small enough
     """

    id: str
    integration_id: str
    provider_id: str
    entity: str
    title: str
    snippet: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    updated_at: None | str | Unset = UNSET
    score: float | None | Unset = UNSET
    raw: None | SearchResultItemRawType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.search_result_item_raw_type_0 import SearchResultItemRawType0 # noqa: PLC0415
        id = self.id

        integration_id = self.integration_id

        provider_id = self.provider_id

        entity = self.entity

        title = self.title

        snippet: None | str | Unset
        if isinstance(self.snippet, Unset):
            snippet = UNSET
        else:
            snippet = self.snippet

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        else:
            updated_at = self.updated_at

        score: float | None | Unset
        if isinstance(self.score, Unset):
            score = UNSET
        else:
            score = self.score

        raw: dict[str, Any] | None | Unset
        if isinstance(self.raw, Unset):
            raw = UNSET
        elif isinstance(self.raw, SearchResultItemRawType0):
            raw = self.raw.to_dict()
        else:
            raw = self.raw


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "integrationId": integration_id,
            "providerId": provider_id,
            "entity": entity,
            "title": title,
        })
        if snippet is not UNSET:
            field_dict["snippet"] = snippet
        if url is not UNSET:
            field_dict["url"] = url
        if updated_at is not UNSET:
            field_dict["updatedAt"] = updated_at
        if score is not UNSET:
            field_dict["score"] = score
        if raw is not UNSET:
            field_dict["raw"] = raw

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.search_result_item_raw_type_0 import SearchResultItemRawType0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        integration_id = d.pop("integrationId")

        provider_id = d.pop("providerId")

        entity = d.pop("entity")

        title = d.pop("title")

        def _parse_snippet(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        snippet = _parse_snippet(d.pop("snippet", UNSET))


        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))


        def _parse_updated_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        updated_at = _parse_updated_at(d.pop("updatedAt", UNSET))


        def _parse_score(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        score = _parse_score(d.pop("score", UNSET))


        def _parse_raw(data: object) -> None | SearchResultItemRawType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                raw_type_0 = SearchResultItemRawType0.from_dict(data)



                return raw_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SearchResultItemRawType0 | Unset, data)

        raw = _parse_raw(d.pop("raw", UNSET))


        search_result_item = cls(
            id=id,
            integration_id=integration_id,
            provider_id=provider_id,
            entity=entity,
            title=title,
            snippet=snippet,
            url=url,
            updated_at=updated_at,
            score=score,
            raw=raw,
        )


        search_result_item.additional_properties = d
        return search_result_item

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
