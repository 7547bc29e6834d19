"""Help → About: version and the licences of the bundled libraries."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTextBrowser, QVBoxLayout, QWidget

import reader
from reader.core.diagnostics import log_file

# (distribution, shown name, licence)
COMPONENTS = (
    ("PySide6-Essentials", "Qt for Python (PySide6) / Qt 6", "LGPL-3.0 (Qt: LGPL-3.0 / GPL)"),
    ("beautifulsoup4", "Beautiful Soup", "MIT"),
    ("lxml", "lxml / libxml2", "BSD-3-Clause / MIT"),
    ("charset-normalizer", "charset-normalizer", "MIT"),
    ("PyYAML", "PyYAML", "MIT"),
    ("platformdirs", "platformdirs", "MIT"),
    ("Whoosh", "Whoosh", "BSD-2-Clause"),
    ("pyttsx3", "pyttsx3", "MPL-2.0"),
    ("miniaudio", "pyminiaudio / miniaudio", "MIT / MIT-0"),
    ("lameenc", "lameenc / LAME", "LGPL-3.0 / LGPL-2.0"),
)


def component_versions() -> list[tuple[str, str, str]]:
    """(name, version, licence) of every bundled library."""
    rows = []
    for distribution, name, licence in COMPONENTS:
        try:
            found = version(distribution)
        except PackageNotFoundError:
            found = "—"
        rows.append((name, found, licence))
    return rows


class AboutDialog(QDialog):
    """Version, purpose and third-party licences."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Report Reader"))
        self.setObjectName("aboutDialog")
        layout = QVBoxLayout(self)
        name = self.tr("Report Reader")
        purpose = self.tr("A desktop reader for Chinese government work reports.")
        heading = QLabel(f"<h2>{name} {reader.__version__}</h2><p>{purpose}</p>", self)
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setWordWrap(True)
        layout.addWidget(heading)
        table = QTextBrowser(self)
        table.setAccessibleName(self.tr("Licences"))
        rows = "".join(f"<tr><td>{n}</td><td>{v}</td><td>{lic}</td></tr>" for n, v, lic in component_versions())
        headers = (self.tr("Component"), self.tr("Version"), self.tr("Licence"))
        header_row = "".join(f"<th align='left'>{text}</th>" for text in headers)
        table.setHtml(f"<table cellpadding='3'><tr>{header_row}</tr>{rows}</table>")
        layout.addWidget(table)
        log = log_file()
        if log is not None:  # what a person attaches to a problem report
            log_label = QLabel(self.tr("Log file: %1").replace("%1", str(log)), self)
            log_label.setObjectName("logPath")
            log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            log_label.setWordWrap(True)
            layout.addWidget(log_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 420)
