"""The compare tab: two reports side by side, changes marked, 新提法 and 不再提及 with their occurrences."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QFont, QTextCursor, QTextTable
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from reader.core.analysis.compare import Comparison, occurrences
from reader.core.library import LibraryEntry
from reader.ui.reading.appearance import Theme

_SNIPPET = 60  # characters of an occurrence shown around the term


class CompareTab(QWidget):
    """Choose two reports, see what changed.

    Signals:
        compareRequested(str, str): library ids of the older and the newer report ('' = the open one).
        openParagraph(str, str): a document id and a paragraph id to show in the reading window.
    """

    compareRequested = Signal(str, str)
    openParagraph = Signal(str, str)

    def csv_text(self) -> str:
        """The aligned paragraphs and both term lists as CSV ('' before a comparison is shown)."""
        return _comparison_csv(self)

    def can_save(self) -> bool:
        """Whether there is data to save (a comparison is shown)."""
        return self.comparison is not None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.old_box = QComboBox()
        self.old_box.setAccessibleName(self.tr("Earlier report"))
        self.new_box = QComboBox()
        self.new_box.setAccessibleName(self.tr("Later report"))
        for box in (self.old_box, self.new_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.compare_button = QPushButton(self.tr("&Compare"))
        self.compare_button.clicked.connect(self._request)
        self.summary = QLabel()
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bar = QHBoxLayout()
        old_label = QLabel(self.tr("&Earlier:"))
        old_label.setBuddy(self.old_box)
        new_label = QLabel(self.tr("&Later:"))
        new_label.setBuddy(self.new_box)
        for widget in (old_label, self.old_box, new_label, self.new_box, self.compare_button):
            bar.addWidget(widget)
        bar.addStretch(1)
        self.view = QTextBrowser()
        self.view.setAccessibleName(self.tr("The two reports side by side"))
        self.view.setOpenLinks(False)
        self.view.anchorClicked.connect(self._on_anchor)
        self.new_terms = self._term_list(self.tr("New terms"))
        self.dropped_terms = self._term_list(self.tr("Terms no longer used"))
        self.term_tabs = QTabWidget()
        self.term_tabs.addTab(self.new_terms, self.tr("New terms (新提法)"))
        self.term_tabs.addTab(self.dropped_terms, self.tr("Dropped (不再提及)"))
        self.places = QListWidget()
        self.places.setAccessibleName(self.tr("Occurrences of the chosen term"))
        self.places.setWordWrap(True)
        self.places.itemActivated.connect(self._on_place)
        side = QSplitter(Qt.Orientation.Vertical)
        side.addWidget(self.term_tabs)
        side.addWidget(self.places)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)

    def _term_list(self, name: str) -> QListWidget:
        terms = QListWidget()
        terms.setAccessibleName(name)
        terms.currentItemChanged.connect(lambda item, _previous: self._show_places(item))
        return terms

    # Choosing -------------------------------------------------------------------------
    def set_reports(self, entries: list[LibraryEntry], open_id: str, open_name: str, default_old: str) -> None:
        """Offer the library's reports (and the open one); preselect the open one and ``default_old``."""
        for box in (self.old_box, self.new_box):
            box.blockSignals(True)
            box.clear()
            if not any(e.id == open_id for e in entries):
                box.addItem(open_name, "")
            for entry in sorted(entries, key=lambda e: (e.region, e.year or 0, e.title)):
                box.addItem(entry.display or entry.title, entry.id)
            box.blockSignals(False)
        self._select(self.new_box, open_id if any(e.id == open_id for e in entries) else "")
        self._select(self.old_box, default_old)

    @staticmethod
    def _select(box: QComboBox, data: str) -> None:
        index = box.findData(data)
        if index >= 0:
            box.setCurrentIndex(index)

    def _request(self) -> None:
        self.compareRequested.emit(self.old_box.currentData() or "", self.new_box.currentData() or "")

    # Showing ----------------------------------------------------------------------------
    def show_waiting(self) -> None:
        """Say that the comparison is being computed."""
        self.summary.setText(self.tr("Comparing…"))

    def show_comparison(self, comparison: Comparison, typeset: Callable[[Comparison], None]) -> None:
        """Show a comparison's figures and term lists; ``typeset`` builds its text on a worker."""
        self.comparison = comparison
        counts = comparison.counts()
        text = self.tr("%1 same, %2 changed, %3 added, %4 removed paragraphs; %5 new terms, %6 dropped")
        for number, value in enumerate(
            (
                counts["same"],
                counts["changed"],
                counts["added"],
                counts["removed"],
                len(comparison.new_terms),
                len(comparison.dropped_terms),
            ),
            start=1,
        ):
            text = text.replace(f"%{number}", str(value))
        self.summary.setText(text)
        for widget, terms in ((self.new_terms, comparison.new_terms), (self.dropped_terms, comparison.dropped_terms)):
            widget.clear()
            for term in terms:
                item = QListWidgetItem(f"{term.term}  ({term.count})")
                item.setData(Qt.ItemDataRole.UserRole, term.term)
                widget.addItem(item)
        self.places.clear()
        typeset(comparison)

    def set_text(self, text_document) -> None:
        """Put the typeset comparison in the view."""
        self.view.setDocument(text_document)

    def _show_places(self, item: QListWidgetItem | None) -> None:
        self.places.clear()
        if item is None or self.comparison is None:
            return
        term = item.data(Qt.ItemDataRole.UserRole)
        dropped = item.listWidget() is self.dropped_terms
        report = self.comparison.a if dropped else self.comparison.b
        for paragraph_id in occurrences(report, term):
            paragraph = report.paragraph(paragraph_id)
            if paragraph is None:
                continue
            text = paragraph.text
            at = text.find(term)
            start = max(0, at - _SNIPPET // 2)
            snippet = (
                ("…" if start else "") + text[start : start + _SNIPPET] + ("…" if start + _SNIPPET < len(text) else "")
            )
            place = QListWidgetItem(snippet)
            place.setData(Qt.ItemDataRole.UserRole, (report.id, paragraph_id, "a" if dropped else "b"))
            self.places.addItem(place)
        if self.places.count():
            self.scroll_to(*self.places.item(0).data(Qt.ItemDataRole.UserRole)[1:])

    def _on_place(self, item: QListWidgetItem) -> None:
        doc, paragraph, side = item.data(Qt.ItemDataRole.UserRole)
        self.scroll_to(paragraph, side)
        self.openParagraph.emit(doc, paragraph)

    def scroll_to(self, paragraph_id: str, side: str) -> None:
        """Bring the row showing a paragraph into view."""
        from reader.ui.analysis.compare_document import row_of_paragraph

        if self.comparison is None:
            return
        row = row_of_paragraph(self.comparison, side, paragraph_id)
        frames = self.view.document().rootFrame().childFrames()
        table = frames[0] if frames else None
        if row < 0 or not isinstance(table, QTextTable):
            return
        cell = table.cellAt(row + 1, 0 if side == "a" else 1)
        cursor = QTextCursor(cell.firstCursorPosition())
        self.view.setTextCursor(cursor)
        self.view.ensureCursorVisible()

    def _on_anchor(self, url: QUrl) -> None:
        side, _, paragraph = url.toString().partition(":")
        if self.comparison is None or not paragraph:
            return
        report = self.comparison.a if side == "a" else self.comparison.b
        self.openParagraph.emit(report.id, paragraph)

    def apply_style(self, theme: Theme, font: QFont) -> None:
        """Colours of the reading theme for the view."""
        self.view.setStyleSheet(f"QTextBrowser {{ background: {theme.background}; color: {theme.text}; }}")
        self.view.document().setDefaultFont(font)


def _comparison_csv(tab: CompareTab) -> str:
    """The aligned paragraphs and both term lists of a comparison."""
    import csv
    import io

    comparison = tab.comparison
    stream = io.StringIO()
    writer = csv.writer(stream)
    if comparison is None:
        return ""
    writer.writerow(["op", "similarity", "a", "b", "a_text", "b_text"])
    for pair in comparison.paragraphs:
        a = comparison.a.paragraph(pair.a) if pair.a else None
        b = comparison.b.paragraph(pair.b) if pair.b else None
        writer.writerow(
            [pair.op, f"{pair.similarity:.3f}", pair.a or "", pair.b or "", a.text if a else "", b.text if b else ""]
        )
    writer.writerow([])
    writer.writerow(["list", "term", "count"])
    writer.writerows(["new", t.term, t.count] for t in comparison.new_terms)
    writer.writerows(["dropped", t.term, t.count] for t in comparison.dropped_terms)
    return stream.getvalue()
