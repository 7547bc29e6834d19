"""How controllers tell the reader something: the status bar, the message banner, the busy indicator."""

from __future__ import annotations

from PySide6.QtWidgets import QProgressBar, QStatusBar

from reader.ui.common.widgets import MessageBanner


class Notifier:
    """One place for passing messages, errors and "working…", so controllers need no window.

    Args:
        status_bar: Where passing messages go.
        banner: The non-modal message line above the text (errors and notices).
        busy: The indeterminate progress bar in the status bar.
    """

    def __init__(self, status_bar: QStatusBar, banner: MessageBanner, busy: QProgressBar) -> None:
        self._status_bar = status_bar
        self._banner = banner
        self._busy = busy

    def status(self, text: str, msecs: int = 0) -> None:
        """A passing message in the status bar (0: until the next one)."""
        self._status_bar.showMessage(text, msecs)

    def clear_status(self) -> None:
        """Remove the status bar's message."""
        self._status_bar.clearMessage()

    def banner(self, text: str, error: bool = True) -> None:
        """A message that stays above the text until closed (errors in a warning colour)."""
        self._banner.show_message(text, error)

    def hide_banner(self) -> None:
        """Remove the banner."""
        self._banner.hide()

    def busy(self, working: bool) -> None:
        """Show or hide the busy indicator."""
        self._busy.setVisible(working)
