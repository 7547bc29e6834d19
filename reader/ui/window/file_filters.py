"""The file dialogs' name filters, built from the table of document formats (one place for every type)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.core.formats.registry import FORMATS, DocumentFormat, all_patterns, patterns


def format_label(fmt: DocumentFormat) -> str:
    """A format's name in the UI's language (literal strings, so that lupdate finds them)."""
    translate = QCoreApplication.translate
    labels = {
        "html": translate("DocumentFormats", "Web pages"),
        "pdf": translate("DocumentFormats", "PDF"),
        "docx": translate("DocumentFormats", "Word"),
        "doc": translate("DocumentFormats", "Word 97–2003"),
        "ofd": translate("DocumentFormats", "OFD"),
        "text": translate("DocumentFormats", "Plain text"),
        "markdown": translate("DocumentFormats", "Markdown"),
    }
    return labels.get(fmt.name, fmt.label)


def report_filters() -> str:
    """``Reports (*.html … *.ofd);;Web pages (*.html …);;…;;All files (*)`` for a QFileDialog."""
    translate = QCoreApplication.translate
    entries = [f"{translate('DocumentFormats', 'Reports')} ({all_patterns()})"]
    entries += [f"{format_label(fmt)} ({patterns(fmt)})" for fmt in FORMATS]
    entries.append(f"{translate('DocumentFormats', 'All files')} (*)")
    return ";;".join(entries)
