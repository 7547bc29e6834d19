"""Small widgets: the collapsible metadata card and the inline message banner."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QAccessibleEvent, QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.core.document import Document


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text as it is: text from a page is never read as markup.

    (A QLabel guesses rich text from a leading tag: a page's title or value could load
    local images by path or ask for a 20,000-pixel-wide layout.)
    """
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def announce(widget: QWidget, text: str, alert: bool = False) -> None:
    """Have a screen reader say ``text`` now (politely, or as an alert that interrupts)."""
    if alert:
        QAccessible.updateAccessibility(QAccessibleEvent(widget, QAccessible.Event.Alert))
    event = QAccessibleAnnouncementEvent(widget, text)
    event.setPoliteness(
        QAccessible.AnnouncementPoliteness.Assertive if alert else QAccessible.AnnouncementPoliteness.Polite
    )
    QAccessible.updateAccessibility(event)


class StateLabel(QLabel):
    """A label showing a state ("0:12 / ≈3:40", "12% · 一、…"), named with that state.

    Its accessible name is what it is *and* what it shows, so a screen reader hears the
    state, not a fixed caption.
    """

    def __init__(self, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._what = what
        self.setAccessibleName(what)

    def setText(self, text: str) -> None:
        """Show a state and name it for assistive technology."""
        super().setText(text)
        self.setAccessibleName(f"{self._what}：{text}" if text else self._what)


def labelled(label_text: str, field: QWidget, parent: QWidget) -> QLabel:
    """A short visible label for a field, linked as its buddy (the name a screen reader reads for it).

    A combo box beside it may shrink to a few characters, so the label costs a narrow panel no width.
    """
    label = QLabel(label_text, parent)
    label.setBuddy(field)
    if isinstance(field, QComboBox):
        field.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        field.setMinimumContentsLength(3)
    return label


def fit_button(button: QAbstractButton) -> QAbstractButton:
    """Let a push button shrink to its text in a narrow panel (the style otherwise keeps 80 px for any)."""
    text = button.text().replace("&&", "\x00").replace("&", "").replace("\x00", "&")
    extra = 28 if isinstance(button, QPushButton) and button.menu() is not None else 16
    button.setMinimumWidth(button.fontMetrics().horizontalAdvance(text) + extra)
    return button


class WrappingRow(QWidget):
    """Groups of controls on one line when they fit the width, else one group per line.

    A panel docked narrow (or the player under a narrow window) keeps every control usable instead
    of squeezing a search box to "Sea…" or a slider to a dot. The decision depends on the width
    alone, so a change of height can never flip it back and forth.

    Args:
        parent: The owner.
        comfort: Extra width a one-line arrangement needs beyond the controls' size hints (room for
            a slider to be worth using).
    """

    def __init__(self, parent: QWidget | None = None, comfort: int = 0) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._groups: list[tuple[QHBoxLayout, list[QWidget], int]] = []
        self._comfort = comfort
        self.stacked = False

    def add_group(self, widgets: list[QWidget], stretch: int = 0, stretch_widget: QWidget | None = None) -> None:
        """Add a group of controls kept together on a line.

        Args:
            widgets: The controls, left to right.
            stretch: How much of the spare width the group takes on a shared line.
            stretch_widget: The control in the group that grows (a box or a slider); None: none does.
        """
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            row.addWidget(widget, 1 if widget is stretch_widget else 0)
        if stretch_widget is None and self._groups:
            row.insertStretch(0, 1)  # a later group keeps to the right edge, as on a shared line
        elif stretch_widget is None:
            row.addStretch(1)
        self._groups.append((row, widgets, stretch))
        self._arrange(self.stacked, force=True)

    def one_line_width(self) -> int:
        """The width every group needs to share one line."""
        spacing = max(self._grid.horizontalSpacing(), 0)
        widths = [
            max(widget.sizeHint().width(), widget.minimumWidth())
            for _row, widgets, _stretch in self._groups
            for widget in widgets
            if not widget.isHidden()
        ]
        return sum(widths) + spacing * max(len(widths) - 1, 0) + self._comfort

    def minimumSizeHint(self) -> QSize:  # noqa: D102 - Qt override
        spacing = max(self._grid.horizontalSpacing(), 0)
        width = 0
        for row, _widgets, _stretch in self._groups:
            width = max(width, row.minimumSize().width())
        height = super().minimumSizeHint().height()
        return QSize(width + spacing, height)

    def resizeEvent(self, event) -> None:  # noqa: D102 - Qt override
        stacked = event.size().width() < self.one_line_width()
        if stacked != self.stacked:
            self._arrange(stacked)
        super().resizeEvent(event)

    def _arrange(self, stacked: bool, force: bool = False) -> None:
        if stacked == self.stacked and not force:
            return
        self.stacked = stacked
        for row, _widgets, _stretch in self._groups:
            self._grid.removeItem(row)
        for column in range(self._grid.columnCount()):
            self._grid.setColumnStretch(column, 0)
        for number, (row, _widgets, stretch) in enumerate(self._groups):
            if stacked:
                self._grid.addLayout(row, number, 0)
            else:
                self._grid.addLayout(row, 0, number)
                self._grid.setColumnStretch(number, stretch)
        if stacked:
            self._grid.setColumnStretch(0, 1)
        self.updateGeometry()


def panel_body(panel: QWidget) -> tuple[QWidget, QVBoxLayout]:
    """A dock panel's content widget (the panel itself) and its column layout."""
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(4, 4, 4, 4)
    return panel, layout


def filter_box(parent: QWidget, placeholder: str, accessible_name: str) -> QLineEdit:
    """A one-line filter/search field with a clear button, named for assistive technology."""
    box = QLineEdit(parent)
    box.setPlaceholderText(placeholder)
    box.setAccessibleName(accessible_name)
    box.setClearButtonEnabled(True)
    return box


# Metadata kept for the library and citations, not worth a line of the card: the level is implied by
# the region, and a section document's path is its heading.
_CARD_HIDDEN = frozenset({"level", "section"})


class MetadataCard(QFrame):
    """The page's metadata table (索引号, 主题分类, …) above the text; folds to one line.

    Signals:
        collapsedChanged(bool)
        attachmentActivated(str): an attachment's link was followed (its address: a URL or a path).
    """

    collapsedChanged = Signal(bool)
    attachmentActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadataCard")
        self.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 6)
        self.toggle = QToolButton(self)
        self.toggle.setCheckable(True)
        self.toggle.setChecked(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.setAccessibleName(self.tr("Document information"))
        self.title_label = plain_label("", self)
        bold = self.title_label.font()
        bold.setBold(True)
        self.title_label.setFont(bold)
        self.title_label.setWordWrap(True)
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        header = QHBoxLayout()
        header.addWidget(self.toggle)
        header.addWidget(self.title_label, 1)
        layout.addLayout(header)
        self.body = QWidget(self)
        self.grid = QGridLayout(self.body)
        self.grid.setContentsMargins(22, 0, 0, 0)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(2)
        layout.addWidget(self.body)
        self.toggle.toggled.connect(self._on_toggled)
        self._labels = self._label_texts()

    def _label_texts(self) -> dict[str, str]:
        return {
            "index_no": self.tr("Index no."),
            "category": self.tr("Category"),
            "issuer": self.tr("Issued by"),
            "written_date": self.tr("Date written"),
            "published": self.tr("Published"),
            "source_org": self.tr("Source"),
            "doc_no": self.tr("Document no."),
            "keywords": self.tr("Keywords"),
            "author": self.tr("Author"),
            "description": self.tr("Summary"),
            "region": self.tr("Region"),
            "year": self.tr("Year"),
            "kind": self.tr("Kind"),
            "speaker": self.tr("Speaker"),
            "speaker_role": self.tr("Office"),
            "meeting": self.tr("Meeting"),
            "delivered": self.tr("Delivered"),
        }

    def show_metadata(self, document: Document) -> None:
        """Fill the card from a document (hidden when it has no metadata)."""
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.toggle.setText(self.tr("Document information"))
        self.title_label.setText(document.title)
        shown_meta = [(k, v) for k, v in document.meta.items() if k not in _CARD_HIDDEN]
        for row, (key, value) in enumerate(shown_meta):
            name = self._labels.get(key, key)
            label = plain_label(name + "：", self.body)
            label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            shown = plain_label(value, self.body)
            label.setBuddy(shown)
            shown.setAccessibleName(f"{name}：{value}")  # the value is read with its key
            shown.setObjectName(f"meta_{key}")
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            shown.setWordWrap(True)
            self.grid.addWidget(label, row // 2, (row % 2) * 2)
            self.grid.addWidget(shown, row // 2, (row % 2) * 2 + 1)
        if document.attachments:
            self._show_attachments(document, (len(shown_meta) + 1) // 2)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(3, 1)
        self.setVisible(bool(document.meta) or bool(document.title))

    def _show_attachments(self, document: Document, row: int) -> None:
        """One row of links to the page's attachments; a link opens the file in the reader."""
        from html import escape

        from reader.core.sources import attachment_address

        name = self.tr("Attachments")
        links = []
        for title, href in document.attachments:
            address = attachment_address(href, document.url, document.source)
            links.append(f'<a href="{escape(address, quote=True)}">{escape(title)}</a>' if address else escape(title))
        label = plain_label(name + "：", self.body)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        shown = QLabel("<br>".join(links), self.body)
        shown.setObjectName("meta_attachments")
        shown.setTextFormat(Qt.TextFormat.RichText)
        shown.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        shown.setAccessibleName(f"{name}：" + "，".join(title for title, _href in document.attachments))
        shown.setWordWrap(True)
        shown.linkActivated.connect(self.attachmentActivated)
        label.setBuddy(shown)
        self.grid.addWidget(label, row, 0)
        self.grid.addWidget(shown, row, 1, 1, 3)

    def apply_theme(self, theme) -> None:
        """Colour the card like the reading view (a palette: cheap to change, unlike a style sheet)."""
        if getattr(self, "_theme_name", None) == theme.name:
            return
        self._theme_name = theme.name
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(theme.card))
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText, QPalette.ColorRole.Text):
            palette.setColor(role, QColor(theme.text))
        self.setPalette(palette)
        self.setAutoFillBackground(True)

    def set_collapsed(self, collapsed: bool) -> None:
        """Fold or unfold the card."""
        self.toggle.setChecked(not collapsed)

    @property
    def collapsed(self) -> bool:
        """Whether the card is folded."""
        return not self.toggle.isChecked()

    def _on_toggled(self, expanded: bool) -> None:
        self.body.setVisible(expanded)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow)
        self.collapsedChanged.emit(not expanded)


class MessageBanner(QFrame):
    """A one-line message above the text (errors, notices), closable; never modal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 4, 4)
        self.label = plain_label("", self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton(self)
        close.setText("✕")
        close.setAutoRaise(True)
        close.setAccessibleName(self.tr("Close message"))
        close.clicked.connect(self.hide)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.hide()

    def show_message(self, text: str, error: bool = True) -> None:
        """Show a message; errors get a warning colour."""
        colour = "#fdecea" if error else "#e8f4fd"
        border = "#f5c2c0" if error else "#b6dcf6"
        self.setStyleSheet(f"#messageBanner {{ background: {colour}; border: 1px solid {border}; color: #1f1f1f; }}")
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self.show()
        announce(self.label, text, alert=error)  # heard at once, not only when someone finds the banner
