"""The Continue link of the hub's OAuth start page, as a browser follows it."""

from __future__ import annotations

import html
import re
from urllib.parse import urljoin


def continue_url(start_url: str, page: str) -> str:
    match = re.search(r"id='continue' href='([^']+)'", page)
    assert match, page
    return urljoin(start_url, html.unescape(match.group(1)))
