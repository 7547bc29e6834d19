"""Start the real application under Xvfb (xcb), screenshot it, check the glyphs, quit cleanly."""

from __future__ import annotations

import contextlib
import json
import os
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
    display = f":{90 + os.getpid() % 100}"
    process = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1280x900x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
        if time.monotonic() > deadline or process.poll() is not None:
            process.kill()
            pytest.fail("Xvfb did not start")
        time.sleep(0.05)
    yield display
    process.terminate()
    process.wait(5)


def test_real_window_renders_chinese_and_quits_cleanly(xvfb, tmp_path):
    ready = tmp_path / "ready.json"
    env = {
        **os.environ,
        "DISPLAY": xvfb,
        "QT_QPA_PLATFORM": "xcb",
        "REPORT_READER_READY_FILE": str(ready),
        "PYTHONPATH": str(ROOT),
        "LANG": "zh_CN.UTF-8",
    }
    app = subprocess.Popen(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "data")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 60
        while not ready.exists():
            assert app.poll() is None, app.communicate()[1][-3000:]
            assert time.monotonic() < deadline, "the window did not come up"
            time.sleep(0.1)
        info = json.loads(ready.read_text(encoding="utf-8"))
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
    assert app.wait(20) == 0
    settings = (tmp_path / "data" / "settings.ini").read_text(encoding="utf-8")
    assert "zhejiang-2024-government-work-report.html" in settings  # the session was saved on quit


def _xdotool(display: str, *args: str, timeout: float = 30) -> str:
    result = subprocess.run(
        ["xdotool", *args], env={**os.environ, "DISPLAY": display}, capture_output=True, text=True, timeout=timeout
    )
    return result.stdout.strip()


