from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.test_result_outcome import TestResultOutcome
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.test_result_details import TestResultDetails





T = TypeVar("T", bound="TestResult")



@_attrs_define
class TestResult:
    """ 
        Attributes:
            success (bool):
            outcome (TestResultOutcome):
            tested_at (str):
            message (None | str | Unset):
            error (None | str | Unset):
            status_code (int | None | Unset):
            response_time (int | None | Unset): Milliseconds
            details (TestResultDetails | Unset):
     """

    success: bool
    outcome: TestResultOutcome
    tested_at: str
    message: None | str | Unset = UNSET
    error: None | str | Unset = UNSET
    status_code: int | None | Unset = UNSET
    response_time: int | None | Unset = UNSET
    details: TestResultDetails | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.test_result_details import TestResultDetails # noqa: PLC0415
        success = self.success

        outcome = self.outcome.value

        tested_at = self.tested_at

        message: None | str | Unset
        if isinstance(self.message, Unset):
            message = UNSET
        else:
            message = self.message

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        status_code: int | None | Unset
        if isinstance(self.status_code, Unset):
            status_code = UNSET
        else:
            status_code = self.status_code

        response_time: int | None | Unset
        if isinstance(self.response_time, Unset):
            response_time = UNSET
        else:
            response_time = self.response_time

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "success": success,
            "outcome": outcome,
            "testedAt": tested_at,
        })
        if message is not UNSET:
            field_dict["message"] = message
        if error is not UNSET:
            field_dict["error"] = error
        if status_code is not UNSET:
            field_dict["statusCode"] = status_code
        if response_time is not UNSET:
            field_dict["responseTime"] = response_time
        if details is not UNSET:
            field_dict["details"] = details

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.test_result_details import TestResultDetails # noqa: PLC0415
        d = dict(src_dict)
        success = d.pop("success")

        outcome = TestResultOutcome(d.pop("outcome"))




        tested_at = d.pop("testedAt")

        def _parse_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        message = _parse_message(d.pop("message", UNSET))


        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        def _parse_status_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        status_code = _parse_status_code(d.pop("statusCode", UNSET))


        def _parse_response_time(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        response_time = _parse_response_time(d.pop("responseTime", UNSET))


        _details = d.pop("details", UNSET)
        details: TestResultDetails | Unset
        if isinstance(_details,  Unset):
            details = UNSET
        else:
            details = TestResultDetails.from_dict(_details)




        test_result = cls(
            success=success,
            outcome=outcome,
            tested_at=tested_at,
            message=message,
            error=error,
            status_code=status_code,
            response_time=response_time,
            details=details,
        )


        test_result.additional_properties = d
        return test_result

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
