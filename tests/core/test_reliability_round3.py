"""Reliability round 3: special files, full disks, damaged segments, hostile text, slow servers."""

from __future__ import annotations

import contextlib
import json
import os
import pty
import re
import resource
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from reader.core.errors import FetchError
from reader.core.formats.fetch import fetch_url
from reader.core.safetext import for_terminal, markdown_text, one_line
from tests.conftest import SEED

HOSTILE = (
    "<html><head><title>恶意\x1b]0;pwned\x07页面</title></head><body><div class='content'>"
    "<p>各位代表：<script>alert(1)</script>&lt;img src=x onerror=alert(2)&gt;这是一段用于测试的正文内容，共有足够的字数。</p>"
    "<p>[点击这里](javascript:alert(3)) \x1b[2J清屏 \u202e倒序文字\u202c 以及更多正文内容用于满足正文长度。</p>"
    "<p># 不是标题 > 不是引用 <b onclick='x'>加粗</b>的正文内容，政府工作报告全文。</p></div></body></html>"
)


def _cli(*args: str, data_dir: Path, env: dict | None = None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=kwargs.pop("timeout", 120),
        env={**os.environ, **(env or {})},
        **kwargs,
    )


# Outputs never replace special files ------------------------------------------------------------
def _reader_of(fifo: Path) -> tuple[threading.Thread, list[bytes]]:
    got: list[bytes] = []

    def read() -> None:
        with fifo.open("rb") as stream:
            got.append(stream.read())

    thread = threading.Thread(target=read, daemon=True)
    thread.start()
    return thread, got


@pytest.mark.parametrize("command", ["export", "bookmarks-export"])
def test_output_to_a_fifo_is_written_into_it_not_replaced(tmp_path, command):
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    thread, got = _reader_of(fifo)
    if command == "export":
        result = _cli("export", str(SEED), "--format", "text", "-o", str(fifo), data_dir=tmp_path / "data")
    else:
        result = _cli("bookmarks", "export", str(fifo), data_dir=tmp_path / "data")
    thread.join(30)
    assert result.returncode == 0, result.stderr
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # still the pipe, not a regular file renamed over it
    assert got and got[0]


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root (CI runs as root)")
def test_output_to_a_device_node_keeps_the_node(tmp_path):
    node = tmp_path / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a node of the null device, in our own folder
    result = _cli("export", str(SEED), "-o", str(node), data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    assert stat.S_ISCHR(node.stat().st_mode) and node.stat().st_rdev == os.makedev(1, 3)


# Inputs are never read whole --------------------------------------------------------------------
def test_importing_bookmarks_from_a_fifo_or_a_device_is_refused_at_once(tmp_path):
    fifo = tmp_path / "in.fifo"
    os.mkfifo(fifo)
    for source in (fifo, Path("/dev/zero")):
        started = time.monotonic()
        result = _cli("bookmarks", "import", str(source), data_dir=tmp_path / "data", timeout=30)
        assert result.returncode == 1 and "not a regular file" in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert time.monotonic() - started < 20


def test_a_bookmark_file_with_a_million_entries_is_refused(tmp_path):
    entry = {"uid": "x", "doc": "d1", "paragraph": "p1", "snippet": "", "title": "", "note": ""}
    path = tmp_path / "many.json"
    with path.open("w", encoding="utf-8") as stream:
        stream.write('{"format": "report-reader-bookmarks", "version": 1, "bookmarks": [')
        stream.write(",".join(json.dumps({**entry, "uid": f"u{n}"}) for n in range(1_000_000)))
        stream.write("]}")
    result = _cli("bookmarks", "import", str(path), data_dir=tmp_path / "data")
    assert result.returncode == 1
    assert "at most 100,000" in result.stderr or "may be at most" in result.stderr


# The catalogue and the index: damage is found and repaired, never answered from ------------------
@pytest.mark.parametrize("content", ["[]", "null", '{"documents": []}', '"text"'])
def test_an_older_catalogue_of_the_wrong_shape_is_not_trusted(tmp_path, content):
    data = tmp_path / "data"
    (data / "library").mkdir(parents=True)
    (data / "library" / "catalog.json").write_text(content, encoding="utf-8")
    result = _cli("library", "list", "--json", data_dir=data)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 1  # the bundled report, imported again


def test_a_damaged_catalogue_is_moved_aside_and_rebuilt_from_the_folders(tmp_path):
    data = tmp_path / "data"
    report = tmp_path / "r.txt"
    report.write_text("政府工作报告\n\n各位代表：\n\n现在，我代表市人民政府向大会报告工作。\n", encoding="utf-8")
    assert _cli("library", "add", str(report), data_dir=data).returncode == 0
    catalogue = data / "library" / "catalog.sqlite3"
    for part in (catalogue, Path(str(catalogue) + "-wal"), Path(str(catalogue) + "-shm")):
        part.unlink(missing_ok=True)
    catalogue.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 16)  # a header, then garbage
    result = _cli("library", "list", "--json", data_dir=data)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)) == 2  # nothing imported is lost
    assert list((data / "library").glob("catalog.corrupt-*"))


