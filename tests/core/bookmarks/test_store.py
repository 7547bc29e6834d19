"""Bookmarks: round trips, re-anchoring, concurrency, crashes, corruption, read-only."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from reader.core.bookmarks import store as bookmarks_module
from reader.core.bookmarks.anchors import find_anchor, make_bookmark
from reader.core.bookmarks.export import bookmarks_markdown
from reader.core.bookmarks.model import BookmarkError
from reader.core.bookmarks.store import BookmarkStore
from reader.core.loader import load_path, parse_bytes
from tests.conftest import ROOT, SEED


@pytest.fixture(scope="module")
def seed():
    return load_path(SEED)


@pytest.fixture
def store(data_dir):
    opened = BookmarkStore(data_dir / "bookmarks.sqlite3")
    yield opened
    opened.close()


def _paragraph(document, prefix):
    return next(p for p in document.paragraphs if p.text.startswith(prefix))


def test_add_edit_delete_undo(store, seed):
    paragraph = _paragraph(seed, "大力发展数字经济")
    bookmark = store.add(make_bookmark(seed, paragraph.id, note="数字经济的目标"))
    assert bookmark.title == "大力发展数字经济"
    assert bookmark.section_path == (
        "二、2024年目标任务和重点工作",
        "（三）聚焦聚力建设现代化产业体系",
        "大力发展数字经济",
    )
    assert store.get(bookmark.uid) == bookmark
    assert store.get(bookmark.uid[:6]) == bookmark  # unique prefixes work
    renamed = store.update(bookmark.uid, title="数字经济", note="新的笔记")
    assert (renamed.title, renamed.note) == ("数字经济", "新的笔记") and renamed.updated >= bookmark.updated
    store.delete(bookmark.uid)
    assert store.get(bookmark.uid) is None and store.list() == []
    store.restore(bookmark.uid)
    assert store.get(bookmark.uid) == renamed
    with pytest.raises(BookmarkError):
        store.delete("no-such-bookmark")


def test_selection_bookmark_keeps_offset_and_text(store, seed):
    paragraph = _paragraph(seed, "持续推进公共服务")
    offset = paragraph.text.index("推进“学有优教”")
    bookmark = store.add(make_bookmark(seed, paragraph.id, offset=offset, length=8))
    assert bookmark.snippet == paragraph.text[offset : offset + 8]
    assert bookmark.offset == offset and bookmark.length == 8


def test_json_export_import_round_trip(data_dir, store, seed):
    for prefix in ("大力发展数字经济", "加快传统产业", "1、医疗卫生"):
        store.add(make_bookmark(seed, _paragraph(seed, prefix).id, note=f"note for {prefix}"))
    exported = store.export_json()
    assert exported["format"] == "report-reader-bookmarks" and exported["version"] == 1
    other = BookmarkStore(data_dir / "other.sqlite3")
    assert other.import_json(json.loads(json.dumps(exported))) == (3, 0)
    assert [b.to_json() for b in other.list()] == [b.to_json() for b in store.list()]
    assert other.import_json(exported) == (0, 0), "importing twice adds no duplicates"
    newer = json.loads(json.dumps(exported))
    newer["bookmarks"][0]["note"] = "changed elsewhere"
    newer["bookmarks"][0]["updated"] += 10
    assert other.import_json(newer) == (0, 1)
    assert other.get(newer["bookmarks"][0]["uid"]).note == "changed elsewhere"
    with pytest.raises(BookmarkError):
        other.import_json({"format": "something else"})
    other.close()


def test_markdown_export_groups_and_cites(store, seed):
    store.add(make_bookmark(seed, _paragraph(seed, "大力发展数字经济").id, note="第一条笔记"))
    store.add(make_bookmark(seed, _paragraph(seed, "1、医疗卫生").id))
    text = bookmarks_markdown(store.list(), lambda doc_id: seed if doc_id == seed.id else None)
    assert "## 浙江 · 2024年政府工作报告" in text
    assert "### 二、2024年目标任务和重点工作 › （三）聚焦聚力建设现代化产业体系 › 大力发展数字经济" in text
    assert "第一条笔记" in text
    assert "——浙江省《2024年政府工作报告》" in text.replace("—— ", "——")
    assert "浙江省人民政府办公厅，2024-01-23，https://www.zj.gov.cn/" in text


def test_reanchor_after_the_paragraph_text_changed(store, seed):
    paragraph = _paragraph(seed, "大力发展数字经济")
    exact = store.add(make_bookmark(seed, paragraph.id, offset=9, length=12))
    fuzzy = store.add(make_bookmark(seed, _paragraph(seed, "加快传统产业转型升级").id))
    gone = store.add(make_bookmark(seed, _paragraph(seed, "大力发展生产性服务业").id))
    html = SEED.read_text(encoding="utf-8")
    # The re-imported page: one paragraph gains a sentence, one is reworded, one is removed.
    marked_at = paragraph.text[9:21]
    html = html.replace(marked_at, "新增的一句话。" + marked_at, 1)
    old = _paragraph(seed, "加快传统产业转型升级").text
    html = html.replace(old[20:40], old[20:30] + "（改）" + old[31:40], 1)
    removed = _paragraph(seed, "大力发展生产性服务业").text
    html = html.replace(removed[12:], "", 1).replace("大力发展生产性服务业。", "", 1)
    changed = parse_bytes(
        html.encode("utf-8"),
        name="seed.html",
        source="seed",
        source_key="bundled:zhejiang-2024-government-work-report.html",
        kind="html",
    )
    assert changed.id == seed.id
    assert changed.paragraph(paragraph.id) is None  # the ids moved with the text
    moved, detached = store.reanchor(changed)
    assert (moved, detached) == (2, 1)
    again = store.get(exact.uid)
    new_paragraph = changed.paragraph(again.paragraph)
    assert new_paragraph.text[again.offset : again.offset + 12] == marked_at
    assert changed.paragraph(store.get(fuzzy.uid).paragraph).text.startswith("加快传统产业转型升级")
    lost = store.get(gone.uid)
    assert lost.detached and lost.snippet, "an unmatched bookmark stays, marked detached, with its snippet"
    assert len(store.list()) == 3


def test_find_anchor_prefers_exact_then_fuzzy(seed):
    text = _paragraph(seed, "大力发展数字经济").text
    assert find_anchor(seed, text[5:25]) == (_paragraph(seed, "大力发展数字经济").id, 5)
    assert find_anchor(seed, "完全无关的一段文字，与报告没有任何重合之处。") is None


def test_schema_migrates_from_version_1(data_dir):
    path = data_dir / "old.sqlite3"
    db = sqlite3.connect(path)
    for statement in bookmarks_module._MIGRATIONS[0]:
        db.execute(statement)
    db.execute("INSERT INTO bookmarks (uid, doc, paragraph, created, updated) VALUES ('u1', 'd', 'p', 1, 1)")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    migrated = BookmarkStore(path)
    assert [b.uid for b in migrated.list()] == ["u1"]
    migrated.delete("u1")  # the column added by version 2 works
    assert migrated.list() == []
    migrated.close()


def test_corrupt_database_is_moved_aside(data_dir, store, seed):
    store.add(make_bookmark(seed, seed.paragraphs[10].id))
    store.close()
    path = data_dir / "bookmarks.sqlite3"
    for suffix in ("-wal", "-shm"):
        (data_dir / f"bookmarks.sqlite3{suffix}").unlink(missing_ok=True)
    path.write_bytes(b"this is not a database" * 100)
    recovered = BookmarkStore(path)
    assert "moved to bookmarks.corrupt-" in recovered.notice
    moved = list(data_dir.glob("bookmarks.corrupt-*.sqlite3"))
    assert len(moved) == 1 and moved[0].name in recovered.notice
    assert recovered.list() == []
    recovered.add(make_bookmark(seed, seed.paragraphs[11].id))
    assert recovered.count() == 1
    recovered.close()


def test_read_only_directory_reads_but_refuses_changes(data_dir, store, seed, monkeypatch):
    store.add(make_bookmark(seed, seed.paragraphs[10].id))
    store.close()
    monkeypatch.setattr(bookmarks_module, "_writable", lambda path: False)
    read_only = BookmarkStore(data_dir / "bookmarks.sqlite3")
    assert read_only.read_only and "read-only" in read_only.notice
    assert len(read_only.list()) == 1
    with pytest.raises(BookmarkError, match="read-only"):
        read_only.add(make_bookmark(seed, seed.paragraphs[12].id))
    read_only.close()


WRITER = r"""
import sys, time
from pathlib import Path
from reader.core.bookmarks.store import BookmarkStore
from reader.core.bookmarks.anchors import make_bookmark
from reader.core.loader import load_path
document = load_path(Path(sys.argv[2]))
store = BookmarkStore(Path(sys.argv[1]))
for number in range(int(sys.argv[3])):
    store.add(make_bookmark(document, document.paragraphs[number % len(document.paragraphs)].id,
                            note=f"{sys.argv[4]}-{number}"))
    if sys.argv[4] == "log":
        print(number, flush=True)