def _wait_for_window(display: str, name: str, timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = _xdotool(display, "search", "--onlyvisible", "--name", name)
        if found:
            return found.splitlines()[-1]
        time.sleep(0.2)
    raise AssertionError(f"no window named {name!r} appeared")


def _bundled_report_window(display: str) -> str:
    """The window showing the bundled report, with its panels and services up, in focus."""
    main = _wait_for_window(display, "2024年政府工作报告 — 报告阅读器")
    time.sleep(3)  # the panels and services come after the first page
    _xdotool(display, "windowfocus", "--sync", main)  # no window manager: focus the window ourselves
    return main


def _type_into_dialog(display: str, title: str, text: str, replace: bool = True) -> None:
    """Wait for a dialog, type a file path into it (over what it offers) and press Enter."""
    dialog = _wait_for_window(display, title, timeout=20)
    _xdotool(display, "windowfocus", "--sync", dialog)
    time.sleep(0.5)
    if replace:
        _xdotool(display, "key", "ctrl+a")
    _xdotool(display, "type", "--delay", "20", text)
    _xdotool(display, "key", "Return")


def _reader_env(display: str, tmp_path: Path) -> dict:
    """The environment of the real app under Xvfb, in Chinese, telling when its first page is up."""
    return {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb", "PYTHONPATH": str(ROOT),
            "LANG": "zh_CN.UTF-8", "REPORT_READER_READY_FILE": str(tmp_path / "ready.json")}  # fmt: skip


@contextlib.contextmanager
def _running_reader(env: dict, tmp_path: Path, *args: str):
    """Start ``report-reader ARGS``, wait for its first page, and on leaving stop it (it must quit cleanly)."""
    app = subprocess.Popen([sys.executable, "-m", "reader", *args], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 60
        while not (tmp_path / "ready.json").exists():
            assert app.poll() is None, app.communicate()[1][-3000:]
            assert time.monotonic() < deadline, "the window did not come up"
            time.sleep(0.1)
        yield app
    finally:
        if app.poll() is None:
            app.send_signal(signal.SIGTERM)
    assert app.wait(20) == 0


@needs_tool("xdotool", "xdotool")
def test_compare_with_last_year_by_keyboard(xvfb, tmp_path):
    """Alt+A, C opens the comparison with the previous year; Ctrl+S saves it as CSV through the dialog."""
    corpus = Path(os.environ.get("REPORT_READER_CORPUS", ROOT.parent / "shared" / "corpus")) / "text" / "national"
    if not corpus.exists():
        pytest.skip(f"shared corpus not found at {corpus.parent.parent}")
    data = tmp_path / "data"
    env = _reader_env(xvfb, tmp_path)
    sources = [str(corpus / "gwy_2023.md"), str(corpus / "gwy_2024.md")]
    add = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data), "library", "add", *sources],
                         env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert add.returncode == 0, add.stderr
    saved = tmp_path / "changes.csv"
    with _running_reader(env, tmp_path, "--data-dir", str(data), sources[1]):
        main = _wait_for_window(xvfb, "全国 · 2024年政府工作报告 — 报告阅读器")
        time.sleep(3)  # the library service starts after the first page
        _xdotool(xvfb, "windowfocus", "--sync", main)  # no window manager: focus the window ourselves
        _xdotool(xvfb, "key", "alt+a")
        time.sleep(0.5)
        _xdotool(xvfb, "key", "c")
        analysis = _wait_for_window(xvfb, "分析 — 报告阅读器")
        _xdotool(xvfb, "windowfocus", "--sync", analysis)
        dialog = ""
        deadline = time.monotonic() + 90
        while not dialog and time.monotonic() < deadline:  # Ctrl+S saves once the comparison is there
            _xdotool(xvfb, "key", "ctrl+s")
            time.sleep(1)
            dialog = _xdotool(xvfb, "search", "--onlyvisible", "--name", "保存数据")
        assert dialog, "the save dialog did not open"
        _xdotool(xvfb, "windowfocus", "--sync", dialog.splitlines()[-1])
        time.sleep(0.5)
        _xdotool(xvfb, "key", "ctrl+a")
        _xdotool(xvfb, "type", "--delay", "20", str(saved))
        _xdotool(xvfb, "key", "Return")
        _wait_for_file(saved)
    text = saved.read_text(encoding="utf-8-sig")
    assert text.startswith("op,similarity,a,b,a_text,b_text")
    assert "new,新质生产力,1" in text.replace("\r", "")


