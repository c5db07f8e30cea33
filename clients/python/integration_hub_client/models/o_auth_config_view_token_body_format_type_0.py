from enum import StrEnum

class OAuthConfigViewTokenBodyFormatType0(StrEnum):
    FORM = "form"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
