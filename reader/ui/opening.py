"""Opening documents the person chooses: the file and URL dialogs, recent files, and what loading looks like."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QWidget

from reader.services.documents import OpenRequest
from reader.services.settings import Settings
from reader.ui.messages import friendly_error
from reader.ui.navigator import Navigator
from reader.ui.notifier import Notifier


class OpeningController(QObject):
    """File → Open, Open URL, Open Recent and dropped files, with the busy indicator and errors.

    Args:
        navigator: Opens what is chosen.
        settings: The recent files.
        notifier: Busy indicator, "Opening…" and the error banner.
        dialog_parent: Parent of the dialogs.
    """

    def __init__(self, navigator: Navigator, settings: Settings, notifier: Notifier, dialog_parent: QWidget) -> None:
        super().__init__(dialog_parent)
        self._navigator = navigator
        self._settings = settings
        self._notifier = notifier
        self._dialog_parent = dialog_parent
        navigator.loading.connect(self._on_loading)
        navigator.failed.connect(self._on_failed)
        navigator.documentShown.connect(self._on_shown)

    def start_folder(self) -> str:
        """Where File → Open starts: the folder of the last file opened with it, else the home folder.

        Never the installed resources/ folder of the bundled report: nothing of the reader's is there.
        """
        folder = self._settings.open_folder
        if folder and Path(folder).is_dir():
            return folder
        return str(Path.home())

    def open_file_dialog(self) -> None:
        """File → Open."""
        path, _ = QFileDialog.getOpenFileName(
            self._dialog_parent,
            self.tr("Open Report"),
            self.start_folder(),
            self.tr("Reports (*.html *.htm *.shtml *.txt *.md);;All files (*)"),
        )
        if path:
            self._settings.open_folder = str(Path(path).parent)
            self._navigator.open(path)

    def open_url_dialog(self) -> None:
        """File → Open URL."""
        url, ok = QInputDialog.getText(self._dialog_parent, self.tr("Open URL"), self.tr("Address of a report page:"))
        if ok and url.strip():
            self._navigator.open(url.strip())

    def fill_recent_menu(self, menu: QMenu) -> None:
        """File → Open Recent, filled as it opens."""
        menu.clear()
        recent = self._settings.recent_files
        names = self._settings.recent_names
        for source in recent:
            label = names.get(source) or (source if len(source) < 80 else "…" + source[-78:])
            action = menu.addAction(label)
            action.triggered.connect(lambda _c=False, s=source: self._navigator.open(s))
        if not recent:
            menu.addAction(self.tr("(none)")).setEnabled(False)

    def _on_loading(self, request: OpenRequest) -> None:
        self._notifier.busy(True)
        self._notifier.status(self.tr("Opening %1…").replace("%1", request.source))
        self._notifier.hide_banner()

    def _on_failed(self, request: OpenRequest, message: str, kind: str = "") -> None:
        self._notifier.busy(False)
        self._notifier.clear_status()
        reason = friendly_error(kind, message)
        self._notifier.banner(self.tr("Could not open %1: %2").replace("%1", request.source).replace("%2", reason))

    def _on_shown(self, document) -> None:
        self._notifier.busy(False)
        self._notifier.clear_status()
        if document.notes:  # how the file was read: say it, it is not an error
            self._notifier.banner(" ".join(document.notes), error=False)
