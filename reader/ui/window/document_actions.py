"""What the reader does with the open document as a whole: copy with citation, section links, print, PDF."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.core.reading import citation, section_reference
from reader.services.tasks import TaskRunner
from reader.ui.reading.navigator import Navigator
from reader.ui.reading.reading_view import ReadingView
from reader.ui.window.notifier import Notifier


class DocumentActions(QObject):
    """Clipboard, printing and PDF export of the open document.

    Args:
        navigator: The open document.
        view: The selection and the reading position.
        runner: Printing and PDF export run on its worker.
        families: Chinese font families for print.
        notifier: Progress and outcome messages.
        dialog_parent: Parent of the print and save dialogs.
        current_section: The outline node the reader has chosen, if any (else the reading position's).
    """

    def __init__(
        self,
        navigator: Navigator,
        view: ReadingView,
        runner: TaskRunner,
        families: tuple[str, ...],
        notifier: Notifier,
        dialog_parent: QWidget,
        current_section: Callable[[], str | None],
    ) -> None:
        super().__init__(dialog_parent)
        self._navigator = navigator
        self._view = view
        self._runner = runner
        self._families = families
        self._notifier = notifier
        self._dialog_parent = dialog_parent
        self._current_section = current_section

    # Clipboard -----------------------------------------------------------------------
    def citation_text(self) -> str:
        """The selection with its citation, as Copy with Citation puts it on the clipboard."""
        document = self._navigator.document
        if document is None:
            return ""
        selection = self._view.textCursor().selectedText().replace("\u2029", "\n")
        index = self._view.selection_paragraph()
        paragraph_id = document.paragraphs[index].id if index is not None and document.paragraphs else None
        if not selection.strip() and paragraph_id and index is not None:
            selection = document.paragraphs[index].text
        return citation(document, selection, paragraph_id)

    def copy_with_citation(self) -> None:
        """Edit → Copy with Citation (mirror of the page's 分享)."""
        text = self.citation_text()
        if text:
            QGuiApplication.clipboard().setText(text)
            self._notifier.status(self.tr("Copied with citation"), 2000)

    def copy_section_link(self) -> None:
        """Copy a link to the section chosen in the outline, else the one at the reading position."""
        document = self._navigator.document
        if document is None:
            return
        node_id = self._current_section()
        if not node_id and document.paragraphs:
            node_id = document.paragraphs[self._view.top_position()[0]].section
        # Above the first heading (the title, the opening) the link is the report's own.
        QGuiApplication.clipboard().setText(section_reference(document, node_id or ""))
        self._notifier.status(self.tr("Section link copied"), 2000)

    # Print and PDF ---------------------------------------------------------------------
    # A section ----------------------------------------------------------------------------
    def copy_section(self, node_id: str) -> None:
        """复制本节: the section's text with its citation (place · title · section path)."""
        document = self._navigator.document
        if document is None or document.node(node_id) is None:
            return
        from reader.core.sections import section_with_citation

        QGuiApplication.clipboard().setText(section_with_citation(document, node_id))
        self._notifier.status(self.tr("Section copied with citation"), 2000)

    def export_section_dialog(self, node_id: str) -> None:
        """导出本节: ask where and as what (Markdown, text, PDF), then write the section alone."""
        document = self._navigator.document
        node = document.node(node_id) if document is not None else None
        if node is None:
            return
        kinds = ";;".join((self.tr("Markdown (*.md)"), self.tr("Plain text (*.txt)"), self.tr("PDF (*.pdf)")))
        name = "".join(c for c in node.title if c not in '\\/:*?"<>|')[:40] or "section"
        path, _ = QFileDialog.getSaveFileName(
            self._dialog_parent, self.tr("Export This Section"), str(Path.home() / f"{name}.md"), kinds
        )
        if path:
            self.export_section(node_id, Path(path))

    def export_section(self, node_id: str, path: Path) -> None:
        """Write one section as Markdown, text or PDF (by the file's suffix); PDF on a worker."""
        from reader.core.export import to_markdown, to_text
        from reader.core.fileutil import write_atomic
        from reader.core.sections import section_document

        document = self._navigator.document
        if document is None:
            return
        part = section_document(document, node_id)
        suffix = path.suffix.lower()
        if suffix == ".pdf":
            from reader.ui.reading.printing import export_pdf

            done = self.tr("PDF written: %1").replace("%1", str(path))
            self._run(self.tr("Exporting PDF…"), export_pdf, part, path, self._families, done_message=done)
            return
        text = to_text(part) if suffix == ".txt" else to_markdown(part)
        try:
            write_atomic(path, text.encode("utf-8"))
        except OSError as error:
            self._notifier.banner(self.tr("Could not finish: %1").replace("%1", error.strerror or str(error)))
            return
        self._notifier.status(self.tr("Section written: %1").replace("%1", str(path)), 4000)

    def print_document(self) -> None:
        """File → Print (mirror of the page's 打印)."""
        document = self._navigator.document
        if document is None:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter  # loaded on first use only

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self._dialog_parent)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        from reader.ui.reading.printing import print_to_printer

        self._run(self.tr("Printing…"), print_to_printer, document, printer, self._families)

    def export_pdf_dialog(self) -> None:
        """File → Export as PDF."""
        document = self._navigator.document
        if document is None:
            return
        suggested = str(Path.home() / f"{document.title}.pdf")
        path, _ = QFileDialog.getSaveFileName(
            self._dialog_parent, self.tr("Export as PDF"), suggested, self.tr("PDF (*.pdf)")
        )
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path) -> None:
        """Write the open document to a PDF on a worker thread."""
        from reader.ui.reading.printing import export_pdf

        self._run(
            self.tr("Exporting PDF…"),
            export_pdf,
            self._navigator.document,
            path,
            self._families,
            done_message=self.tr("PDF written: %1").replace("%1", str(path)),
        )

    def _run(self, busy_text: str, function, *args, done_message: str = "") -> None:
        self._notifier.busy(True)
        self._notifier.status(busy_text)

        def done(_result) -> None:
            self._notifier.busy(False)
            self._notifier.status(done_message or self.tr("Done"), 4000)

        def failed(error: Exception) -> None:
            self._notifier.busy(False)
            self._notifier.clear_status()
            self._notifier.banner(self.tr("Could not finish: %1").replace("%1", str(error)))

        self._runner.submit(function, *args, on_done=done, on_error=failed)
