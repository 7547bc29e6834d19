"""Opening documents the person chooses: the file and URL dialogs, recent files, and what loading looks like."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSize
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu, QTreeView, QWidget

from reader.services.documents import OpenRequest
from reader.services.settings import Settings
from reader.ui.reading.navigator import Navigator
from reader.ui.window.file_filters import report_filters
from reader.ui.window.messages import friendly_error
from reader.ui.window.notifier import Notifier

OPEN_DIALOG_SIZE = QSize(860, 540)
OPEN_DIALOG_NAME_WIDTH = 420  # "浙江省2024年政府工作报告（全文）.html" and longer fit


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

    def make_open_dialog(self) -> QFileDialog:
        """The File → Open dialog, ready to show.

        It starts in the last folder, in detail view with a name column wide enough for long report
        file names, or as the reader last sized it; Qt's translations give it the UI's language.
        """
        dialog = QFileDialog(
            self._dialog_parent,
            self.tr("Open Report"),
            self.start_folder(),
            report_filters(),
        )
        dialog.setObjectName("openDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        state = self._settings.open_dialog_state
        if state.isEmpty() or not dialog.restoreState(state):
            dialog.setViewMode(QFileDialog.ViewMode.Detail)
            dialog.resize(OPEN_DIALOG_SIZE)
            files = dialog.findChild(QTreeView)
            if files is not None:  # Qt's own dialog (a native one sizes its own columns)
                files.header().resizeSection(0, OPEN_DIALOG_NAME_WIDTH)
        dialog.setDirectory(self.start_folder())  # a restored state must not bring back another folder
        return dialog

    def open_file_dialog(self) -> None:
        """File → Open."""
        dialog = self.make_open_dialog()
        accepted = dialog.exec() == QFileDialog.DialogCode.Accepted
        self._settings.open_dialog_state = dialog.saveState()
        paths = dialog.selectedFiles()
        dialog.deleteLater()
        if accepted and paths:
            self._settings.open_folder = str(Path(paths[0]).parent)
            self._navigator.open(paths[0])

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
