from enum import StrEnum

class CatalogEntrySupportedSyncDirectionsType0Item(StrEnum):
    BIDIRECTIONAL = "bidirectional"
    PULL = "pull"
    PUSH = "push"

    def __str__(self) -> str:
        return str(self.value)
