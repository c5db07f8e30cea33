from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.delivery_view_status import DeliveryViewStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.attempt_view import AttemptView
  from ..models.delivery_view_payload_type_0 import DeliveryViewPayloadType0





T = TypeVar("T", bound="DeliveryView")



@_attrs_define
class DeliveryView:
    """ 
        Attributes:
            id (str):
            webhook_id (str):
            message_id (str): the webhook-id header: stable across retries
            event_type (str):
            status (DeliveryViewStatus):
            attempts (int):
            created_at (str):
            updated_at (str):
            throttled_until (None | str | Unset): queued by the endpoint's throttle until then
            status_code (int | None | Unset):
            duration_ms (float | None | Unset):
            error (None | str | Unset):
            response_body (None | str | Unset):
            attempt_log (list[AttemptView] | Unset):
            payload (DeliveryViewPayloadType0 | None | Unset):
            last_attempt_at (None | str | Unset):
            next_attempt_at (None | str | Unset):
            delivered_at (None | str | Unset):
            failed_at (None | str | Unset):
     """

    id: str
    webhook_id: str
    message_id: str
    event_type: str
    status: DeliveryViewStatus
    attempts: int
    created_at: str
    updated_at: str
    throttled_until: None | str | Unset = UNSET
    status_code: int | None | Unset = UNSET
    duration_ms: float | None | Unset = UNSET
    error: None | str | Unset = UNSET
    response_body: None | str | Unset = UNSET
    attempt_log: list[AttemptView] | Unset = UNSET
    payload: DeliveryViewPayloadType0 | None | Unset = UNSET
    last_attempt_at: None | str | Unset = UNSET
    next_attempt_at: None | str | Unset = UNSET
    delivered_at: None | str | Unset = UNSET
    failed_at: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.attempt_view import AttemptView # noqa: PLC0415
        from ..models.delivery_view_payload_type_0 import DeliveryViewPayloadType0 # noqa: PLC0415
        id = self.id

        webhook_id = self.webhook_id

        message_id = self.message_id

        event_type = self.event_type

        status = self.status.value

        attempts = self.attempts

        created_at = self.created_at

        updated_at = self.updated_at

        throttled_until: None | str | Unset
        if isinstance(self.throttled_until, Unset):
            throttled_until = UNSET
        else:
            throttled_until = self.throttled_until

        status_code: int | None | Unset
        if isinstance(self.status_code, Unset):
            status_code = UNSET
        else:
            status_code = self.status_code

        duration_ms: float | None | Unset
        if isinstance(self.duration_ms, Unset):
            duration_ms = UNSET
        else:
            duration_ms = self.duration_ms

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        response_body: None | str | Unset
        if isinstance(self.response_body, Unset):
            response_body = UNSET
        else:
            response_body = self.response_body

        attempt_log: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attempt_log, Unset):
            attempt_log = []
            for attempt_log_item_data in self.attempt_log:
                attempt_log_item = attempt_log_item_data.to_dict()
                attempt_log.append(attempt_log_item)



        payload: dict[str, Any] | None | Unset
        if isinstance(self.payload, Unset):
            payload = UNSET
        elif isinstance(self.payload, DeliveryViewPayloadType0):
            payload = self.payload.to_dict()
        else:
            payload = self.payload

        last_attempt_at: None | str | Unset
        if isinstance(self.last_attempt_at, Unset):
            last_attempt_at = UNSET
        else:
            last_attempt_at = self.last_attempt_at

        next_attempt_at: None | str | Unset
        if isinstance(self.next_attempt_at, Unset):
            next_attempt_at = UNSET
        else:
            next_attempt_at = self.next_attempt_at

        delivered_at: None | str | Unset
        if isinstance(self.delivered_at, Unset):
            delivered_at = UNSET
        else:
            delivered_at = self.delivered_at

        failed_at: None | str | Unset
        if isinstance(self.failed_at, Unset):
            failed_at = UNSET
        else:
            failed_at = self.failed_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "id": id,
            "webhookId": webhook_id,
            "messageId": message_id,
            "eventType": event_type,
            "status": status,
            "attempts": attempts,
            "createdAt": created_at,
            "updatedAt": updated_at,
        })
        if throttled_until is not UNSET:
            field_dict["throttledUntil"] = throttled_until
        if status_code is not UNSET:
            field_dict["statusCode"] = status_code
        if duration_ms is not UNSET:
            field_dict["durationMs"] = duration_ms
        if error is not UNSET:
            field_dict["error"] = error
        if response_body is not UNSET:
            field_dict["responseBody"] = response_body
        if attempt_log is not UNSET:
            field_dict["attemptLog"] = attempt_log
        if payload is not UNSET:
            field_dict["payload"] = payload
        if last_attempt_at is not UNSET:
            field_dict["lastAttemptAt"] = last_attempt_at
        if next_attempt_at is not UNSET:
            field_dict["nextAttemptAt"] = next_attempt_at
        if delivered_at is not UNSET:
            field_dict["deliveredAt"] = delivered_at
        if failed_at is not UNSET:
            field_dict["failedAt"] = failed_at

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attempt_view import AttemptView # noqa: PLC0415
        from ..models.delivery_view_payload_type_0 import DeliveryViewPayloadType0 # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        webhook_id = d.pop("webhookId")

        message_id = d.pop("messageId")

        event_type = d.pop("eventType")

        status = DeliveryViewStatus(d.pop("status"))




        attempts = d.pop("attempts")

        created_at = d.pop("createdAt")

        updated_at = d.pop("updatedAt")

        def _parse_throttled_until(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        throttled_until = _parse_throttled_until(d.pop("throttledUntil", UNSET))


        def _parse_status_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        status_code = _parse_status_code(d.pop("statusCode", UNSET))


        def _parse_duration_ms(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        duration_ms = _parse_duration_ms(d.pop("durationMs", UNSET))


        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))


        def _parse_response_body(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        response_body = _parse_response_body(d.pop("responseBody", UNSET))


        _attempt_log = d.pop("attemptLog", UNSET)
        attempt_log: list[AttemptView] | Unset = UNSET
        if _attempt_log is not UNSET:
            attempt_log = []
            for attempt_log_item_data in _attempt_log:
                attempt_log_item = AttemptView.from_dict(attempt_log_item_data)



                attempt_log.append(attempt_log_item)


        def _parse_payload(data: object) -> DeliveryViewPayloadType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payload_type_0 = DeliveryViewPayloadType0.from_dict(data)



                return payload_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(DeliveryViewPayloadType0 | None | Unset, data)

        payload = _parse_payload(d.pop("payload", UNSET))


        def _parse_last_attempt_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_attempt_at = _parse_last_attempt_at(d.pop("lastAttemptAt", UNSET))


        def _parse_next_attempt_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("nextAttemptAt", UNSET))


        def _parse_delivered_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        delivered_at = _parse_delivered_at(d.pop("deliveredAt", UNSET))


        def _parse_failed_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        failed_at = _parse_failed_at(d.pop("failedAt", UNSET))


        delivery_view = cls(
            id=id,
            webhook_id=webhook_id,
            message_id=message_id,
            event_type=event_type,
            status=status,
            attempts=attempts,
            created_at=created_at,
            updated_at=updated_at,
            throttled_until=throttled_until,
            status_code=status_code,
            duration_ms=duration_ms,
            error=error,
            response_body=response_body,
            attempt_log=attempt_log,
            payload=payload,
            last_attempt_at=last_attempt_at,
            next_attempt_at=next_attempt_at,
            delivered_at=delivered_at,
            failed_at=failed_at,
        )


        delivery_view.additional_properties = d
        return delivery_view

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