store.close()
"""


def _writer(path, count, tag):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(SEED), str(count), tag],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_processes_adding_500_each_lose_nothing(data_dir):
    path = data_dir / "bookmarks.sqlite3"
    BookmarkStore(path).close()  # schema created once, then two writers race
    writers = [_writer(path, 500, "a"), _writer(path, 500, "b")]
    for writer in writers:
        _, errors = writer.communicate(timeout=300)
        assert writer.returncode == 0, errors
    check = BookmarkStore(path)
    notes = {b.note for b in check.list()}
    assert len(notes) == 1000
    assert {f"a-{n}" for n in range(500)} | {f"b-{n}" for n in range(500)} == notes
    check.close()


def test_killed_writer_leaves_a_consistent_database_with_every_commit(data_dir):
    path = data_dir / "bookmarks.sqlite3"
    reported = 0
    for round_number in range(5):
        writer = _writer(path, 100000, "log")
        deadline = time.monotonic() + 30
        seen = -1
        while time.monotonic() < deadline and seen < 20 + round_number * 7:
            line = writer.stdout.readline()
            if line.strip().isdigit():
                seen = int(line)
        writer.send_signal(signal.SIGKILL)  # in the middle of its stream of writes
        writer.wait()
        # It kept writing while we read: what it printed before dying is still in the pipe.
        printed = [int(line) for line in writer.stdout.read().split() if line.isdigit()]
        last_printed = max([seen, *printed])
        db = sqlite3.connect(path)
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        count = db.execute("SELECT count(*) FROM bookmarks").fetchone()[0]
        db.close()
        # Every bookmark the writer reported as committed is there; it may have committed
        # one more before printing, never a torn one.
        assert reported + last_printed + 1 <= count <= reported + last_printed + 2
        reported = count
