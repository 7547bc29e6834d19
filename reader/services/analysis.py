"""Compare and analyse off the GUI thread: comparisons, targets, word frequencies, a term across years.

jieba (a second to load its dictionary) and the analysis modules are imported on the
worker the first time they are needed, never before the first page. Requests on one
channel supersede each other (typing a term, switching reports): only the newest answer
is delivered.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from reader.core.diagnostics import describe_error
from reader.core.document import Document
from reader.core.errors import ReaderError
from reader.core.library import Library, LibraryEntry
from reader.services.tasks import TaskRunner

if TYPE_CHECKING:
    from reader.core.analysis.targets import Targets
    from reader.core.search.index import SearchIndex


@dataclass(frozen=True)
class YearTargets:
    """One report's targets, for the targets-across-years table."""

    doc: str
    title: str
    year: int | None
    targets: Targets


@dataclass(frozen=True)
class TermsResult:
    """The words of a report or of one of its sections."""

    doc: str
    node: str | None
    terms: list


@dataclass(frozen=True)
class ConcordanceResult:
    """Every occurrence of a term, in context."""

    term: str
    region: str
    lines: list


@dataclass(frozen=True)
class TrendResult:
    """Terms' occurrences per report: ``points`` of the first term, ``series`` of each (in the order asked)."""

    term: str
    region: str
    kind: str
    points: list
    series: dict = field(default_factory=dict)


