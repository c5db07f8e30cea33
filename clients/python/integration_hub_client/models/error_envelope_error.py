from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.error_envelope_error_details_type_0 import ErrorEnvelopeErrorDetailsType0





T = TypeVar("T", bound="ErrorEnvelopeError")



@_attrs_define
class ErrorEnvelopeError:
    """ 
        Attributes:
            code (str): Stable, machine-readable (e.g. VALIDATION_ERROR)
            message (str): For people; never carries a credential
            details (ErrorEnvelopeErrorDetailsType0 | list[Any]): Field errors (a list) or facts about the error (an object)
            request_id (None | str): Also in the X-Request-Id header
     """

    code: str
    message: str
    details: ErrorEnvelopeErrorDetailsType0 | list[Any]
    request_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.error_envelope_error_details_type_0 import ErrorEnvelopeErrorDetailsType0 # noqa: PLC0415
        code = self.code

        message = self.message

        details: dict[str, Any] | list[Any]
        if isinstance(self.details, ErrorEnvelopeErrorDetailsType0):
            details = self.details.to_dict()
        else:
            details = self.details




        request_id: None | str
        request_id = self.request_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "code": code,
            "message": message,
            "details": details,
            "requestId": request_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_envelope_error_details_type_0 import ErrorEnvelopeErrorDetailsType0 # noqa: PLC0415
        d = dict(src_dict)
        code = d.pop("code")

        message = d.pop("message")

        def _parse_details(data: object) -> ErrorEnvelopeErrorDetailsType0 | list[Any]:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                details_type_0 = ErrorEnvelopeErrorDetailsType0.from_dict(data)



                return details_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, list):
                raise TypeError()
            details_type_1 = cast(list[Any], data)

            return details_type_1

        details = _parse_details(d.pop("details"))


        def _parse_request_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        request_id = _parse_request_id(d.pop("requestId"))


        error_envelope_error = cls(
            code=code,
            message=message,
            details=details,
            request_id=request_id,
        )


        error_envelope_error.additional_properties = d
        return error_envelope_error

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
