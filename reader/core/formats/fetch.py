"""Fetch a page over http(s) with a timeout, a size cap and redirects."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message

from reader.core.errors import FetchError, InputTooLargeError

USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) ReportReader/0.1"


@dataclass(frozen=True)
class Fetched:
    """A downloaded resource."""

    data: bytes
    url: str  # final address after redirects
    content_type: str
    charset: str | None


def fetch_url(url: str, timeout: float = 15.0, max_bytes: int = 32 * 1024 * 1024) -> Fetched:
    """Download ``url``.

    Args:
        url: An http or https address.
        timeout: Seconds allowed for connecting and for each read.
        max_bytes: Largest body accepted.

    Returns:
        The body and what the server said about it.

    Raises:
        FetchError: Timeout, refused connection, HTTP error status.
        InputTooLargeError: The body is larger than ``max_bytes``.

    """
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain,*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise InputTooLargeError(f"the page is larger than {max_bytes // (1024 * 1024)} MB")
            chunks, total = [], 0
            while True:
                chunk = response.read(65536)
                if not chunk:
                    break
                total += len(chunk)
                if total > max_bytes:
                    raise InputTooLargeError(f"the page is larger than {max_bytes // (1024 * 1024)} MB")
                chunks.append(chunk)
            headers: Message = response.headers
            return Fetched(
                b"".join(chunks), response.geturl(), headers.get_content_type(), headers.get_content_charset()
            )
    except urllib.error.HTTPError as error:
        raise FetchError(f"the server answered {error.code} {error.reason} for {url}") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, (TimeoutError, socket.timeout)):
            raise FetchError(f"no answer from {url} within {timeout:g} s") from None
        raise FetchError(f"could not reach {url}: {reason}") from None
    except TimeoutError:
        raise FetchError(f"no answer from {url} within {timeout:g} s") from None
    except (OSError, ValueError) as error:
        raise FetchError(f"could not fetch {url}: {error}") from None
