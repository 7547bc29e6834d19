"""Start the real application under Xvfb (xcb), screenshot it, check the glyphs, quit cleanly."""

from __future__ import annotations

import contextlib
import json
import os
import re
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, needs_tool

pytestmark = [pytest.mark.e2e, needs_tool("Xvfb", "xvfb")]

GRAB_SCRIPT = r"""
import json, sys
from PySide6.QtGui import QFont, QGuiApplication, QRawFont
app = QGuiApplication(sys.argv[:1])
screen = app.primaryScreen()
image = screen.grabWindow(0).toImage()
image.save(sys.argv[1])
x, y, w, h = json.loads(sys.argv[2])
colours = set()
for px in range(max(0, x), min(image.width(), x + w), 7):
    for py in range(max(0, y), min(image.height(), y + h), 7):
        colours.add(image.pixel(px, py))
font = QFont()
font.setFamily(sys.argv[3])
font.setPixelSize(20)
raw = QRawFont.fromFont(font)
glyphs = list(raw.glyphIndexesForString(sys.argv[4]))
print(json.dumps({"colours": len(colours), "glyphs": glyphs, "raw_family": raw.familyName(),
                  "width": image.width(), "height": image.height()}))
"""


@pytest.fixture
def xvfb():
    """A new X server on a free display; Xvfb writes the display's number to a pipe once it accepts clients."""
    read_end, write_end = os.pipe()
    process = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write_end,),
    )
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        ready, _, _ = select.select([pipe], [], [], 20)
        number = pipe.readline().decode().strip() if ready else ""
    if not number:
        process.kill()
        pytest.fail("Xvfb did not start")
    yield f":{number}"
    process.terminate()
    process.wait(5)


class AppEvents:
    """The lines the app writes with ``REPORT_READER_EVENTS=1`` (see ``reader.ui.automation``), read as they come.

    A test waits for the line that says the app is done instead of sleeping a guessed time.
    """

    def __init__(self, process: subprocess.Popen) -> None:
        self._process = process
        self._pending = b""
        self.seen: list[str] = []

    def _next_line(self, deadline: float) -> str | None:
        while b"\n" not in self._pending:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self._process.stdout], [], [], left)
            if not ready:
                return None
            chunk = os.read(self._process.stdout.fileno(), 65536)
            if not chunk:
                return None  # the app has gone
            self._pending += chunk
        line, self._pending = self._pending.split(b"\n", 1)
        return line.decode("utf-8", "replace")

    def wait(self, pattern: str, timeout: float = 60) -> str:
        """The first event line from here on matching ``pattern`` (a regular expression after ``event ``)."""
        deadline = time.monotonic() + timeout
        wanted = re.compile(r"event " + pattern)
        while True:
            line = self._next_line(deadline)
            if line is None:
                raise AssertionError(f"the app never said {pattern!r}; it said: {self.seen[-15:]}")
            self.seen.append(line)
            if wanted.match(line):
                return line


def _qt_key_name(key: str) -> str:
    """The name Qt gives the key that ``xdotool key KEY`` lets go of last (modifiers aside)."""
    main = key.split("+")[-1]
    return {"Escape": "Esc", "space": "Space", "Return": "Return"}.get(main, main.upper() if len(main) == 1 else main)


