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


def attachment_address(href: str, page_url: str, source: str) -> str:
    """Where an attachment a page links to can be opened: absolute already, beside the saved file, or on the site.

    Args:
        href: The link as the page wrote it.
        page_url: The page's public address ('' when unknown).
        source: The path or URL the page was opened from.

    Returns:
        An http(s) URL or a local path; '' when neither the page nor its source can resolve it.
    """
    from pathlib import Path
    from urllib.parse import urljoin

    if is_url(href):
        return href
    if is_url(source):
        return urljoin(source, href)
    if source and not href.startswith(("/", "\\")):  # saved with the page ("网页，全部"): a file beside it
        beside = Path(source).parent / unquote(href.split("?", 1)[0])
        if beside.is_file():
            return str(beside)
    return urljoin(page_url, href) if is_url(page_url) else ""
