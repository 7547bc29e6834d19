"""``report-reader --self-check``: prove an installed or packaged app works, then exit.

It loads the bundled report, typesets it with Qt, runs a search, synthesises
one sentence to a WAV, and writes and reads a bookmark, all in a temporary data
directory. Each step prints one JSON line; the exit status is 0 only if every
step passed. Packagers run it on the built one-folder app (offscreen).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
import traceback
import wave
from collections.abc import Callable
from pathlib import Path

from reader.core.paths import DataLayout


def _step(name: str, function: Callable[[], dict]) -> bool:
    started = time.perf_counter()
    try:
        details = function()
        ok = True
    except Exception as error:  # every failure is reported as a failed step
        details = {"error": f"{error.__class__.__name__}: {error}", "trace": traceback.format_exc(limit=3)}
        ok = False
    record = {"step": name, "ok": ok, "ms": round((time.perf_counter() - started) * 1000, 1), **details}
    print(json.dumps(record, ensure_ascii=False), flush=True)
    return ok


def run() -> int:
    """Run every check; returns the exit status."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="report-reader-selfcheck-"))
    state: dict = {}

    def load() -> dict:
        from reader.core.library import Library
        from reader.core.resources import bundled_report_path

        library = Library(work)
        entries = library.entries()
        state["document"] = library.document(entries[0].id)
        document = state["document"]
        assert document.title == "2024年政府工作报告", document.title
        return {"bundled": str(bundled_report_path()), "paragraphs": len(document.paragraphs)}

    def typeset() -> dict:
        from PySide6.QtWidgets import QApplication

        from reader.ui.reading.appearance import THEMES, chinese_font_families
        from reader.ui.reading.typesetter import TypeStyle, prepare

        state["app"] = QApplication.instance() or QApplication([sys.argv[0]])
        families = tuple(chinese_font_families())
        text_document = prepare(state["document"], TypeStyle(16, 160, families, THEMES["light"]), 900, None)
        return {"blocks": text_document.blockCount(), "font": families[0] if families else "(none)"}

    def search() -> dict:
        from reader.core.library import Library
        from reader.core.search.index import SearchIndex

        library = Library(work)
        index = SearchIndex(DataLayout(work).index)
        index.open()
        index.sync(library.fingerprints(), library.document)
        result = index.search("数字经济")
        index.close()
        assert result.total > 0
        return {"query": "数字经济", "total": result.total}

    def speak() -> dict:
        from reader.core.speech.synth import Pyttsx3Synthesizer, mandarin_voice

        engine = Pyttsx3Synthesizer()
        try:
            voice = mandarin_voice(engine.voices())
            clip = engine.synthesize("各位代表：现在，我代表省人民政府向大会报告工作。", voice.id if voice else None)
        finally:
            engine.close()
        path = work / "sentence.wav"
        with wave.open(str(path), "wb") as audio:
            audio.setnchannels(1)
            audio.setsampwidth(2)
            audio.setframerate(clip.rate)
            audio.writeframes(clip.samples)
        assert clip.seconds > 1
        return {"wav": str(path), "seconds": round(clip.seconds, 2), "voice": voice.id if voice else None}

    def bookmark() -> dict:
        from reader.core.bookmarks.anchors import make_bookmark
        from reader.core.bookmarks.store import BookmarkStore

        document = state["document"]
        store = BookmarkStore(DataLayout(work).bookmarks)
        added = store.add(make_bookmark(document, document.paragraphs[10].id, note="self-check"))
        store.close()
        again = BookmarkStore(DataLayout(work).bookmarks)
        found = again.get(added.uid)
        again.close()
        assert found is not None and found.note == "self-check"
        return {"bookmark": added.uid}

    results = [
        _step(name, function)
        for name, function in (
            ("load-bundled-report", load),
            ("typeset-with-qt", typeset),
            ("search", search),
            ("synthesise-sentence", speak),
            ("bookmark-write-read", bookmark),
        )
    ]
    print(json.dumps({"self_check": "passed" if all(results) else "failed", "data_dir": str(work)}), flush=True)
    return 0 if all(results) else 1