def _wait_for_file(path: Path, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    assert path.exists(), f"{path.name} was not written"


@needs_tool("xdotool", "xdotool")
def test_section_menu_by_keyboard(xvfb, tmp_path):
    """F6 (from the text) to the outline, Home, Shift+F10: export the section (E), bookmark it (B), keys only."""
    data = tmp_path / "data"
    env = _reader_env(xvfb, tmp_path)
    exported = tmp_path / "section.md"
    with _running_reader(env, tmp_path, "--data-dir", str(data)):
        main = _bundled_report_window(xvfb)
        for key in ("F6", "Home"):  # from the text (where focus starts) to the outline; its first section
            _xdotool(xvfb, "key", key)
            time.sleep(0.4)
        _xdotool(xvfb, "key", "shift+F10")
        time.sleep(0.6)
        _xdotool(xvfb, "key", "e")
        _type_into_dialog(xvfb, "导出本节", str(exported))
        _wait_for_file(exported)
        markdown = exported.read_text(encoding="utf-8")
        # The whole first part (both of its sub-sections), nothing of the second.
        assert "面对错综复杂的外部环境" in markdown and "我们全面贯彻习近平总书记" in markdown
        assert "二、2024年目标任务和重点工作" not in markdown
        _xdotool(xvfb, "windowfocus", "--sync", main)
        time.sleep(0.5)
        _xdotool(xvfb, "key", "shift+F10")
        time.sleep(0.6)
        _xdotool(xvfb, "key", "b")
        editor = _wait_for_window(xvfb, "书签", timeout=20)
        _xdotool(xvfb, "windowfocus", "--sync", editor)
        time.sleep(0.5)
        _xdotool(xvfb, "key", "Return")
        time.sleep(1.5)
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


@needs_tool("xdotool", "xdotool")
def test_reader_keys(xvfb, tmp_path):
    """F1 lists the keys; F11 reads full screen and Esc leaves; Space pages; a jump from the outline and Alt+Left."""
    data = tmp_path / "data"
    env = _reader_env(xvfb, tmp_path)
    with _running_reader(env, tmp_path, "--data-dir", str(data)):
        main = _bundled_report_window(xvfb)
        _xdotool(xvfb, "key", "F1")
        shortcuts = _wait_for_window(xvfb, "快捷键", timeout=20)
        _xdotool(xvfb, "windowfocus", "--sync", shortcuts)
        _xdotool(xvfb, "key", "Escape")
        time.sleep(0.5)
        assert not _xdotool(xvfb, "search", "--onlyvisible", "--name", "^快捷键$")
        _xdotool(xvfb, "windowfocus", "--sync", main)
        normal = _top_of_screen(env)
        _xdotool(xvfb, "key", "F11")
        time.sleep(1)
        assert _top_of_screen(env) != normal, "F11: the menus and toolbar are gone"
        _xdotool(xvfb, "key", "Escape")
        time.sleep(1)
        assert _top_of_screen(env) == normal, "Esc: they are back"
        for _ in range(3):  # Space pages down
            _xdotool(xvfb, "key", "space")
            time.sleep(0.3)
        for key in ("F6", "End", "Return"):  # the outline's last section: a jump
            _xdotool(xvfb, "key", key)
            time.sleep(0.4)
        _xdotool(xvfb, "key", "alt+Left")  # back to where the pages had got to
        time.sleep(1)
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
    env = _reader_env(xvfb, tmp_path)
    with _running_reader(env, tmp_path, "--data-dir", str(data)):
        main = _bundled_report_window(xvfb)
        _xdotool(xvfb, "windowsize", main, "900", "600")
        time.sleep(1)
        assert "Geometry: 900x600" in _xdotool(xvfb, "getwindowgeometry", main), "the window fits 900×600"
        _xdotool(xvfb, "key", "ctrl+shift+l")
        time.sleep(0.5)
        at_start = _clipboard(env)
        assert at_start.startswith("浙江 · 2024年政府工作报告") and "://" in at_start, at_start
        _xdotool(xvfb, "key", "ctrl+f")
        time.sleep(0.5)
        _xdotool(xvfb, "type", "--delay", "60", "HPV")  # only in the last part of the report
        time.sleep(0.5)
        _xdotool(xvfb, "key", "Return")
        time.sleep(2)
        _xdotool(xvfb, "key", "Escape")  # clears the search (and its counter)
        time.sleep(0.5)
        _xdotool(xvfb, "key", "ctrl+shift+l")
        time.sleep(0.5)
        at_match = _clipboard(env)
        assert "高质量办好十方面民生实事" in at_match, at_match  # the part of the report that names HPV
        _xdotool(xvfb, "key", "alt+Left")  # back to the top
        time.sleep(1)
        _xdotool(xvfb, "key", "ctrl+shift+l")
        time.sleep(0.5)
        assert _clipboard(env) == at_start, "Alt+Left returned from the search jump"
        _xdotool(xvfb, "key", "alt+Right")  # and forward to the match again
        time.sleep(1)
        _xdotool(xvfb, "key", "ctrl+shift+l")
        time.sleep(0.5)
        assert _clipboard(env) == at_match, "Alt+Right went forward again"
        _xdotool(xvfb, "key", "ctrl+d")
        editor = _wait_for_window(xvfb, "书签", timeout=20)
        _xdotool(xvfb, "windowfocus", "--sync", editor)
        time.sleep(0.5)
        _xdotool(xvfb, "key", "Tab")  # from the title to the note
        _xdotool(xvfb, "type", "--delay", "40", "e2e note")
        _xdotool(xvfb, "key", "ctrl+Return")  # saves from inside the note
        time.sleep(1.5)
        _xdotool(xvfb, "windowfocus", "--sync", main)
        for key in ("alt+v", "t", "p"):  # 查看(V) › 主题(T) › 护眼(P)
            _xdotool(xvfb, "key", key)
            time.sleep(0.5)
        time.sleep(1)
        # F9 puts the outline in front and in focus, even after Ctrl+Tab brought another tab of its dock forward.
        for key in ("F9", "ctrl+Tab", "F9", "End", "Return", "ctrl+shift+l"):
            _xdotool(xvfb, "key", key)
            time.sleep(0.5)
        at_end = _clipboard(env)
        # Ctrl+Shift+Tab from the outline: the highlights, then the bookmarks (the dock's tabs backwards, from the
        # last); Enter goes to the bookmark made above.
        for key in ("ctrl+shift+Tab", "ctrl+shift+Tab", "Home", "Return", "ctrl+shift+l"):
            _xdotool(xvfb, "key", key)
            time.sleep(0.5)
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
    env = _reader_env(xvfb, tmp_path)
    other = tmp_path / "reports" / "test-city-2025.txt"
    other.parent.mkdir()
    text = "测试市2025年政府工作报告\n\n各位代表：\n\n一、过去一年的工作\n\n经济运行总体平稳。\n"
    other.write_text(text, encoding="utf-8")
    pdf = tmp_path / "report.pdf"
    with _running_reader(env, tmp_path, "--data-dir", str(data)):
        main = _bundled_report_window(xvfb)
        links = []
        for keys in (("ctrl+f",), ("type:PM2", "Return"), ("F3",), ("shift+F3",)):  # PM2.5: two paragraphs
            for key in keys:
                if key.startswith("type:"):
                    _xdotool(xvfb, "type", "--delay", "60", key[5:])
                else:
                    _xdotool(xvfb, "key", key)
                time.sleep(0.8)
            if keys != ("ctrl+f",):
                _xdotool(xvfb, "key", "ctrl+shift+l")
                time.sleep(0.5)
                links.append(_clipboard(env))
        first, second, back = links
        assert first != second, "F3 went on to the next match, in another section"
        assert back == first, "Shift+F3 came back to the first"
        _xdotool(xvfb, "key", "Escape")
        _xdotool(xvfb, "key", "ctrl+shift+e")
        _type_into_dialog(xvfb, "导出为 PDF", str(pdf))
        _wait_for_file(pdf, timeout=60)
        time.sleep(2)  # written atomically: complete once it exists
        _xdotool(xvfb, "windowfocus", "--sync", main)
        _xdotool(xvfb, "key", "ctrl+o")
        _type_into_dialog(xvfb, "打开报告", str(other), replace=False)
        _wait_for_window(xvfb, "测试市", timeout=30)
    bookmarks = PdfReader(str(pdf)).outline
    assert bookmarks[0].title == "一、2023年工作回顾" and isinstance(bookmarks[1], list), "nested bookmarks"
    settings = (data / "settings.ini").read_text(encoding="utf-8")
    assert f"open_folder={other.parent}" in settings, "the next Open starts in that folder"


@needs_tool("xdotool", "xdotool")
def test_highlight_by_keys_reaches_the_command_line(xvfb, tmp_path):
    """Shift+arrow keys select words in the text, Ctrl+H highlights them; the CLI lists exactly those words."""
    data = tmp_path / "data"
    env = _reader_env(xvfb, tmp_path)
    with _running_reader(env, tmp_path, "--data-dir", str(data)):
        _bundled_report_window(xvfb)
        _xdotool(xvfb, "key", "ctrl+Home")
        for _ in range(4):  # the first four characters of the report
            _xdotool(xvfb, "key", "shift+Right")
        time.sleep(0.3)
        _xdotool(xvfb, "key", "ctrl+h")
        time.sleep(1.5)  # the highlight is written on the bookmark service's worker
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