def test_real_window_renders_chinese_and_quits_cleanly(xvfb, tmp_path):
    env = {
        **os.environ,
        "DISPLAY": xvfb,
        "QT_QPA_PLATFORM": "xcb",
        "REPORT_READER_EVENTS": "1",
        "PYTHONPATH": str(ROOT),
        "LANG": "zh_CN.UTF-8",
    }
    errors = (tmp_path / "stderr.txt").open("w")
    app = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "data")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=errors,
        cwd=ROOT,
    )
    try:
        ready = AppEvents(app).wait("ready ")
        info = json.loads(ready.split(" ", 2)[2])
        assert info["title"] == "2024年政府工作报告"
        assert info["font_family"] in (
            "Noto Sans CJK SC",
            "Noto Serif CJK SC",
            "WenQuanYi Micro Hei",
            "WenQuanYi Zen Hei",
            "Source Han Sans SC",
        )
        shot = tmp_path / "screen.png"
        grab = subprocess.run(
            [
                sys.executable,
                "-c",
                GRAB_SCRIPT,
                str(shot),
                json.dumps(info["window"]),
                info["font_family"],
                "2024年政府工作报告浙江省第十四届人民代表大会",
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert grab.returncode == 0, grab.stderr[-2000:]
        measured = json.loads(grab.stdout.strip().splitlines()[-1])
        assert shot.stat().st_size > 10_000
        assert measured["colours"] > 20, "the window looks blank"
        assert measured["raw_family"] == info["font_family"]
        assert measured["glyphs"] and 0 not in measured["glyphs"], "a title glyph is missing from the font"
    finally:
        if app.poll() is None:
            app.send_signal(signal.SIGTERM)
    assert app.wait(20) == 0, (tmp_path / "stderr.txt").read_text(encoding="utf-8")[-3000:]
    settings = (tmp_path / "data" / "settings.ini").read_text(encoding="utf-8")
    assert "zhejiang-2024-government-work-report.html" in settings  # the session was saved on quit


def _xdotool(display: str, *args: str, timeout: float = 30) -> str:
    result = subprocess.run(
        ["xdotool", *args], env={**os.environ, "DISPLAY": display}, capture_output=True, text=True, timeout=timeout
    )
    return result.stdout.strip()


def _window_id(display: str, name: str, timeout: float = 60) -> str:
    """The X window of a visible window of this name (xdotool waits for it to be mapped)."""
    found = _xdotool(display, "search", "--sync", "--onlyvisible", "--name", name, timeout=timeout)
    assert found, f"no window named {name!r} appeared"
    return found.splitlines()[-1]


class Reader:
    """The running app: its events, and keys pressed into it, each waited for until the app has handled it."""

    def __init__(self, display: str, process: subprocess.Popen) -> None:
        self.display = display
        self.events = AppEvents(process)

    def key(self, *keys: str) -> None:
        """Press keys one after the other; each returns once the app has done what it does."""
        for key in keys:
            _xdotool(self.display, "key", key)
            self.events.wait(f"keyup {re.escape(_qt_key_name(key))}$")

    def type(self, text: str) -> None:
        """Type text (each character handled before the next call returns)."""
        _xdotool(self.display, "type", "--delay", "20", text)
        for char in text:
            self.events.wait(f"keyup {re.escape('Space' if char == ' ' else char.upper())}$")

    def focus(self, window: str) -> None:
        """Give a window the keyboard (there is no window manager to do it)."""
        _xdotool(self.display, "windowfocus", "--sync", window)

    def main_window(self, title: str = "2024年政府工作报告 — 报告阅读器") -> str:
        """The main window, its panels and services up, in focus."""
        self.events.wait("services")
        main = _window_id(self.display, title)
        self.focus(main)
        return main

    def dialog(self, title: str) -> str:
        """Wait for a dialog to open and give it the keyboard."""
        self.events.wait(f"shown {re.escape(title)}$")
        dialog = _window_id(self.display, f"^{re.escape(title)}$", timeout=20)
        self.focus(dialog)
        return dialog

    def type_into_dialog(self, title: str, text: str, replace: bool = True, then: str = "") -> None:
        """Wait for a dialog, type a file path into it (over what it offers), press Enter and wait for ``then``.

        Without ``then``, until Enter is let go (what the dialog's answer does at once is done by then).
        """
        self.dialog(title)
        if replace:
            self.key("ctrl+a")
        _xdotool(self.display, "type", "--delay", "20", text)
        if then:
            _xdotool(self.display, "key", "Return")
            self.events.wait(then)
        else:
            self.key("Return")


def _reader_env(display: str) -> dict:
    """The environment of the real app under Xvfb, in Chinese, reporting its events."""
    return {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT),
            "LANG": "zh_CN.UTF-8", "REPORT_READER_EVENTS": "1"}  # fmt: skip


@contextlib.contextmanager
def _running_reader(env: dict, tmp_path: Path, *args: str):
    """Start ``report-reader ARGS``; on leaving stop it (it must quit cleanly)."""
    errors = (tmp_path / "stderr.txt").open("w")
    app = subprocess.Popen([sys.executable, "-m", "reader", *args], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                           stderr=errors)  # fmt: skip
    try:
        yield Reader(env["DISPLAY"], app)
    finally:
        if app.poll() is None:
            app.send_signal(signal.SIGTERM)
    assert app.wait(20) == 0, (tmp_path / "stderr.txt").read_text(encoding="utf-8")[-3000:]


@needs_tool("xdotool", "xdotool")
def test_compare_with_last_year_by_keyboard(xvfb, tmp_path):
    """Alt+A, C opens the comparison with the previous year; Ctrl+S saves it as CSV through the dialog."""
    corpus = Path(os.environ.get("REPORT_READER_CORPUS", ROOT.parent / "shared" / "corpus")) / "text" / "national"
    if not corpus.exists():
        pytest.skip(f"shared corpus not found at {corpus.parent.parent}")
    data = tmp_path / "data"
    env = _reader_env(xvfb)
    sources = [str(corpus / "gwy_2023.md"), str(corpus / "gwy_2024.md")]
    add = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data), "library", "add", *sources],
                         env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert add.returncode == 0, add.stderr
    saved = tmp_path / "changes.csv"
    with _running_reader(env, tmp_path, "--data-dir", str(data), sources[1]) as reader:
        reader.main_window("全国 · 2024年政府工作报告 — 报告阅读器")
        reader.key("alt+a")  # 分析(A)
        _xdotool(xvfb, "key", "c")  # 与上一年对比(C): the analysis window opens
        reader.dialog("分析 — 报告阅读器")
        reader.events.wait("compared", timeout=120)
        _xdotool(xvfb, "key", "ctrl+s")
        reader.type_into_dialog("保存数据", str(saved))  # saved before the key is let go
    text = saved.read_text(encoding="utf-8-sig")
    assert text.startswith("op,similarity,a,b,a_text,b_text")
    assert "new,新质生产力,1" in text.replace("\r", "")