def _index_with_hits(data: Path) -> int:
    result = _cli("search", "数字经济", "--json", data_dir=data)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)["total"]


def test_bytes_flipped_inside_a_segment_are_found_and_repaired(tmp_path):
    data = tmp_path / "data"
    expected = _index_with_hits(data)
    segments = sorted((data / "index").glob("*.seg"), key=lambda p: p.stat().st_size)
    assert segments
    target = segments[-1]
    size = target.stat().st_size
    raw = bytearray(target.read_bytes())
    for position in range(size // 4, size - 64, max(1, size // 64)):  # flip bytes all through, same size
        raw[position] ^= 0xFF
    target.write_bytes(bytes(raw))
    assert target.stat().st_size == size
    result = _cli("search", "数字经济", "--json", data_dir=data)
    assert result.returncode == 0, result.stderr  # found on opening: rebuilt from the library, then answered
    assert json.loads(result.stdout)["total"] == expected
    assert "Rebuilt" in result.stderr or "rebuilt" in result.stderr


def test_an_interrupted_rebuild_is_never_answered_from(tmp_path):
    data = tmp_path / "data"
    _index_with_hits(data)
    manifest = data / "index" / "manifest.json"
    recorded = json.loads(manifest.read_text(encoding="utf-8"))
    recorded["complete"] = False  # what a rebuild killed by a full disk leaves
    manifest.write_text(json.dumps(recorded), encoding="utf-8")
    os.chmod(data / "index", 0o500)  # and the disk is still full: the rebuild cannot run either
    try:
        if os.geteuid() == 0:
            # root ignores permissions: make the rebuild fail by a file where its directory must go
            os.chmod(data / "index", 0o700)
            for path in (data / "index").iterdir():
                path.unlink()
            (data / "index").rmdir()
            (data / "index").write_text("not a folder", encoding="utf-8")
        for command in (("search", "数字经济", "--json"), ("trend", "数字经济", "--json")):
            result = _cli(*command, data_dir=data)
            assert result.returncode == 1, (command, result.stdout)
            assert result.stdout == "" and len(result.stderr.strip().splitlines()) >= 1
    finally:
        with contextlib.suppress(OSError):
            os.chmod(data / "index", 0o700)


def test_a_full_disk_while_saving_a_bookmark_is_one_clear_line(tmp_path):
    data = tmp_path / "data"
    document = json.loads(_cli("export", str(SEED), data_dir=data).stdout)
    paragraph = document["paragraphs"][10]["id"]
    assert _cli("bookmarks", "add", str(SEED), paragraph, data_dir=data).returncode == 0

    def small_files() -> None:  # writes past 64 KiB fail as on a full disk (EFBIG), without SIGXFSZ
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))

    long_note = "很长的批注" * 6_000  # 90 KB: longer than the limit, within one argument's limit
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "reader",
            "--data-dir",
            str(data),
            "bookmarks",
            "add",
            str(SEED),
            paragraph,
            "--note",
            long_note,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=small_files,
    )
    assert result.returncode == 1
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "internal error" not in lines[0] and "bookmarks could not be saved" in lines[0]
    listed = json.loads(_cli("bookmarks", "list", "--json", data_dir=data).stdout)
    assert len(listed) == 1  # the earlier bookmark is intact, the failed one not half there


# Helpers end with their parent; leftovers are cleaned ---------------------------------------------
def test_stale_temporaries_of_a_killed_import_are_removed_by_the_next(tmp_path):
    data = tmp_path / "data"
    assert _cli("library", "list", data_dir=data).returncode == 0
    library = data / "library"
    stale = [library / ".tmp-abc123", next(p for p in library.iterdir() if p.is_dir()) / ".tmp-def456"]
    for path in stale:
        path.write_bytes(b"half written")
    report = tmp_path / "r.txt"
    report.write_text("政府工作报告\n\n各位代表：\n\n现在，我代表市人民政府向大会报告工作。\n", encoding="utf-8")
    assert _cli("library", "add", str(report), data_dir=data).returncode == 0
    assert not any(path.exists() for path in stale)


