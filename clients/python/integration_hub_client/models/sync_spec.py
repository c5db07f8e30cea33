from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.sync_spec_method import SyncSpecMethod
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.sync_spec_body_type_0 import SyncSpecBodyType0





T = TypeVar("T", bound="SyncSpec")



@_attrs_define
class SyncSpec:
    """ The request a manual sync runs; `itemsPath` locates the list of records ("" = the body).

        Attributes:
            path (str):
            items_path (str):
            method (SyncSpecMethod | Unset):  Default: SyncSpecMethod.GET.
            body (None | SyncSpecBodyType0 | Unset):
     """

    path: str
    items_path: str
    method: SyncSpecMethod | Unset = SyncSpecMethod.GET
    body: None | SyncSpecBodyType0 | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.sync_spec_body_type_0 import SyncSpecBodyType0 # noqa: PLC0415
        path = self.path

        items_path = self.items_path

        method: str | Unset = UNSET
        if not isinstance(self.method, Unset):
            method = self.method.value


        body: dict[str, Any] | None | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        elif isinstance(self.body, SyncSpecBodyType0):
            body = self.body.to_dict()
        else:
            body = self.body


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "path": path,
            "itemsPath": items_path,
        })
        if method is not UNSET:
            field_dict["method"] = method
        if body is not UNSET:
            field_dict["body"] = body

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.sync_spec_body_type_0 import SyncSpecBodyType0 # noqa: PLC0415
        d = dict(src_dict)
        path = d.pop("path")

        items_path = d.pop("itemsPath")

        _method = d.pop("method", UNSET)
        method: SyncSpecMethod | Unset
        if isinstance(_method,  Unset):
            method = UNSET
        else:
            method = SyncSpecMethod(_method)




        def _parse_body(data: object) -> None | SyncSpecBodyType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                body_type_0 = SyncSpecBodyType0.from_dict(data)



                return body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SyncSpecBodyType0 | Unset, data)

        body = _parse_body(d.pop("body", UNSET))


        sync_spec = cls(
            path=path,
            items_path=items_path,
            method=method,
            body=body,
        )

        return sync_spec

