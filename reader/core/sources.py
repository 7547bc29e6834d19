"""What a source string is: a path, an http(s) URL, or either with a ``#section`` fragment."""

from __future__ import annotations

from urllib.parse import unquote, urldefrag, urlparse


def is_url(text: str) -> bool:
    """Whether a source argument is an http(s) URL."""
    return text.lower().startswith(("http://", "https://"))


def split_fragment(source: str) -> tuple[str, str]:
    """Split ``…#n123`` into the address to load and the outline node to jump to.

    ``file://`` URIs become plain paths; plain paths keep any ``#`` (file names may contain one).
    """
    if source.lower().startswith(("http://", "https://", "file://")):
        address, fragment = urldefrag(source)
        if address.lower().startswith("file://"):
            address = unquote(urlparse(address).path)
        return address, fragment
    return source, ""
