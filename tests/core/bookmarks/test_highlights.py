"""Highlights: made, listed, kept through re-imports (marked when their words changed), quoted with citations."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import subprocess
import sys

import pytest

from reader.core.bookmarks.anchors import make_bookmark, make_highlight
from reader.core.bookmarks.highlights_export import export, quotes, to_markdown
from reader.core.bookmarks.model import BookmarkError
from reader.core.bookmarks.store import BookmarkStore
from reader.core.loader import load_source
from reader.core.paths import DataLayout
from tests.conftest import SEED


@pytest.fixture
def seed():
    return load_source(str(SEED))


def _paragraph(document, start: str):
    return next(p for p in document.paragraphs if p.text.startswith(start))


def test_a_highlight_keeps_its_exact_words_colour_note_and_tags(seed, data_dir):
    paragraph = _paragraph(seed, "四是产业结构加快优化升级")
    made = make_highlight(seed, paragraph.id, 4, 27, "green", "总括", ["产业", "产业", " 数字 "])
    assert made.snippet == paragraph.text[4:27] and (made.offset, made.length) == (4, 23)
    assert (made.color, made.tags, made.kind) == ("green", ("产业", "数字"), "highlight")
    store = BookmarkStore(DataLayout(data_dir).bookmarks)
    store.add(made)
    store.add(make_bookmark(seed, paragraph.id))
    assert [h.uid for h in store.highlights()] == [made.uid]
    assert store.highlights(color="blue") == [] and store.highlights(tag="数字")[0].uid == made.uid
    with pytest.raises(BookmarkError):
        make_highlight(seed, paragraph.id, 10, 5)
    with pytest.raises(BookmarkError):
        make_highlight(seed, paragraph.id, 0, 5, color="orange")


def test_an_older_database_is_migrated_and_its_bookmarks_kept(seed, data_dir):
    path = DataLayout(data_dir).bookmarks
    store = BookmarkStore(path)
    store.add(make_bookmark(seed, seed.paragraphs[5].id, note="old"))
    store.close()
    with sqlite3.connect(path) as db:  # back to schema 4, as the previous version left it
        for column in ("kind", "color", "style", "tags"):
            db.execute(f"ALTER TABLE bookmarks DROP COLUMN {column}")
        db.execute("PRAGMA user_version = 4")
    again = BookmarkStore(path)
    (kept,) = again.list()
    assert kept.note == "old" and kept.kind == "bookmark" and kept.tags == ()


def test_a_highlight_survives_a_re_saved_page_and_is_marked_when_its_words_changed(seed, tmp_path, data_dir):
    page = tmp_path / "report.html"
    shutil.copy(SEED, page)
    document = load_source(str(page))
    kept = _paragraph(document, "四是产业结构加快优化升级")
    changed = _paragraph(document, "五是")
    store = BookmarkStore(DataLayout(data_dir).bookmarks)
    first = store.add(make_highlight(document, kept.id, 0, 10, "yellow"))
    second = store.add(make_highlight(document, changed.id, 0, 8, "pink"))
    # The page saved again, with an edit before the first passage and in the second one.
    html = page.read_text(encoding="utf-8")
    html = html.replace("四是产业结构加快优化升级", "此外，四是产业结构加快优化升级", 1)
    html = html.replace(changed.text[:8], "（已修改）" + changed.text[2:8], 1)
    page.write_text(html, encoding="utf-8")
    resaved = load_source(str(page))
    assert resaved.id == document.id and resaved.paragraph(kept.id) is None
    store.reanchor(resaved)
    moved = store.get(first.uid)
    target = resaved.paragraph(moved.paragraph)
    assert not moved.detached and target.text[moved.offset : moved.offset + moved.length] == first.snippet
    lost = store.get(second.uid)
    assert lost is not None and lost.detached and lost.snippet == second.snippet  # kept, marked, never dropped


def test_quotes_cite_every_highlight_in_reading_order(seed):
    late = make_highlight(seed, seed.paragraphs[-5].id, 0, 6, "blue", "最后")
    early = make_highlight(seed, _paragraph(seed, "四是产业结构").id, 0, 6, "green", tags=["产业"])
    groups = quotes([late, early], lambda _doc: seed)
    ((name, listed),) = groups
    assert name == "浙江 · 2024年政府工作报告" and [q.highlight.uid for q in listed] == [early.uid, late.uid]
    markdown = to_markdown(groups)
    assert f"> {early.snippet}" in markdown
    assert "——浙江省《2024年政府工作报告》，一、2023年工作回顾" in markdown
    assert markdown.count("——浙江省《2024年政府工作报告》") == 2 and "最后" in markdown
    rows = list(csv.reader(io.StringIO(export(groups, "csv").decode("utf-8-sig"))))
    assert rows[0][:3] == ["group", "quote", "note"] and rows[1][1] == early.snippet
    by_tag = quotes([late, early], lambda _doc: seed, order="tag")
    assert [name for name, _ in by_tag] == ["产业", ""]
    assert export(groups, "docx")[:2] == b"PK"


def test_the_command_line_adds_lists_exports_and_removes(tmp_path):
    data = tmp_path / "data"

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "reader", "--data-dir", str(data), *args],
            capture_output=True,
            text=True,
            timeout=120,
        )

    exported = json.loads(run("export", str(SEED)).stdout)
    paragraph = next(p for p in exported["paragraphs"] if p["text"].startswith("四是产业结构"))
    added = run("highlights", "add", str(SEED), "--paragraph", paragraph["id"], "--start", "4", "--end", "27",
                "--color", "green", "--note", "总括", "--tag", "产业")  # fmt: skip
    assert added.returncode == 0, added.stderr
    (listed,) = json.loads(run("highlights", "list", "--json").stdout)
    assert listed["snippet"] == paragraph["text"][4:27] and listed["color"] == "green" and listed["tags"] == ["产业"]
    markdown = run("highlights", "export").stdout
    assert paragraph["text"][4:27] in markdown and "——浙江省《2024年政府工作报告》" in markdown
    assert run("highlights", "export", "--format", "docx").returncode == 2  # a Word file needs -o
    assert run("highlights", "export", "--format", "docx", "-o", str(tmp_path / "q.docx")).returncode == 0
    assert json.loads(run("bookmarks", "list", "--json").stdout) == []  # highlights are not bookmarks
    exported_marks = tmp_path / "marks.json"
    assert run("bookmarks", "export", str(exported_marks)).returncode == 0
    assert json.loads(exported_marks.read_text(encoding="utf-8"))["bookmarks"][0]["kind"] == "highlight"
    assert run("highlights", "remove", listed["uid"][:8]).returncode == 0
    assert json.loads(run("highlights", "list", "--json").stdout) == []
    bad = run("highlights", "add", str(SEED), "--paragraph", paragraph["id"], "--start", "5", "--end", "1")
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1
