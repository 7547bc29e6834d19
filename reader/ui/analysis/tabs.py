"""The analysis window's tabs: one record each (its key, its title, how it is made).

A new analysis tab is its module (a widget with ``csv_text()``, and ``chart`` when it draws
one) plus one line here; the window builds its tabs, its save commands and its
chart export from this table. The computation lives in ``reader.core.analysis``, its
command in ``reader.cli``, and the controller asks the analysis service for the tab's data.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from reader.ui.analysis.compare_tab import CompareTab
from reader.ui.analysis.concordance_tab import ConcordanceTab
from reader.ui.analysis.targets_tab import TargetsTab
from reader.ui.analysis.terms_tab import TermsTab
from reader.ui.analysis.trend_tab import TrendTab


class AnalysisPage(Protocol):
    """What the window asks of every tab."""

    def csv_text(self) -> str:
        """The tab's data as CSV (for Save Data)."""


@dataclass(frozen=True)
class AnalysisTab:
    """One tab of the analysis window."""

    key: str
    title: object  # a QT_TRANSLATE_NOOP source text (context AnalysisWindow)
    make: Callable[[Sequence[str]], QWidget]  # given the font families for charts
    chart: bool = False  # whether it draws a chart that can be saved as an image


ANALYSIS_TABS: tuple[AnalysisTab, ...] = (
    AnalysisTab("compare", QT_TRANSLATE_NOOP("AnalysisWindow", "Compare (对比)"), lambda _families: CompareTab()),
    AnalysisTab("targets", QT_TRANSLATE_NOOP("AnalysisWindow", "Targets (主要预期目标)"), lambda _f: TargetsTab()),
    AnalysisTab("terms", QT_TRANSLATE_NOOP("AnalysisWindow", "Word Frequencies (高频词)"), TermsTab, chart=True),
    AnalysisTab("trend", QT_TRANSLATE_NOOP("AnalysisWindow", "Term Across Years (趋势)"), TrendTab, chart=True),
    AnalysisTab("concordance", QT_TRANSLATE_NOOP("AnalysisWindow", "Concordance (语境)"), lambda _f: ConcordanceTab()),
)
TABS = tuple(tab.key for tab in ANALYSIS_TABS)
