"""The analysis window: compare, targets, words and a term across years, one tab each.

Imported only when the person first asks for an analysis: it brings pyqtgraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QTabWidget, QWidget

from reader.core.tables import save_table
from reader.ui.analysis.compare_tab import CompareTab
from reader.ui.analysis.concordance_tab import ConcordanceTab
from reader.ui.analysis.tabs import ANALYSIS_TABS, TABS, AnalysisPage
from reader.ui.analysis.targets_tab import TargetsTab
from reader.ui.analysis.terms_tab import TermsTab
from reader.ui.analysis.trend_tab import TrendTab
from reader.ui.reading.appearance import Theme


class AnalysisWindow(QMainWindow):
    """A window of its own beside the reading window (compare needs the width).

    Args:
        families: Font families for text and chart labels.
        parent: The reading window.

    Signals:
        closed(): the window was closed.
    """

    closed = Signal()

    def __init__(self, families: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("analysisWindow")
        self.setWindowTitle(self.tr("Analysis — Report Reader"))
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Analyses"))
        self.tabs.setDocumentMode(True)
        self.pages: dict[str, QWidget] = {}
        for tab in ANALYSIS_TABS:
            self.pages[tab.key] = tab.make(families)
            self.tabs.addTab(self.pages[tab.key], self.tr(str(tab.title)))
        # Typed handles for the controller, which asks each tab for what only it shows.
        self.compare = cast(CompareTab, self.pages["compare"])
        self.targets = cast(TargetsTab, self.pages["targets"])
        self.terms = cast(TermsTab, self.pages["terms"])
        self.trend = cast(TrendTab, self.pages["trend"])
        self.concordance = cast(ConcordanceTab, self.pages["concordance"])
        self.tabs.currentChanged.connect(self.update_exports)
        self.setCentralWidget(self.tabs)
        self._build_toolbar()
        self.resize(1200, 800)

    def _build_toolbar(self) -> None:
        toolbar = self.addToolBar(self.tr("Export"))
        toolbar.setObjectName("analysisToolbar")
        self.save_png = QAction(self.tr("Save Chart as &Image…"), self)
        self.save_png.triggered.connect(self.export_png_dialog)
        self.save_csv = QAction(self.tr("Save &Data as CSV or Excel…"), self)
        self.save_csv.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Save))
        self.save_csv.triggered.connect(self.export_csv_dialog)
        close = QAction(self.tr("&Close"), self)
        close.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Close))
        close.triggered.connect(self.close)
        self.addAction(close)
        toolbar.addAction(self.save_png)
        toolbar.addAction(self.save_csv)
        self.update_exports()

    def show_tab(self, name: str) -> None:
        """Bring a tab to the front (one of ``TABS``) and the window up."""
        self.tabs.setCurrentIndex(TABS.index(name))
        self.show()
        self.raise_()
        self.activateWindow()

    def current_tab(self) -> str:
        """The name of the tab in front."""
        return TABS[self.tabs.currentIndex()]

    def update_exports(self, *_args: object) -> None:
        """Enable the export buttons the front tab can use (a comparison shown, rows in a table)."""
        tab = ANALYSIS_TABS[self.tabs.currentIndex()]
        page = self.pages[tab.key]
        self.save_png.setEnabled(tab.chart)
        self.save_csv.setEnabled(getattr(page, "can_save", lambda: True)())

    def apply_style(self, theme: Theme, font: QFont) -> None:
        """The reading theme's colours for the compare text and the charts."""
        self.compare.apply_style(theme, font)
        self.terms.chart.apply_theme(theme)
        self.trend.chart.apply_theme(theme)

    # Export -------------------------------------------------------------------------------
    def csv_text(self) -> str:
        """The front tab's data as CSV."""
        return cast(AnalysisPage, self.pages[self.current_tab()]).csv_text()

    def _ask_path(self, title: str, suffix: str, kinds: str) -> str:
        path, _ = QFileDialog.getSaveFileName(self, title, f"{self.current_tab()}.{suffix}", kinds)
        return path

    def export_csv_dialog(self) -> None:
        """Ask where, then save the front tab's data as CSV or an Excel workbook."""
        kinds = self.tr("CSV files (*.csv);;Excel workbooks (*.xlsx)")
        path = self._ask_path(self.tr("Save Data"), "csv", kinds)
        if path:
            self.save_csv_to(path)

    def save_csv_to(self, path: str) -> None:
        """Save the front tab's data: .xlsx as a workbook, anything else as CSV."""
        try:
            save_table(Path(path), self.csv_text(), self.current_tab())
        except OSError as error:
            self.statusBar().showMessage(
                self.tr("Could not save %1").replace("%1", f"{path}: {error.strerror or error}"), 8000
            )
            return
        self.statusBar().showMessage(self.tr("Saved %1").replace("%1", path), 5000)

    def export_png_dialog(self) -> None:
        """Ask where, then save the front tab's chart as PNG."""
        path = self._ask_path(self.tr("Save Chart as Image"), "png", self.tr("PNG images (*.png)"))
        if path:
            self.save_png_to(path)

    def save_png_to(self, path: str) -> bool:
        """Save the front tab's chart as PNG."""
        chart = getattr(self.pages[self.current_tab()], "chart", self.terms.chart)
        saved = chart.save_png(path)
        message = self.tr("Saved %1") if saved else self.tr("Could not save %1")
        self.statusBar().showMessage(message.replace("%1", path), 5000)
        return saved

    def closeEvent(self, event) -> None:  # noqa: D102 - Qt override
        self.closed.emit()
        super().closeEvent(event)
