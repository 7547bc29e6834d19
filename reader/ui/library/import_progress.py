"""The library's import progress: how many are in, how fast, how long is left, and Cancel."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from reader.ui.common.widgets import fit_button


class ImportProgress(QWidget):
    """A progress bar with the import's pace, and a Cancel button; hidden while nothing is imported.

    Signals:
        cancelRequested(): the person asked to stop the import.
    """

    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar(self)
        self.bar.setAccessibleName(self.tr("Import progress"))
        self.bar.setFormat(self.tr("%v of %m"))
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel the import"))
        self.cancel_button.clicked.connect(self.cancelRequested.emit)
        row.addWidget(self.bar, 1)
        row.addWidget(fit_button(self.cancel_button))
        self.hide()

    def show_progress(self, done: int, total: int) -> None:
        """Where the import is (hidden when it is done or holds one file)."""
        if total <= 1 or done >= total:
            self.hide()
            self.bar.setFormat(self.tr("%v of %m"))
            return
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        self.show()

    def show_pace(self, per_second: float, seconds_left: float) -> None:
        """Documents per second and the time left, on the bar (nothing while unknown)."""
        if per_second <= 0 or seconds_left < 0:
            return
        minutes = round(seconds_left / 60)
        left = (
            self.tr("about %1 min left").replace("%1", str(minutes)) if minutes >= 1 else self.tr("under a minute left")
        )
        rate = self.tr("%1 per second").replace("%1", f"{per_second:.1f}")
        self.bar.setFormat(f"{self.tr('%v of %m')} · {rate} · {left}")
