from enum import StrEnum

class OAuthConfigViewTokenClientAuthType0(StrEnum):
    BASIC = "basic"
    BODY = "body"
    JSON = "json"

    def __str__(self) -> str:
        return str(self.value)
