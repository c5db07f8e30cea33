from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.search_spec_method import SearchSpecMethod
from ..models.search_spec_queryin import SearchSpecQueryin
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.search_spec_body_type_0 import SearchSpecBodyType0





T = TypeVar("T", bound="SearchSpec")



@_attrs_define
class SearchSpec:
    """ The request a search runs: the user's query goes into `queryParam` (query string or body).

        Attributes:
            path (str):
            query_param (str):
            items_path (str):
            method (SearchSpecMethod | Unset):  Default: SearchSpecMethod.GET.
            body (None | SearchSpecBodyType0 | Unset):
            query_in (SearchSpecQueryin | Unset):  Default: SearchSpecQueryin.QUERY.
            limit_param (None | str | Unset):
            max_limit (int | Unset):  Default: 50.
            total_path (None | str | Unset):
     """

    path: str
    query_param: str
    items_path: str
    method: SearchSpecMethod | Unset = SearchSpecMethod.GET
    body: None | SearchSpecBodyType0 | Unset = UNSET
    query_in: SearchSpecQueryin | Unset = SearchSpecQueryin.QUERY
    limit_param: None | str | Unset = UNSET
    max_limit: int | Unset = 50
    total_path: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.search_spec_body_type_0 import SearchSpecBodyType0 # noqa: PLC0415
        path = self.path

        query_param = self.query_param

        items_path = self.items_path

        method: str | Unset = UNSET
        if not isinstance(self.method, Unset):
            method = self.method.value


        body: dict[str, Any] | None | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        elif isinstance(self.body, SearchSpecBodyType0):
            body = self.body.to_dict()
        else:
            body = self.body

        query_in: str | Unset = UNSET
        if not isinstance(self.query_in, Unset):
            query_in = self.query_in.value


        limit_param: None | str | Unset
        if isinstance(self.limit_param, Unset):
            limit_param = UNSET
        else:
            limit_param = self.limit_param

        max_limit = self.max_limit

        total_path: None | str | Unset
        if isinstance(self.total_path, Unset):
            total_path = UNSET
        else:
            total_path = self.total_path


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "path": path,
            "queryParam": query_param,
            "itemsPath": items_path,
        })
        if method is not UNSET:
            field_dict["method"] = method
        if body is not UNSET:
            field_dict["body"] = body
        if query_in is not UNSET:
            field_dict["queryIn"] = query_in
        if limit_param is not UNSET:
            field_dict["limitParam"] = limit_param
        if max_limit is not UNSET:
            field_dict["maxLimit"] = max_limit
        if total_path is not UNSET:
            field_dict["totalPath"] = total_path

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.search_spec_body_type_0 import SearchSpecBodyType0 # noqa: PLC0415
        d = dict(src_dict)
        path = d.pop("path")

        query_param = d.pop("queryParam")

        items_path = d.pop("itemsPath")

        _method = d.pop("method", UNSET)
        method: SearchSpecMethod | Unset
        if isinstance(_method,  Unset):
            method = UNSET
        else:
            method = SearchSpecMethod(_method)




        def _parse_body(data: object) -> None | SearchSpecBodyType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                body_type_0 = SearchSpecBodyType0.from_dict(data)



                return body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SearchSpecBodyType0 | Unset, data)

        body = _parse_body(d.pop("body", UNSET))


        _query_in = d.pop("queryIn", UNSET)
        query_in: SearchSpecQueryin | Unset
        if isinstance(_query_in,  Unset):
            query_in = UNSET
        else:
            query_in = SearchSpecQueryin(_query_in)




        def _parse_limit_param(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        limit_param = _parse_limit_param(d.pop("limitParam", UNSET))


        max_limit = d.pop("maxLimit", UNSET)

        def _parse_total_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        total_path = _parse_total_path(d.pop("totalPath", UNSET))


        search_spec = cls(
            path=path,
            query_param=query_param,
            items_path=items_path,
            method=method,
            body=body,
            query_in=query_in,
            limit_param=limit_param,
            max_limit=max_limit,
            total_path=total_path,
        )

        return search_spec

