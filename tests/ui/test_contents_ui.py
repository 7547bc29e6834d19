"""A document's own table of contents in the window: a block of links; a click goes to the heading, Back returns."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QTextCursor

from reader.core.document import ParagraphKind

BODY = "为进一步规范行政执法行为，提高执法透明度，根据有关法律法规，结合本市实际，制定本办法。" * 3


def test_a_contents_entry_is_a_link_to_its_heading(qtbot, make_app, tmp_path):
    headings = ["一、总体要求", "二、主要任务", "三、保障措施"]
    lines = ["# 某某市数字经济发展规划", "目录", *(f"{h}……………… {n}" for n, h in enumerate(headings, 1))]
    for heading in headings:
        lines += [f"## {heading}"] + [BODY] * 6
    path = tmp_path / "plan.md"
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    app = make_app(str(path))
    document, view = app.document, app.view
    entries = [p for p in document.paragraphs if p.kind is ParagraphKind.CONTENTS]
    assert len(entries) == 4 and [n.title for n in document.outline] == headings
    third = entries[3]
    target = document.paragraph_index(third.target)
    assert document.paragraphs[target].text == "三、保障措施"
    # A real click on the entry's words.
    entry_index = document.paragraph_index(third.id)
    view.scroll_to_paragraph(0, 0)
    QCoreApplication.processEvents()
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.paragraph_position(entry_index) + 2)
    point = view.cursorRect(cursor).center()
    assert view.anchorAt(point) == f"#{third.target}"
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point.x(), point.y()))
    qtbot.waitUntil(lambda: view.top_position()[0] == target, timeout=5000)
    app.navigator.back()
    qtbot.waitUntil(lambda: view.top_position()[0] < entry_index + 1, timeout=5000)
