from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.verification_request_method_type_0 import VerificationRequestMethodType0
from ..types import UNSET, Unset
from typing import cast
from typing import Literal, cast

if TYPE_CHECKING:
  from ..models.verification_request_body_type_0 import VerificationRequestBodyType0
  from ..models.verification_request_expectedjson import VerificationRequestExpectedjson





T = TypeVar("T", bound="VerificationRequest")



@_attrs_define
class VerificationRequest:
    """ The request that proves a connection works. Method "AWS_STS" means: call the STS action
    named in `path` (GetCallerIdentity) with the assumed credentials instead of an HTTP request.

        Attributes:
            path (str):
            method (Literal['AWS_STS'] | Unset | VerificationRequestMethodType0):  Default:
                VerificationRequestMethodType0.GET.
            body (None | Unset | VerificationRequestBodyType0):
            expected_status (list[int] | Unset):
            json_path (None | str | Unset):
            expected_json (VerificationRequestExpectedjson | Unset):
     """

    path: str
    method: Literal['AWS_STS'] | Unset | VerificationRequestMethodType0 = VerificationRequestMethodType0.GET
    body: None | Unset | VerificationRequestBodyType0 = UNSET
    expected_status: list[int] | Unset = UNSET
    json_path: None | str | Unset = UNSET
    expected_json: VerificationRequestExpectedjson | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.verification_request_body_type_0 import VerificationRequestBodyType0 # noqa: PLC0415
        from ..models.verification_request_expectedjson import VerificationRequestExpectedjson # noqa: PLC0415
        path = self.path

        method: Literal['AWS_STS'] | str | Unset
        if isinstance(self.method, Unset):
            method = UNSET
        elif isinstance(self.method, VerificationRequestMethodType0):
            method = self.method.value
        else:
            method = self.method

        body: dict[str, Any] | None | Unset
        if isinstance(self.body, Unset):
            body = UNSET
        elif isinstance(self.body, VerificationRequestBodyType0):
            body = self.body.to_dict()
        else:
            body = self.body

        expected_status: list[int] | Unset = UNSET
        if not isinstance(self.expected_status, Unset):
            expected_status = self.expected_status



        json_path: None | str | Unset
        if isinstance(self.json_path, Unset):
            json_path = UNSET
        else:
            json_path = self.json_path

        expected_json: dict[str, Any] | Unset = UNSET
        if not isinstance(self.expected_json, Unset):
            expected_json = self.expected_json.to_dict()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "path": path,
        })
        if method is not UNSET:
            field_dict["method"] = method
        if body is not UNSET:
            field_dict["body"] = body
        if expected_status is not UNSET:
            field_dict["expectedStatus"] = expected_status
        if json_path is not UNSET:
            field_dict["jsonPath"] = json_path
        if expected_json is not UNSET:
            field_dict["expectedJson"] = expected_json

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.verification_request_body_type_0 import VerificationRequestBodyType0 # noqa: PLC0415
        from ..models.verification_request_expectedjson import VerificationRequestExpectedjson # noqa: PLC0415
        d = dict(src_dict)
        path = d.pop("path")

        def _parse_method(data: object) -> Literal['AWS_STS'] | Unset | VerificationRequestMethodType0:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                method_type_0 = VerificationRequestMethodType0(data)



                return method_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            method_type_1 = cast(Literal['AWS_STS'] , data)
            if method_type_1 != 'AWS_STS':
                raise ValueError(f"method_type_1 must match const 'AWS_STS', got '{method_type_1}'")
            return method_type_1

        method = _parse_method(d.pop("method", UNSET))


        def _parse_body(data: object) -> None | Unset | VerificationRequestBodyType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                body_type_0 = VerificationRequestBodyType0.from_dict(data)



                return body_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VerificationRequestBodyType0, data)

        body = _parse_body(d.pop("body", UNSET))


        expected_status = cast(list[int], d.pop("expectedStatus", UNSET))


        def _parse_json_path(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        json_path = _parse_json_path(d.pop("jsonPath", UNSET))


        _expected_json = d.pop("expectedJson", UNSET)
        expected_json: VerificationRequestExpectedjson | Unset
        if isinstance(_expected_json,  Unset):
            expected_json = UNSET
        else:
            expected_json = VerificationRequestExpectedjson.from_dict(_expected_json)




        verification_request = cls(
            path=path,
            method=method,
            body=body,
            expected_status=expected_status,
            json_path=json_path,
            expected_json=expected_json,
        )

        return verification_request