# Page text crosses trust boundaries escaped --------------------------------------------------------
def test_markdown_export_shows_page_markup_as_text(tmp_path):
    page = tmp_path / "hostile.html"
    page.write_text(HOSTILE, encoding="utf-8")
    result = _cli("export", str(page), "--format", "markdown", data_dir=tmp_path / "data")
    assert result.returncode == 0, result.stderr
    body = result.stdout
    assert not re.search(r"(?<!\\)[<>]", body)  # every angle bracket escaped: no tag can open
    assert not re.search(r"(?<!\\)\]\(", body)  # no link can form: its brackets are escaped
    assert "\x1b" not in body and "\x07" not in body
    assert "\\<script\\>" in body or "\\<img" in body
    assert "\n# 不是标题" not in body and "\\# 不是标题" in body


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_text_to_a_terminal_carries_no_escape_sequences_or_bidi_overrides(tmp_path, fmt):
    page = tmp_path / "hostile.html"
    page.write_text(HOSTILE, encoding="utf-8")
    leader, follower = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "data"), "export", str(page), "--format", fmt],
        stdout=follower,
        stderr=subprocess.PIPE,
    )
    os.close(follower)
    received = b""
    while True:
        try:
            block = os.read(leader, 65536)
        except OSError:
            break
        if not block:
            break
        received += block
    process.wait(60)
    os.close(leader)
    text = received.decode("utf-8", "replace")
    assert "正文" in text
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text


def test_a_newline_in_a_file_name_cannot_forge_a_line_of_the_listing(tmp_path):
    data = tmp_path / "data"
    folder = tmp_path / "in"
    folder.mkdir()
    forged = folder / "report\nd000000000000  2099  伪造的条目  (x).txt"
    forged.write_text("政府工作报告\n\n各位代表：\n\n现在，我代表市人民政府向大会报告工作。\n", encoding="utf-8")
    assert _cli("library", "add", str(folder), data_dir=data).returncode == 0
    listing = _cli("library", "list", data_dir=data).stdout
    assert len(listing.strip().splitlines()) == 2  # the bundled report and this one
    assert not any(line.startswith("d000000000000") for line in listing.splitlines())


def test_the_escaping_functions():
    assert for_terminal("a\x1b[2Jb\x07c\u202ed\ne\tf") == "a\ufffd[2Jb\ufffdc\ufffdd\ne\tf"
    assert one_line("a\nb\rc") == "a\\nb\\rc"
    assert markdown_text("<script>[x](javascript:y)") == "\\<script\\>\\[x\\](javascript:y)"
    assert markdown_text("# 标题") == "\\# 标题" and markdown_text("1. 条") == "\\1. 条"


# Slow servers: the deadline covers the headers too ----------------------------------------------------
def test_a_server_trickling_its_headers_meets_the_deadline():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    stop = threading.Event()

    def trickle() -> None:
        connection, _ = listener.accept()
        with connection:
            connection.recv(4096)
            for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 1000:
                if stop.is_set():
                    return
                with contextlib.suppress(OSError):
                    connection.sendall(bytes([byte]))
                if stop.wait(0.2):  # a byte every 0.2 s: a header that never ends
                    return

    threading.Thread(target=trickle, daemon=True).start()
    started = time.monotonic()
    try:
        with pytest.raises(FetchError, match="longer than 2 s"):
            fetch_url(f"http://127.0.0.1:{listener.getsockname()[1]}/", timeout=5, deadline=2)
    finally:
        stop.set()
        listener.close()
    assert time.monotonic() - started < 5


# The command line decides usage before Qt ---------------------------------------------------------------
def test_a_mistyped_command_without_a_display_is_a_usage_error(tmp_path):
    env = {
        key: value for key, value in os.environ.items() if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path), "exprot", "x.html"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert result.returncode == 2 and "unknown command 'exprot'" in result.stderr
    window = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path), str(SEED)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert window.returncode == 1 and "no display" in window.stderr and "Abort" not in window.stderr


def test_a_data_dir_that_is_a_file_and_self_check_with_a_command_are_refused(tmp_path):
    file = tmp_path / "not-a-folder"
    file.write_text("x", encoding="utf-8")
    result = _cli("library", "list", data_dir=file)
    assert result.returncode == 1 and "is not a folder" in result.stderr
    mixed = subprocess.run(
        [sys.executable, "-m", "reader", "--self-check", "export", str(SEED)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert mixed.returncode == 2 and "--self-check runs alone" in mixed.stderr