@needs_tool("xdotool", "xdotool")
def test_section_menu_by_keyboard(xvfb, tmp_path):
    """F6 (from the text) to the outline, Home, Shift+F10: export the section (E), bookmark it (B), keys only."""
    data = tmp_path / "data"
    env = _reader_env(xvfb)
    exported = tmp_path / "section.md"
    with _running_reader(env, tmp_path, "--data-dir", str(data)) as reader:
        main = reader.main_window()
        reader.key("F6", "Home")  # from the text (where focus starts) to the outline; its first section
        reader.key("shift+F10")  # the section menu is open when the key is let go
        _xdotool(xvfb, "key", "e")
        reader.type_into_dialog("导出本节", str(exported))  # written before the key is let go
        markdown = exported.read_text(encoding="utf-8")
        # The whole first part (both of its sub-sections), nothing of the second.
        assert "面对错综复杂的外部环境" in markdown and "我们全面贯彻习近平总书记" in markdown
        assert "二、2024年目标任务和重点工作" not in markdown
        reader.focus(main)
        reader.key("shift+F10")
        _xdotool(xvfb, "key", "b")
        reader.dialog("书签")
        _xdotool(xvfb, "key", "Return")
        reader.events.wait("bookmarks 1$")
    listed = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data), "bookmarks", "list", "--json"],
                            env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)  # fmt: skip
    bookmarks = json.loads(listed.stdout)
    assert [(b["section"], b["title"]) for b in bookmarks] == [(True, "一、2023年工作回顾")]


STRIP_SCRIPT = r"""
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
image = app.primaryScreen().grabWindow(0).toImage()
print(",".join(str(image.pixel(x, y)) for y in range(0, 60, 3) for x in range(0, 600, 5)))
"""


def _top_of_screen(env: dict) -> str:
    """The colours along the top of the screen, where the menu bar and the toolbar are."""
    grab = subprocess.run([sys.executable, "-c", STRIP_SCRIPT], env=env, capture_output=True, text=True, timeout=60)
    return grab.stdout.strip()


