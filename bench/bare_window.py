"""Baseline for the GUI figures: a bare PySide6 window showing prepared HTML in a QTextBrowser.

Run as ``python bench/bare_window.py HTML_FILE OUT_FILE``: writes the wall-clock
time of the first paint and the resident memory then.
"""

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QTextBrowser


def _rss_kib() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


class Probe(QObject):
    def __init__(self, out: str) -> None:
        super().__init__()
        self.out = out
        self.done = False

    def eventFilter(self, watched, event):
        if not self.done and event.type() == QEvent.Type.Paint:
            self.done = True
            Path(self.out).write_text(f"{time.time():.6f} {_rss_kib()}", encoding="utf-8")
        return False


app = QApplication(sys.argv[:1])
browser = QTextBrowser()
browser.resize(1200, 860)
probe = Probe(sys.argv[2])
browser.viewport().installEventFilter(probe)
browser.setHtml(Path(sys.argv[1]).read_text(encoding="utf-8"))
browser.show()
app.exec()
