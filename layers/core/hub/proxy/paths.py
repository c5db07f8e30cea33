"""The provider path and query a caller may ask for: below the API base URL, never elsewhere.

The host comes only from the provider's template (hub.providers.templates.api_base_url); the
caller names a path under it. Refused with a 400: absolute URLs and scheme-relative paths, `.`
and `..` segments (also percent-encoded, also encoded twice, also as a server may read them:
`..;x`, `.. `, full-width dots), empty segments, backslashes,
control characters, fragments. What passes is percent-encoded again segment by segment, so the
provider sees exactly the segments that were checked.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

from hub.errors import ValidationError

MAX_PATH_LENGTH = 2048
MAX_QUERY_LENGTH = 8192
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f\\#?]")
# a percent sign left after API Gateway decoded the path once: an encoded dot, slash, backslash
# or NUL there means the path was encoded twice to slip a segment past a check
_ENCODED_AGAIN = re.compile(r"%(?:2e|2f|5c|00|25)", re.IGNORECASE)
_SEGMENT_SAFE = "!$&'()*+,;=:@-._~"
_VERSION = re.compile(r"v[0-9]+(?:\.[0-9]+)*")  # /v1/, /v2.1/: an API version, not an id


def _dots_only(segment: str) -> bool:
    """`.`/`..` as some server may read the segment: Tomcat and Spring drop a `;parameter`
    (`..;`), Windows servers drop trailing dots and spaces (`.. `, `....`), a server that
    normalizes Unicode folds full-width dots (U+FF0E)."""
    before_parameters = unicodedata.normalize("NFKC", segment.split(";", 1)[0])
    return before_parameters.strip(". ") == ""


def _refuse(reason: str) -> ValidationError:
    return ValidationError(f"The provider path is not allowed: {reason}", code="INVALID_PROVIDER_PATH",
                           details={"field": "path", "reason": reason})


def provider_path(raw: str) -> str:
    """The checked, encoded path (starting with `/`) for a caller's `{path+}` value (already
    percent-decoded once, as API Gateway hands path parameters over)."""
    if not raw or len(raw) > MAX_PATH_LENGTH:
        raise _refuse(f"it must be 1 to {MAX_PATH_LENGTH} characters")
    if raw.startswith("/") or _SCHEME.match(raw) or "://" in raw:
        raise _refuse("it must be relative to the provider's API base URL, not an absolute URL")
    if _FORBIDDEN.search(raw):
        raise _refuse("it contains control characters, a backslash, '?' or '#'")
    if _ENCODED_AGAIN.search(raw):
        raise _refuse("it contains an encoded dot, slash or percent sign")
    segments = raw.split("/")
    trailing_slash = segments[-1] == ""
    if trailing_slash:
        segments.pop()
    if any(segment == "" or _dots_only(segment) for segment in segments):
        raise _refuse("it contains an empty, '.' or '..' segment")
    encoded = "/" + "/".join(quote(segment, safe=_SEGMENT_SAFE) for segment in segments)
    return encoded + ("/" if trailing_slash else "")


def path_template(path: str) -> str:
    """The path with its id-like segments replaced by `{id}`: what activity and metrics record
    (a path may name a customer or an e-mail address; a template names an endpoint)."""
    parts = []
    for segment in path.strip("/").split("/"):
        numbered = any(ch.isdigit() for ch in segment) and not _VERSION.fullmatch(segment)
        looks_like_id = numbered or "@" in segment or "%" in segment or len(segment) > 24
        parts.append("{id}" if looks_like_id else segment)
    return "/" + "/".join(parts)


def query_pairs(raw_query: str, *, drop: Iterable[str] = ()) -> tuple[tuple[str, str], ...]:
    """The caller's query string as ordered pairs (repeated names kept), without the names in
    `drop` (where the template puts an API key: a caller never supplies a credential)."""
    if len(raw_query) > MAX_QUERY_LENGTH:
        raise ValidationError("The query string is too long", details={"field": "query", "max": MAX_QUERY_LENGTH})
    dropped = {name.lower() for name in drop}
    try:
        pairs = parse_qsl(raw_query, keep_blank_values=True, strict_parsing=False, errors="strict")
    except (ValueError, UnicodeDecodeError):
        raise ValidationError("The query string is not valid", details={"field": "query"}) from None
    return tuple((name, value) for name, value in pairs if name.lower() not in dropped)


def join(base_url: str, path: str, query: Iterable[tuple[str, str]]) -> str:
    """base + path + query, checked once more to stay on the base URL's origin and below its path."""
    url = base_url.rstrip("/") + path
    base, joined = urlsplit(base_url), urlsplit(url)
    if (joined.scheme, joined.netloc) != (base.scheme, base.netloc) or not joined.path.startswith(base.path):
        raise _refuse("it leaves the provider's API base URL")
    pairs = list(query)
    return url + ("?" + urlencode(pairs) if pairs else "")