class AnalysisService(QObject):
    """The four analyses, computed on a worker thread.

    Args:
        library: The library (reports to compare with, a region's years).
        index_dir: The search index (a term's exact counts); opened read-only.
        cache_dir: Where jieba keeps its dictionary cache.

    Signals:
        compared(object): a ``Comparison``.
        targetsReady(list): ``YearTargets`` of the region's reports, oldest first.
        termsReady(object): a ``TermsResult``.
        trendReady(object): a ``TrendResult``.
        failed(str): a one-line reason an analysis could not be done.
    """

    compared = Signal(object)
    targetsReady = Signal(list)
    crossSectionReady = Signal(list)
    termsReady = Signal(object)
    trendReady = Signal(object)
    concordanceReady = Signal(object)
    failed = Signal(str)

    def __init__(self, library: Library, index_dir: Path, cache_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._index_dir = index_dir
        self._cache_dir = cache_dir
        self._index: SearchIndex | None = None
        self._runner = TaskRunner(self)

    # What the window asks ---------------------------------------------------------------
    def compare(self, document: Document, old_id: str | None = None, new_id: str = "") -> None:
        """Compare two reports: library ids, or '' for the open ``document``.

        Args:
            document: The open report.
            old_id: The earlier report; None: the library's previous year of ``document``'s region.
            new_id: The later report ('' = ``document``).
        """
        self._runner.submit(
            self._compare, document, old_id, new_id, on_done=self.compared.emit, on_error=self._fail, channel="compare"
        )

    def targets(self, document: Document) -> None:
        """The targets of ``document`` and of the library's other reports of its region and kind."""
        self._runner.submit(
            self._targets, document, on_done=self.targetsReady.emit, on_error=self._fail, channel="targets"
        )

    def cross_section(self, document: Document) -> None:
        """The targets of every region's report of ``document``'s year and kind, side by side."""
        self._runner.submit(
            self._cross_section,
            document,
            on_done=self.crossSectionReady.emit,
            on_error=self._fail,
            channel="targets",
        )

    def terms(self, document: Document, node_id: str | None = None, top: int = 100) -> None:
        """The most frequent words of ``document`` (or of one section)."""
        self._runner.submit(
            self._terms, document, node_id, top, on_done=self.termsReady.emit, on_error=self._fail, channel="terms"
        )

    def trend(self, term: str, region: str = "", kind: str = "") -> None:
        """Occurrences of ``term`` per report of the library (of ``region`` and ``kind`` when given)."""
        self._runner.submit(
            self._trend, term, region, kind, on_done=self.trendReady.emit, on_error=self._fail, channel="trend"
        )

    def concordance(self, term: str, region: str = "", kind: str = "") -> None:
        """Every occurrence of ``term`` in the library (of ``region`` and ``kind`` when given), in context."""
        self._runner.submit(
            self._concordance,
            term,
            region,
            kind,
            on_done=self.concordanceReady.emit,
            on_error=self._fail,
            channel="concordance",
        )

    def entries(self) -> list[LibraryEntry]:
        """The library's reports (read on the calling thread: the catalog is one small file)."""
        return self.library.entries()

    # On the worker ------------------------------------------------------------------------
    def _compare(self, document: Document, old_id: str | None, new_id: str):
        from reader.core.analysis.compare import compare
        from reader.core.analysis.history import comparison_context
        from reader.core.analysis.segment import tokenizer
        from reader.core.analysis.years import previous_report

        new = self.library.document(new_id) if new_id else document
        if old_id is None:
            earlier = previous_report(self.library.entries(), new)
            if earlier is None:
                raise ReaderError("no earlier report of this region in the library: choose one to compare with")
            old_id = earlier.id
        old = self.library.document(old_id) if old_id else document
        tokenizer(self._cache_dir)
        index = self._open_index()
        text_of = index.document_text if index is not None else (lambda _doc_id: "")
        context = comparison_context(self.library.entries(), new.meta, {old.id, new.id}, text_of)
        return compare(old, new, history=context.history, spread_new=context.spread_new, spread_old=context.spread_old)

    def _targets(self, document: Document) -> list[YearTargets]:
        from reader.core.analysis.targets import extract_targets
        from reader.core.analysis.years import same_region
        from reader.core.naming import Identity, display_name

        result = []
        seen_years = set()
        identity = Identity.from_meta(document.meta)
        for entry in same_region(self.library.entries(), document):
            if entry.year in seen_years and entry.id != document.id:
                continue
            report = document if entry.id == document.id else self.library.document(entry.id)
            seen_years.add(entry.year)
            result.append(YearTargets(entry.id, entry.display or entry.title, entry.year, extract_targets(report)))
        if not any(item.doc == document.id for item in result):
            result = [r for r in result if r.year != identity.year or identity.year is None]
            result.append(YearTargets(document.id, display_name(document), identity.year, extract_targets(document)))
        result.sort(key=lambda r: (r.year is None, r.year or 0))
        return result

    def _cross_section(self, document: Document) -> list[YearTargets]:
        from reader.core.analysis.targets import extract_targets
        from reader.core.naming import Identity

        identity = Identity.from_meta(document.meta)
        chosen: dict[str, YearTargets] = {}
        for entry in self.library.entries():
            if entry.year != identity.year or (identity.kind and entry.doc_kind != identity.kind) or not entry.region:
                continue
            if entry.region in chosen and entry.id != document.id:
                continue  # one report a region
            report = document if entry.id == document.id else self.library.document(entry.id)
            chosen[entry.region] = YearTargets(entry.id, entry.region, entry.year, extract_targets(report))
        current = identity.region
        return sorted(chosen.values(), key=lambda item: (item.title != current, item.title != "全国", item.title))

    def _terms(self, document: Document, node_id: str | None, top: int) -> TermsResult:
        from reader.core.analysis.terms import top_terms

        return TermsResult(document.id, node_id, top_terms(document, top, node_id, self._cache_dir))

    def _open_index(self) -> SearchIndex | None:
        """The library's index, opened read-only (the library service's writer repairs and updates it)."""
        from reader.core.search.index import SearchIndex

        if self._index is None:
            self._index = SearchIndex(self._index_dir)
        if self._index.damage or self._index.closed:
            self._index.open()
        return None if self._index.closed else self._index

    def _trend(self, term: str, region: str, kind: str) -> TrendResult:
        from reader.core.analysis.trend import split_terms, term_trend

        index = self._open_index()
        if index is None:
            raise ReaderError(self._index.notice if self._index is not None else "the search index is not ready")
        entries = [e for e in self.library.entries() if e.matches(region, None, kind)]
        terms = split_terms(term) or [term]
        series = {name: term_trend(index, name, entries) for name in terms}
        if index.notice:
            raise ReaderError(index.notice)
        return TrendResult(terms[0], region, kind, series[terms[0]], series)

    def _concordance(self, term: str, region: str, kind: str) -> ConcordanceResult:
        from reader.core.analysis.concordance import concordance

        index = self._open_index()
        if index is None:
            raise ReaderError(self._index.notice if self._index is not None else "the search index is not ready")
        entries = [e for e in self.library.entries() if e.matches(region, None, kind)]
        lines = concordance(index, term, entries)
        if index.damage:
            raise ReaderError(index.notice)
        return ConcordanceResult(term, region, lines)

    def _fail(self, error: Exception) -> None:
        self.failed.emit(str(error) if isinstance(error, KeyError) else describe_error(error))

    def wait(self, msecs: int = 10000) -> None:
        """Wait for running work (tests and shutdown)."""
        self._runner.wait(msecs)

    def close(self) -> None:
        """Release the index."""
        self.wait(3000)
        if self._index is not None:
            self._index.close()
