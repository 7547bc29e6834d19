"""Fetch a page over http(s): a deadline for the whole download, a size cap, safe redirects, gzip.

Every failure is a ``FetchError`` with one line a person can read: a server that sends a
byte every few seconds runs into the deadline, a body cut short of its Content-Length
is an error, redirects stay on http(s) and are counted, a compressed body is
decompressed within the same size cap (a gzip bomb stops at the cap).
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from email.message import Message
from typing import Any

from reader.core.errors import FetchError, InputTooLargeError

USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) ReportReader/0.1"
MAX_REDIRECTS = 8
_CHUNK = 65536


@dataclass(frozen=True)
class Fetched:
    """A downloaded resource."""

    data: bytes
    url: str  # final address after redirects
    content_type: str
    charset: str | None


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow at most ``MAX_REDIRECTS`` redirects, and only to http(s) addresses."""

    max_redirections = MAX_REDIRECTS

    def redirect_request(self, req: Any, fp: Any, code: Any, msg: Any, headers: Any, newurl: Any) -> Any:
        if not newurl.lower().startswith(("http://", "https://")):
            raise FetchError(f"the page redirects to {_one_line(newurl)}, which is not an http(s) address")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _one_line(text: object, limit: int = 200) -> str:
    flat = " ".join(str(text).split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def _too_large(max_bytes: int) -> InputTooLargeError:
    return InputTooLargeError(f"the page is larger than {max_bytes // (1024 * 1024)} MB")


def fetch_url(url: str, timeout: float = 15.0, max_bytes: int = 32 * 1024 * 1024, deadline: float = 60.0) -> Fetched:
    """Download ``url``.

    Args:
        url: An http or https address.
        timeout: Seconds allowed for connecting and for each read.
        max_bytes: Largest body accepted (after decompression).
        deadline: Seconds allowed for the whole download.

    Returns:
        The body and what the server said about it.

    Raises:
        FetchError: Timeout, deadline, refused connection, HTTP error status, protocol error.
        InputTooLargeError: The body is larger than ``max_bytes``.

    """
    started = time.monotonic()
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,text/plain,*/*", "Accept-Encoding": "gzip, deflate"}
    watchdog = _Watchdog(deadline)
    opener = urllib.request.build_opener(_SafeRedirects, _WatchedHTTP(watchdog), _WatchedHTTPS(watchdog))
    try:
        with watchdog, opener.open(urllib.request.Request(url, headers=headers), timeout=timeout) as response:
            raw = _read_body(response, started, timeout, deadline, max_bytes, url)
            info: Message = response.headers
            data = _decode(raw, (info.get("Content-Encoding") or "").strip().lower(), max_bytes)
            return Fetched(data, response.geturl(), info.get_content_type(), info.get_content_charset())
    except Exception as error:
        if watchdog.fired:  # the deadline closed the connection, whatever the read then said
            raise FetchError(f"{url} took longer than {deadline:g} s to answer and download") from None
        if isinstance(error, (FetchError, InputTooLargeError)):
            raise
        raise _as_fetch_error(error, url, timeout) from None


def _as_fetch_error(error: Exception, url: str, timeout: float) -> Exception:
    """One line a person can read for whatever went wrong while fetching (a bug stays itself)."""
    if isinstance(error, urllib.error.HTTPError):
        if 300 <= error.code < 400:
            return FetchError(f"too many redirects from {url}")
        return FetchError(f"the server answered {error.code} {_one_line(error.reason)} for {url}")
    if isinstance(error, urllib.error.URLError):
        if isinstance(error.reason, (TimeoutError, socket.timeout)):
            return FetchError(f"no answer from {url} within {timeout:g} s")
        return FetchError(f"could not reach {url}: {_one_line(error.reason)}")
    if isinstance(error, TimeoutError):
        return FetchError(f"no answer from {url} within {timeout:g} s")
    if isinstance(error, http.client.IncompleteRead):
        return FetchError(f"the page from {url} was cut short")
    if isinstance(error, http.client.HTTPException):
        return FetchError(f"the server at {url} does not speak HTTP properly ({error.__class__.__name__})")
    if isinstance(error, (OSError, ValueError)):
        return FetchError(f"could not fetch {url}: {_one_line(error)}")
    return error


class _Watchdog:
    """Closes a download's connections when its deadline passes, whatever stage it is in.

    A per-read timeout cannot stop a server that trickles its status line and headers a
    byte at a time; the deadline covers connecting, the headers and the body alike.
    """

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.fired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(deadline, self._fire)
        self._timer.daemon = True

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *_exc: Any) -> None:
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.fired:
                self._close(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            for sock in self._sockets:
                self._close(sock)

    @staticmethod
    def _close(sock: socket.socket) -> None:
        with contextlib.suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)  # wakes a blocked read at once


class _WatchedHTTP(urllib.request.HTTPHandler):
    def __init__(self, watchdog: _Watchdog) -> None:
        super().__init__()
        self._watchdog = watchdog

    def http_open(self, req: Any) -> Any:
        watchdog = self._watchdog

        class Connection(http.client.HTTPConnection):
            def connect(self) -> None:
                super().connect()
                watchdog.watch(self.sock)

        return self.do_open(Connection, req)


class _WatchedHTTPS(urllib.request.HTTPSHandler):
    def __init__(self, watchdog: _Watchdog) -> None:
        super().__init__()
        self._watchdog = watchdog

    def https_open(self, req: Any) -> Any:
        watchdog = self._watchdog

        class Connection(http.client.HTTPSConnection):
            def connect(self) -> None:
                super().connect()
                watchdog.watch(self.sock)

        return self.do_open(Connection, req, context=getattr(self, "_context", None))


def _read_body(response: Any, started: float, timeout: float, deadline: float, max_bytes: int, url: str) -> bytes:
    declared = response.headers.get("Content-Length")
    expected = int(declared) if declared and declared.strip().isdigit() else None
    if expected is not None and expected > max_bytes:
        raise _too_large(max_bytes)
    chunks, total = [], 0
    while True:
        remaining = deadline - (time.monotonic() - started)
        if remaining <= 0:
            raise FetchError(f"{url} took longer than {deadline:g} s to download")
        _set_read_timeout(response, min(timeout, remaining))
        try:
            chunk = response.read1(_CHUNK)  # what has arrived: a trickling server cannot hold one read open
        except TimeoutError:
            if remaining <= timeout:
                raise FetchError(f"{url} took longer than {deadline:g} s to download") from None
            raise
        if not chunk:
            break
        total += len(chunk)
        if total > max_bytes:
            raise _too_large(max_bytes)
        chunks.append(chunk)
    if expected is not None and total < expected:
        raise FetchError(f"the page from {url} was cut short ({total} of {expected} bytes)")
    return b"".join(chunks)


def _set_read_timeout(response: Any, seconds: float) -> None:
    """Make the next read wait at most ``seconds`` (the socket under urllib's response)."""
    sock = getattr(getattr(getattr(response, "fp", None), "raw", None), "_sock", None)
    if sock is not None:
        sock.settimeout(max(seconds, 0.01))


def _decode(data: bytes, encoding: str, max_bytes: int) -> bytes:
    """Undo gzip/deflate transfer compression, stopping at ``max_bytes``."""
    if encoding in ("", "identity"):
        return data
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(f"the page is compressed as {encoding!r}, which is not supported")
    wbits = 16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS
    decompressor = zlib.decompressobj(wbits)
    try:
        out = decompressor.decompress(data, max_bytes + 1)
    except zlib.error:
        if encoding == "deflate":  # some servers send raw deflate without the zlib header
            decompressor = zlib.decompressobj(-zlib.MAX_WBITS)
            out = decompressor.decompress(data, max_bytes + 1)
        else:
            raise FetchError("the compressed page is damaged") from None
    if len(out) > max_bytes or decompressor.unconsumed_tail:
        raise _too_large(max_bytes)
    return out