def _screen_top_becomes(env: dict, wanted, timeout: float = 20) -> bool:
    """Whether the top of the screen comes to look as ``wanted`` says (the X server repaints on its own time)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if wanted(_top_of_screen(env)):  # each look takes a process start: the loop paces itself
            return True
    return False


@needs_tool("xdotool", "xdotool")
def test_reader_keys(xvfb, tmp_path):
    """F1 lists the keys; F11 reads full screen and Esc leaves; Space pages; a jump from the outline and Alt+Left."""
    data = tmp_path / "data"
    env = _reader_env(xvfb)
    with _running_reader(env, tmp_path, "--data-dir", str(data)) as reader:
        main = reader.main_window()
        _xdotool(xvfb, "key", "F1")
        reader.dialog("快捷键")
        _xdotool(xvfb, "key", "Escape")
        reader.events.wait("hidden 快捷键$")
        assert not _xdotool(xvfb, "search", "--onlyvisible", "--name", "^快捷键$")
        reader.focus(main)
        normal = _top_of_screen(env)
        reader.key("F11")
        assert _screen_top_becomes(env, lambda top: top != normal), "F11: the menus and toolbar are gone"
        reader.key("Escape")
        assert _screen_top_becomes(env, lambda top: top == normal), "Esc: they are back"
        reader.key("space", "space", "space")  # Space pages down
        reader.key("F6", "End", "Return")  # the outline's last section: a jump
        reader.key("alt+Left")  # back to where the pages had got to
    settings = (data / "settings.ini").read_text(encoding="utf-8")
    saved = next(line.split("=", 1)[1] for line in settings.splitlines() if "\\paragraph=" in line)
    exported = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data), "export",
                               str(ROOT / "resources" / "zhejiang-2024-government-work-report.html")],
                              env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)  # fmt: skip
    document = json.loads(exported.stdout)
    ids = [p["id"] for p in document["paragraphs"]]
    last_section = document["outline"][-1]
    while last_section["children"]:
        last_section = last_section["children"][-1]
    assert ids.index(saved) > 3, "Space paged down"
    assert saved != last_section["paragraph"], "Alt+Left went back from the jump"


CLIPBOARD_SCRIPT = r"""
import sys
from PySide6.QtGui import QGuiApplication
app = QGuiApplication(sys.argv[:1])
sys.stdout.write(app.clipboard().text())
"""


def _clipboard(env: dict) -> str:
    """The X clipboard's text, asked for by another process (as a paste into another program would)."""
    read = subprocess.run([sys.executable, "-c", CLIPBOARD_SCRIPT], env=env, capture_output=True, text=True,
                          timeout=60)  # fmt: skip
    return read.stdout


@needs_tool("xdotool", "xdotool")
def test_reader_conventions_by_keys(xvfb, tmp_path):
    """900×600; Ctrl+F and Enter jump to the match; Alt+Left / Alt+Right; Ctrl+Shift+L's link; Ctrl+D with
    Tab and Ctrl+Enter in the note; the theme through unique menu letters (Alt+V, T, P)."""
    data = tmp_path / "data"
    env = _reader_env(xvfb)
    with _running_reader(env, tmp_path, "--data-dir", str(data)) as reader:
        main = reader.main_window()
        _xdotool(xvfb, "windowsize", main, "900", "600")
        reader.events.wait("resized 900x600$")
        assert "Geometry: 900x600" in _xdotool(xvfb, "getwindowgeometry", main), "the window fits 900×600"
        reader.key("ctrl+shift+l")
        at_start = _clipboard(env)
        assert at_start.startswith("浙江 · 2024年政府工作报告") and "://" in at_start, at_start
        reader.key("ctrl+f")
        reader.type("HPV")  # only in the last part of the report
        _xdotool(xvfb, "key", "Return")
        reader.events.wait(r"status (第 1 处|Match 1 of)")  # the answer is in and the text went to it
        reader.key("Escape")  # clears the search (and its counter)
        reader.key("ctrl+shift+l")
        at_match = _clipboard(env)
        assert "高质量办好十方面民生实事" in at_match, at_match  # the part of the report that names HPV
        reader.key("alt+Left", "ctrl+shift+l")  # back to the top
        assert _clipboard(env) == at_start, "Alt+Left returned from the search jump"
        reader.key("alt+Right", "ctrl+shift+l")  # and forward to the match again
        assert _clipboard(env) == at_match, "Alt+Right went forward again"
        _xdotool(xvfb, "key", "ctrl+d")
        reader.dialog("书签")
        reader.key("Tab")  # from the title to the note
        reader.type("e2e note")
        _xdotool(xvfb, "key", "ctrl+Return")  # saves from inside the note
        reader.events.wait("bookmarks 1$")
        reader.focus(main)
        reader.key("alt+v", "t")  # 查看(V) › 主题(T) › 护眼(P)
        _xdotool(xvfb, "key", "p")
        reader.events.wait("styled")  # typeset again in the sepia theme, and shown
        # F9 puts the outline in front and in focus, even after Ctrl+Tab brought another tab of its dock forward.
        reader.key("F9", "ctrl+Tab", "F9", "End", "Return", "ctrl+shift+l")
        at_end = _clipboard(env)
        # Ctrl+Shift+Tab from the outline: the highlights, then the bookmarks (the dock's tabs backwards, from the
        # last); Enter goes to the bookmark made above.
        reader.key("ctrl+shift+Tab", "ctrl+shift+Tab", "Home", "Return", "ctrl+shift+l")
        at_bookmark = _clipboard(env)
        assert at_bookmark == at_match != at_end, at_bookmark
    listed = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data), "bookmarks", "list", "--json"],
                            env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)  # fmt: skip
    bookmarks = json.loads(listed.stdout)
    assert [b["note"] for b in bookmarks] == ["e2e note"]
    exported = subprocess.run([sys.executable, "-m", "reader", "export",
                               str(ROOT / "resources" / "zhejiang-2024-government-work-report.html")],
                              env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)  # fmt: skip
    ids = [p["id"] for p in json.loads(exported.stdout)["paragraphs"]]
    assert ids.index(bookmarks[0]["paragraph"]) >= 70, "the bookmark is where the search took the reader"
    settings = (data / "settings.ini").read_text(encoding="utf-8")
    assert "theme=sepia" in settings
    last = json.loads(exported.stdout)["outline"][-1]
    while last["children"]:
        last = last["children"][-1]
    assert at_end.split("\n")[0].endswith(last["title"]), at_end


