"""Narration exported to an audio file, with a progress dialog that can cancel it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QProgressDialog, QWidget

from reader.core.document import Document
from reader.ui.window.notifier import Notifier

if TYPE_CHECKING:
    from reader.services.narration import NarrationService


def export_with_progress(
    service: NarrationService,
    pieces: list,
    path: Path,
    document: Document | None,
    notifier: Notifier,
    parent: QWidget,
    finished: Callable[[object], None],
) -> None:
    """Write ``pieces`` to ``path`` (MP3 unless it names WAV) on the service's worker.

    Args:
        service: Synthesises and encodes.
        pieces: What to read.
        path: The file to write.
        document: The report read (for the file's tags).
        notifier: Says where the audio went.
        parent: The progress dialog's parent.
        finished: Called with the result (None when cancelled or failed).
    """
    if path.suffix.lower() not in (".mp3", ".wav"):
        path = path.with_suffix(".mp3")
    writing = QCoreApplication.translate("NarrationController", "Writing %1…").replace("%1", path.name)
    cancel = QCoreApplication.translate("NarrationController", "Cancel")
    progress = QProgressDialog(writing, cancel, 0, 100, parent)
    progress.setWindowTitle(QCoreApplication.translate("NarrationController", "Export Audio"))
    progress.setMinimumDuration(300)
    progress.canceled.connect(service.cancel_export)

    def on_progress(done: int, total: int) -> None:
        progress.setMaximum(total)
        progress.setValue(done)

    def on_finished(result) -> None:
        service.exportProgress.disconnect(on_progress)
        service.exportFinished.disconnect(on_finished)
        progress.reset()
        progress.deleteLater()
        if result is not None:
            minutes, seconds = divmod(round(result.seconds), 60)
            notifier.status(
                QCoreApplication.translate("NarrationController", "Audio written: %1 (%2:%3)")
                .replace("%1", str(result.path))
                .replace("%2", str(minutes))
                .replace("%3", f"{seconds:02d}"),
                8000,
            )
        finished(result)

    service.exportProgress.connect(on_progress)
    service.exportFinished.connect(on_finished)
    service.export(pieces, path, document)
