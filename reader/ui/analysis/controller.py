"""The window's side of compare and analyse: the Analyse menu, the analysis window, the service.

Nothing heavy is imported here: the analysis window (pyqtgraph) is imported when it is
first opened, the analysis service (jieba, on its worker) when it is first asked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QWidget

from reader.core.paths import DataLayout
from reader.services.library_links import library_source
from reader.ui.reading.navigator import Navigator
from reader.ui.reading.reading_style import ReadingStyle
from reader.ui.reading.reading_view import ReadingView
from reader.ui.window.notifier import Notifier

if TYPE_CHECKING:
    from reader.core.document import Document
    from reader.services.analysis import AnalysisService
    from reader.services.library import LibraryService
    from reader.services.tasks import TaskRunner
    from reader.ui.analysis.window import AnalysisWindow

_MAX_SELECTED_TERM = 20  # a longer selection is a passage, not a term to follow across years


class AnalysisController(QObject):
    """Opens the analysis window on the open report and answers it through the analysis service.

    Args:
        navigator: The open report; opens the reports and paragraphs the analyses point at.
        view: The reading view (a selected word starts the trend).
        style: Theme and fonts.
        runner: The typesetting worker (the comparison's text is typeset there).
        notifier: Messages in the reading window.
        search_term: Searches a word in the open report (the search panel).
        current_section: The outline node the reader is in, or None.
        window: The reading window (parent of the analysis window).

    Signals:
        comparisonShown(): a comparison is on screen (and can be saved).
    """

    comparisonShown = Signal()

    def __init__(
        self,
        navigator: Navigator,
        view: ReadingView,
        style: ReadingStyle,
        runner: TaskRunner,
        notifier: Notifier,
        search_term: Callable[[str], None],
        current_section: Callable[[], str | None],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._navigator = navigator
        self._view = view
        self._style = style
        self._runner = runner
        self._notifier = notifier
        self._search_term = search_term
        self._current_section = current_section
        self._parent = window
        self._library: LibraryService | None = None
        self.service: AnalysisService | None = None
        self.window: AnalysisWindow | None = None
        self._terms_node: str | None = None
        self._pending_paragraph = ""  # a section to show once the comparison is typeset
        navigator.documentShown.connect(self._on_document_shown)
        style.themeChanged.connect(lambda _theme: self._apply_style())

    def attach(self, library: LibraryService) -> None:
        """Use the library service's library and index (the analysis service starts on first use)."""
        self._library = library

    def _service(self) -> AnalysisService | None:
        if self.service is None and self._library is not None:
            from reader.services.analysis import AnalysisService

            layout = DataLayout(self._library.library.data_dir)
            self.service = AnalysisService(self._library.library, layout.index, layout.jieba, self)
            self.service.compared.connect(self._on_compared)
            self.service.targetsReady.connect(self._on_targets)
            self.service.crossSectionReady.connect(self._on_cross_section)
            self.service.termsReady.connect(self._on_terms)
            self.service.trendReady.connect(self._on_trend)
            self.service.concordanceReady.connect(self._on_concordance)
            self.service.failed.connect(self._on_failed)
        return self.service

    # The Analyse menu ------------------------------------------------------------------------
    def show(self, tab: str) -> None:
        """Open the analysis window on a tab, computed for the open report."""
        document = self._navigator.document
        service = self._service()
        if document is None or service is None:
            self._notifier.status(
                QCoreApplication.translate(
                    "AnalysisController", "The library is still starting; try again in a moment."
                ),
                5000,
            )
            return
        window = self._window()
        window.show_tab(tab)
        self._fill(tab, document)

    def _window(self) -> AnalysisWindow:
        if self.window is None:
            from reader.ui.analysis.window import AnalysisWindow

            window = AnalysisWindow(self._style.families, self._parent)
            window.compare.compareRequested.connect(self._compare_chosen)
            window.targets.openParagraph.connect(self.open_paragraph)
            window.targets.viewChanged.connect(lambda _view: self._fill_front())
            window.compare.openParagraph.connect(self.open_paragraph)
            window.trend.openParagraph.connect(self.open_paragraph)
            window.trend.trendRequested.connect(self._trend_requested)
            window.concordance.openParagraph.connect(self.open_paragraph)
            window.concordance.concordanceRequested.connect(self._concordance_requested)
            window.terms.scopeChanged.connect(self._terms_scope)
            window.terms.searchTerm.connect(self._search_term)
            window.terms.concordanceTerm.connect(self.show_concordance)
            window.tabs.currentChanged.connect(lambda _i: self._fill_front())
            self.window = window
            self._apply_style()
        return self.window

    def _fill_front(self) -> None:
        if self.window is not None and self._navigator.document is not None:
            self._fill(self.window.current_tab(), self._navigator.document)

    def _fill(self, tab: str, document: Document) -> None:
        window, service = self.window, self.service
        if window is None or service is None:
            return
        fill = {"compare": self._fill_compare, "targets": self._fill_targets, "terms": self._fill_terms}
        fill.get(tab, self._fill_term_tab)(window, service, document)

    def _fill_compare(self, window: AnalysisWindow, service: AnalysisService, document: Document) -> None:
        if window.compare.comparison is not None and window.compare.comparison.b.id == document.id:
            return
        from reader.core.analysis.years import previous_report
        from reader.core.naming import display_name

        entries = service.entries()
        earlier = previous_report(entries, document)
        window.compare.set_reports(entries, document.id, display_name(document), earlier.id if earlier else "")
        if earlier is not None:
            window.compare.show_waiting()
            service.compare(document, earlier.id, "")
        else:
            window.compare.summary.setText(
                QCoreApplication.translate(
                    "AnalysisController", "The library holds no earlier report of this region: choose two."
                )
            )

    def _fill_targets(self, window: AnalysisWindow, service: AnalysisService, document: Document) -> None:
        window.targets.show_waiting()
        if window.targets.current_view() == "regions":
            service.cross_section(document)
        else:
            service.targets(document)

    def _fill_terms(self, window: AnalysisWindow, service: AnalysisService, document: Document) -> None:
        self._terms_node = self._terms_node if self._terms_node and document.node(self._terms_node) else None
        window.terms.set_document(document, self._terms_node)
        service.terms(document, self._terms_node)

    def _fill_term_tab(self, window: AnalysisWindow, service: AnalysisService, document: Document) -> None:
        """Trend and concordance: the regions of the library, and the selected words as the term."""
        from reader.core.naming import Identity

        tab_widget = window.trend if window.current_tab() == "trend" else window.concordance
        tab_widget.set_regions(service.entries(), Identity.from_meta(document.meta).region)
        selected = self._view.textCursor().selectedText().strip()
        if selected and len(selected) <= _MAX_SELECTED_TERM:
            tab_widget.term.setText(selected)
        if tab_widget.term.text().strip():
            tab_widget.run()

    def compare_section(self, node_id: str) -> None:
        """与上一年对比本节: the comparison with the previous year, scrolled to this section."""
        document = self._navigator.document
        node = document.node(node_id) if document is not None else None
        if node is None:
            return
        self._pending_paragraph = node.paragraph
        window = self.window
        if (
            window is not None
            and document is not None
            and window.compare.comparison is not None
            and window.compare.comparison.b.id == document.id
        ):
            window.show_tab("compare")
            self._scroll_pending()
            return
        self.show("compare")

    def _scroll_pending(self) -> None:
        if self._pending_paragraph and self.window is not None:
            self.window.compare.scroll_to(self._pending_paragraph, "b")
            self._pending_paragraph = ""

    # Requests from the window -------------------------------------------------------------
    def _compare_chosen(self, old_id: str, new_id: str) -> None:
        document = self._navigator.document
        if document is None or self.service is None or self.window is None:
            return
        self.window.compare.show_waiting()
        self.service.compare(document, old_id, new_id)

    def _concordance_requested(self, term: str, region: str) -> None:
        if self.service is not None:
            self.service.concordance(term, region)

    def _on_concordance(self, result) -> None:
        if self.window is not None:
            self.window.concordance.show_lines(result)

    def show_concordance(self, term: str) -> None:
        """A term's concordance: every place the library uses it (from a click on a term anywhere)."""
        self.show("concordance")
        if self.window is not None:
            self.window.concordance.search(term)

    def _terms_scope(self, node_id: str) -> None:
        document = self._navigator.document
        if document is not None and self.service is not None:
            self._terms_node = node_id or None
            self.service.terms(document, self._terms_node)

    def _trend_requested(self, term: str, region: str) -> None:
        if self.service is not None:
            self.service.trend(term, region)

    def open_paragraph(self, doc_id: str, paragraph_id: str) -> None:
        """Show a paragraph of a report in the reading window (opening the report if needed)."""
        current = self._navigator.document
        if current is not None and current.id == doc_id:
            self._navigator.go_to_paragraph(paragraph_id)
        else:
            self._navigator.open_at_paragraph(library_source(doc_id), paragraph_id)
        self._parent.raise_()
        self._parent.activateWindow()

    # Answers -------------------------------------------------------------------------------
    def _on_compared(self, comparison) -> None:
        if self.window is None:
            return
        self.window.compare.show_comparison(comparison, self._typeset)
        self.window.update_exports()
        self.comparisonShown.emit()

    def _typeset(self, comparison) -> None:
        from reader.ui.analysis.compare_document import typeset_comparison

        app = QCoreApplication.instance()
        if self.window is None or app is None:
            return
        width = self.window.compare.view.viewport().width()
        self._runner.submit(
            typeset_comparison,
            comparison,
            self._style.theme,
            self._style.current().font(),
            width,
            app.thread(),
            on_done=self._show_text,
            on_error=lambda error: self._on_failed(str(error)),
            channel="compare-typeset",
        )

    def _show_text(self, text_document) -> None:
        if self.window is None:
            return
        self.window.compare.set_text(text_document)
        self._scroll_pending()

    def _on_targets(self, years: list) -> None:
        document = self._navigator.document
        if self.window is not None and document is not None:
            self.window.targets.show_targets(years, document.id)

    def _on_cross_section(self, regions: list) -> None:
        if self.window is not None:
            self.window.targets.show_regions(regions)

    def _on_terms(self, result) -> None:
        document = self._navigator.document
        if self.window is not None and document is not None and result.doc == document.id:
            self.window.terms.show_terms(result.terms)

    def _on_trend(self, result) -> None:
        if self.window is not None:
            self.window.trend.show_trend(result)

    def _on_failed(self, message: str) -> None:
        if self.window is not None and self.window.isVisible():
            self.window.statusBar().showMessage(message, 8000)
            if self.window.current_tab() == "compare":
                self.window.compare.summary.setText(message)
        else:
            self._notifier.status(message, 8000)

    def _on_document_shown(self, document: Document) -> None:
        if self.window is not None and self.window.isVisible():
            self._fill(self.window.current_tab(), document)

    def _apply_style(self) -> None:
        if self.window is not None:
            self.window.apply_style(self._style.theme, self._style.current().font())

    def close(self) -> None:
        """Release the analysis service."""
        if self.service is not None:
            self.service.close()
