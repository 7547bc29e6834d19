"""The bookmark service: deleted bookmarks stay restorable, then are forgotten a month later."""

from __future__ import annotations

import sqlite3
import time

from reader.core.bookmarks.anchors import make_bookmark
from reader.core.bookmarks.store import BookmarkStore
from reader.core.loader import load_path
from reader.core.paths import DataLayout
from reader.services.bookmarks import PURGE_AFTER_DAYS, BookmarkService
from tests.conftest import SEED


def test_bookmarks_deleted_long_ago_are_purged_when_the_service_opens_the_store(qtbot, tmp_path):
    document = load_path(SEED)
    path = DataLayout(tmp_path).bookmarks
    store = BookmarkStore(path)
    old, recent, kept = (make_bookmark(document, document.paragraphs[n].id, note=str(n)) for n in (3, 4, 5))
    for bookmark in (old, recent, kept):
        store.add(bookmark)
    store.delete(old.uid)
    store.delete(recent.uid)
    store.close()
    long_ago = time.time() - (PURGE_AFTER_DAYS + 1) * 86400
    with sqlite3.connect(path) as db:
        db.execute("UPDATE bookmarks SET deleted = ? WHERE uid = ?", (long_ago, old.uid))

    service = BookmarkService(path)
    with qtbot.waitSignal(service.listed, timeout=10000) as listed:
        service.refresh()
    assert [b.uid for b in listed.args[0]] == [kept.uid]
    service.restore(recent)  # deleted a moment ago: undo still brings it back
    service.close()
    with sqlite3.connect(path) as db:
        rows = {uid for (uid,) in db.execute("SELECT uid FROM bookmarks")}
    assert rows == {recent.uid, kept.uid}  # the month-old deletion is gone from the file
    assert {b.uid for b in BookmarkStore(path).list()} == {recent.uid, kept.uid}
