from enum import StrEnum

class ProviderViewSupportedSyncDirectionsType0Item(StrEnum):
    BIDIRECTIONAL = "bidirectional"
    PULL = "pull"
    PUSH = "push"

    def __str__(self) -> str:
        return str(self.value)
