"""Bad input: a typed error from the library, one stderr line and exit 1 from the CLI."""

from __future__ import annotations

import contextlib
import http.server
import os
import subprocess
import sys
import threading
import typing
from pathlib import Path

import pytest

from reader.core.errors import (
    BinaryInputError,
    EmptyInputError,
    FetchError,
    InputError,
    InputTooLargeError,
    NoBodyTextError,
    UndecodableInputError,
    UnsupportedSourceError,
)
from reader.core.loader import load_path, load_source, load_url
from tests.conftest import ROOT, SEED


def _cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args], capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT
    )


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _huge(tmp_path: Path) -> Path:
    path = tmp_path / "huge.html"
    with path.open("wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.truncate(200 * 1024 * 1024)
    return path


def _truncated(tmp_path: Path) -> Path:
    data = SEED.read_bytes()
    return _write(tmp_path, "truncated.html", data[: len(data) // 2])


CASES = {
    "empty": (lambda t: _write(t, "empty.html", b""), EmptyInputError),
    "binary": (lambda t: _write(t, "junk.html", bytes(range(256)) * 64), BinaryInputError),
    "png-named-html": (lambda t: _write(t, "image.htm", b"\x89PNG\r\n\x1a\n" + bytes(4000)), BinaryInputError),
    "no-body": (
        lambda t: _write(
            t,
            "nobody.html",
            b"<html><head><title>x</title><script>var a=1;</script></head>"
            b"<body><div class='nav'><a href='/'>home</a></div></body></html>",
        ),
        NoBodyTextError,
    ),
    "undecodable": (lambda t: _write(t, "odd.txt", bytes(range(0x80, 0x100)) * 40), UndecodableInputError),
    "huge": (_huge, InputTooLargeError),
    "missing": (lambda t: t / "does-not-exist.html", UnsupportedSourceError),
    "directory": (lambda t: t, UnsupportedSourceError),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_library_raises_a_typed_error(case, tmp_path):
    make, error = CASES[case]
    with pytest.raises(error):
        load_path(make(tmp_path))


@pytest.mark.parametrize("case", sorted(CASES))
def test_cli_prints_one_line_and_exits_1(case, tmp_path):
    make, _ = CASES[case]
    result = _cli("export", str(make(tmp_path)))
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("report-reader: ")
    assert "Traceback" not in result.stderr


def test_truncated_html_still_opens(tmp_path):
    document = load_path(_truncated(tmp_path))
    assert document.title == "2024年政府工作报告"
    assert 30 < len(document.paragraphs) < 96


def test_usage_errors_exit_2():
    for args in (["export"], ["export", "x.html", "--format", "pdf"], ["export", "x.html", "--bogus"]):
        result = _cli(*args)
        assert result.returncode == 2, args
        assert len(result.stderr.strip().splitlines()) == 1


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: typing.ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {}
    # Set when the test is over: the slow route answers then (its client has long given up).
    finished: typing.ClassVar[threading.Event] = threading.Event()

    def do_GET(self):
        if self.path == "/slow":
            self.finished.wait(3)
        status, headers, body = self.routes.get(self.path, (404, {}, b"not found"))
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    seed = SEED.read_bytes()
    _Handler.routes = {
        "/report.html": (200, {"Content-Type": "text/html; charset=utf-8"}, seed),
        "/gbk.html": (200, {"Content-Type": "text/html; charset=gbk"}, seed.decode("utf-8").encode("gb18030")),
        "/wrong-header.html": (200, {"Content-Type": "text/html; charset=gbk"}, seed),
        "/moved": (302, {"Location": "/report.html"}, b""),
        "/report.txt": (
            200,
            {"Content-Type": "text/plain"},
            "政府工作报告\n\n各位代表：\n\n现在，我代表省人民政府向大会报告工作。\n".encode(),
        ),
        "/slow": (200, {"Content-Type": "text/html"}, seed),
        "/big": (200, {"Content-Type": "text/html"}, b"<p>" + b"x" * 1000 + b"</p>"),
    }
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    _Handler.finished.clear()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    _Handler.finished.set()
    httpd.shutdown()


@pytest.mark.parametrize("route", ["/report.html", "/gbk.html", "/wrong-header.html", "/moved"])
def test_url_opens_with_charset_and_redirects(server, route):
    document = load_source(server + route)
    assert document.title == "2024年政府工作报告"
    assert len(document.paragraphs) == 96
    assert document.source == server + route


def test_same_url_same_id(server):
    assert load_source(server + "/report.html").id == load_source(server + "/report.html").id


def test_text_url(server):
    document = load_source(server + "/report.txt")
    assert document.paragraphs[-1].text == "现在，我代表省人民政府向大会报告工作。"


def test_url_timeout_and_404(server):
    with pytest.raises(FetchError, match="within"):
        load_url(server + "/slow", timeout=0.5)
    with pytest.raises(FetchError, match="404"):
        load_url(server + "/missing")


def test_url_size_cap(server, monkeypatch):
    from reader.core.formats import fetch

    with pytest.raises(InputTooLargeError):
        fetch.fetch_url(server + "/big", max_bytes=100)


def test_refused_connection():
    with pytest.raises(FetchError):
        load_url("http://127.0.0.1:9/nothing", timeout=2)


@pytest.mark.parametrize("route", ["/slow", "/missing"])
def test_cli_url_errors(server, route, monkeypatch):
    result = _cli("export", server + route, timeout=60)
    if route == "/slow":
        assert result.returncode == 0  # 3 s is within the CLI's 15 s timeout
        return
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "404" in result.stderr


def test_all_input_errors_share_a_base():
    for error in (
        EmptyInputError,
        BinaryInputError,
        InputTooLargeError,
        UndecodableInputError,
        NoBodyTextError,
        FetchError,
        UnsupportedSourceError,
    ):
        assert issubclass(error, InputError)
