from enum import StrEnum

class CatalogEntryAudienceType0(StrEnum):
    SYSTEM = "system"
    TENANT = "tenant"

    def __str__(self) -> str:
        return str(self.value)
