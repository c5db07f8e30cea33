from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IntakeAck")



@_attrs_define
class IntakeAck:
    """ The answer to an accepted (or replayed) delivery; a signed handshake is answered with the
    provider's own shape instead (Slack `{"challenge"}`, Discord `{"type": 1}`).

        Attributes:
            received (bool | None | Unset):  Default: True.
            duplicate (bool | None | Unset):  Default: False.
            events (int | None | Unset): events the request carried
            challenge (None | str | Unset): Slack's url_verification challenge, echoed
            type_ (int | None | Unset): Discord's PONG (1)
     """

    received: bool | None | Unset = True
    duplicate: bool | None | Unset = False
    events: int | None | Unset = UNSET
    challenge: None | str | Unset = UNSET
    type_: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        received: bool | None | Unset
        if isinstance(self.received, Unset):
            received = UNSET
        else:
            received = self.received

        duplicate: bool | None | Unset
        if isinstance(self.duplicate, Unset):
            duplicate = UNSET
        else:
            duplicate = self.duplicate

        events: int | None | Unset
        if isinstance(self.events, Unset):
            events = UNSET
        else:
            events = self.events

        challenge: None | str | Unset
        if isinstance(self.challenge, Unset):
            challenge = UNSET
        else:
            challenge = self.challenge

        type_: int | None | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if received is not UNSET:
            field_dict["received"] = received
        if duplicate is not UNSET:
            field_dict["duplicate"] = duplicate
        if events is not UNSET:
            field_dict["events"] = events
        if challenge is not UNSET:
            field_dict["challenge"] = challenge
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_received(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        received = _parse_received(d.pop("received", UNSET))


        def _parse_duplicate(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        duplicate = _parse_duplicate(d.pop("duplicate", UNSET))


        def _parse_events(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        events = _parse_events(d.pop("events", UNSET))


        def _parse_challenge(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        challenge = _parse_challenge(d.pop("challenge", UNSET))


        def _parse_type_(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))


        intake_ack = cls(
            received=received,
            duplicate=duplicate,
            events=events,
            challenge=challenge,
            type_=type_,
        )


        intake_ack.additional_properties = d
        return intake_ack

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
