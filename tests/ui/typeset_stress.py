"""Re-typeset the seed many times in quick succession while the GUI thread paints (run as a script).

Exits 0 when it survives; Qt's text layout crashes the process when two threads
run it at once, which is what ``test_rapid_restyles_do_not_crash`` guards against; the guard itself
(one worker thread per runner) is proven deterministically by ``test_one_task_at_a_time_even_across_submissions``.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QTextBrowser

from reader.core.loader import load_path
from reader.services.tasks import TaskRunner
from reader.ui.reading.appearance import THEMES, chinese_font_families
from reader.ui.reading.typesetter import TypeStyle, preparer
from tests.conftest import SEED

BURSTS = 150


def main() -> int:
    """Submit bursts of typesetting jobs at different sizes and show every delivered one."""
    app = QApplication([])
    runner = TaskRunner()
    document = load_path(SEED)
    families = tuple(chinese_font_families())
    view = QTextBrowser()
    view.resize(1000, 800)
    view.show()
    submitted = [0]
    shown = []

    def install(text_document) -> None:
        text_document.setParent(view)  # as ReadingView.install does: the view owns what it shows
        view.setDocument(text_document)
        if shown:
            shown.pop().deleteLater()
        shown.append(text_document)
        view.viewport().repaint()

    def burst() -> None:
        for _ in range(3):
            style = TypeStyle(12 + submitted[0] % 30, 160, families, THEMES["light"])
            runner.submit(preparer(style, 900), document, on_done=install, channel="typeset")
            submitted[0] += 1
        view.viewport().repaint()
        if submitted[0] < BURSTS * 3:
            QTimer.singleShot(5, burst)
        else:
            runner.submit(lambda: None, on_done=lambda _result: app.quit())

    burst()
    app.exec()
    runner.wait()
    print(f"survived {submitted[0]} typesets")
    return 0


if __name__ == "__main__":
    sys.exit(main())