@needs_tool("xdotool", "xdotool")
def test_find_next_open_and_pdf_by_keys(xvfb, tmp_path):
    """F3 / Shift+F3 step between matches; Ctrl+Shift+E writes a PDF with the outline as bookmarks;
    Ctrl+O opens another report through the dialog, typed into."""
    from pypdf import PdfReader

    data = tmp_path / "data"
    env = _reader_env(xvfb)
    other = tmp_path / "reports" / "test-city-2025.txt"
    other.parent.mkdir()
    text = "测试市2025年政府工作报告\n\n各位代表：\n\n一、过去一年的工作\n\n经济运行总体平稳。\n"
    other.write_text(text, encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    with _running_reader(env, tmp_path, "--data-dir", str(data)) as reader:
        main = reader.main_window()
        reader.key("ctrl+f")
        reader.type("PM2")  # PM2.5: two paragraphs
        _xdotool(xvfb, "key", "Return")
        reader.events.wait(r"status (第 1 处|Match 1 of)")
        links = []
        for key in (None, "F3", "shift+F3"):
            if key:
                reader.key(key)
            reader.key("ctrl+shift+l")
            links.append(_clipboard(env))
        first, second, back = links
        assert first != second, "F3 went on to the next match, in another section"
        assert back == first, "Shift+F3 came back to the first"
        reader.key("Escape")
        _xdotool(xvfb, "key", "ctrl+shift+e")
        reader.type_into_dialog("导出为 PDF", str(pdf))
        reader.events.wait(f"status .*{re.escape(str(pdf))}", timeout=120)  # written (atomically) on a worker
        reader.focus(main)
        _xdotool(xvfb, "key", "ctrl+o")
        reader.type_into_dialog("打开报告", str(other), replace=False, then="title 测试市")
    bookmarks = PdfReader(str(pdf)).outline
    assert bookmarks[0].title == "一、2023年工作回顾" and isinstance(bookmarks[1], list), "nested bookmarks"
    settings = (data / "settings.ini").read_text(encoding="utf-8")
    assert f"open_folder={other.parent}" in settings, "the next Open starts in that folder"


@needs_tool("xdotool", "xdotool")
def test_highlight_by_keys_reaches_the_command_line(xvfb, tmp_path):
    """Shift+arrow keys select words in the text, Ctrl+H highlights them; the CLI lists exactly those words."""
    data = tmp_path / "data"
    env = _reader_env(xvfb)
    with _running_reader(env, tmp_path, "--data-dir", str(data)) as reader:
        reader.main_window()
        reader.key("ctrl+Home")
        reader.key(*["shift+Right"] * 4)  # the first four characters of the report
        _xdotool(xvfb, "key", "ctrl+h")
        reader.events.wait("bookmarks 1$")  # the highlight is written on the bookmark service's worker
    listed = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data), "highlights", "list", "--json"],
                            env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)  # fmt: skip
    highlights = json.loads(listed.stdout)
    exported = subprocess.run([sys.executable, "-m", "reader", "export",
                               str(ROOT / "resources" / "zhejiang-2024-government-work-report.html")],
                              env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)  # fmt: skip
    first = json.loads(exported.stdout)["paragraphs"][0]
    assert [(h["snippet"], h["paragraph"], h["offset"]) for h in highlights] == [(first["text"][:4], first["id"], 0)]
    quotes = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data), "highlights", "export"],
                            env=env, cwd=ROOT, capture_output=True, text=True, timeout=60)  # fmt: skip
    assert f"> {first['text'][:4]}" in quotes.stdout and "——浙江省《2024年政府工作报告》" in quotes.stdout
