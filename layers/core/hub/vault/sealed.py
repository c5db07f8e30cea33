"""What every vault backend shares: a credential is stored as its sealed message
(hub/vault/crypto.py), so storing, reading and replacing a payload are the backend's message
operations with the seal around them. A backend implements only where the message lives."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any

from hub.secret_refs import SecretRef
from hub.vault.crypto import seal, unseal


class SealedMessageVault(ABC):
    name: str

    def store(self, ref: SecretRef, payload: dict[str, Any]) -> str:
        return self.store_message(ref, seal(ref, payload))

    def read(self, ref: SecretRef) -> dict[str, Any]:
        return unseal(ref, self.read_message(ref))

    def replace(self, ref: SecretRef, payload: dict[str, Any]) -> None:
        self.replace_message(ref, seal(ref, payload))

    @abstractmethod
    def store_message(self, ref: SecretRef, message: str) -> str:
        """Create the credential from its sealed message; where it is. SecretExists if present."""

    @abstractmethod
    def read_message(self, ref: SecretRef) -> str:
        """The sealed message. SecretNotFound if absent."""

    @abstractmethod
    def replace_message(self, ref: SecretRef, message: str) -> None:
        """A new version of an existing credential. SecretNotFound if absent."""
