"""The window's side of narration: what to read, the player bar, the heard sentence highlighted.

The narration service synthesises and plays; this controller decides what it
reads, follows it in the text and the outline unless the reader scrolls away,
and runs audio exports with a progress dialog.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget

from reader.services.settings import Settings
from reader.ui.narration.audio_export import export_with_progress
from reader.ui.narration.player_bar import PlayerBar
from reader.ui.reading.navigator import Navigator
from reader.ui.reading.outline_panel import OutlinePanel
from reader.ui.reading.reading_style import ReadingStyle
from reader.ui.reading.reading_view import ReadingView
from reader.ui.window.notifier import Notifier

if TYPE_CHECKING:
    from reader.core.document import Document
    from reader.services.narration import NarrationService


def narration_rate(speed: float) -> float:
    """Engine rate for a player speed (1.0 = the default rate)."""
    from reader.core.speech.synth import DEFAULT_RATE

    return DEFAULT_RATE * speed


class NarrationController(QObject):
    """Reads the open document aloud through a narration service (attached once it has started).

    Args:
        navigator: The open document.
        view: Where the heard sentence is highlighted and followed.
        player: The player bar under the text.
        outline: Follows the heard sentence; names the section "this section" reads.
        style: The theme's highlight colour.
        settings: Voice, speed and volume.
        notifier: Messages.
        dialog_parent: Parent of the export dialogs.

    Signals:
        audioExported(object): an export finished (its result, or None when cancelled or failed).
    """

    audioExported = Signal(object)

    def __init__(
        self,
        navigator: Navigator,
        view: ReadingView,
        player: PlayerBar,
        outline: OutlinePanel,
        style: ReadingStyle,
        settings: Settings,
        notifier: Notifier,
        dialog_parent: QWidget,
    ) -> None:
        super().__init__(dialog_parent)
        self._navigator = navigator
        self._view = view
        self._player = player
        self._outline = outline
        self._style = style
        self._settings = settings
        self._notifier = notifier
        self._dialog_parent = dialog_parent
        self.service: NarrationService | None = None
        self._document: Document | None = None  # the document being read
        self.following = True  # the view follows the heard sentence
        player.setEnabled(False)  # until a narration service is attached
        player.playRequested.connect(self.start)
        player.toggleRequested.connect(self.toggle)
        player.returnRequested.connect(self.return_to_narration)
        player.exportRequested.connect(self.export)
        view.topParagraphChanged.connect(lambda *_: self.check_scrolled_away())
        view.paragraphClicked.connect(self.narrate_from_click)
        navigator.documentShown.connect(self.document_changed)

    # Wiring ---------------------------------------------------------------------------
    def attach(self, service: NarrationService) -> None:
        """Connect a narration service to the player and the view, with the saved speed and volume."""
        self.service = service
        player, settings = self._player, self._settings
        player.setEnabled(True)
        player.stopRequested.connect(service.stop)
        player.stepRequested.connect(service.step)
        player.seekRequested.connect(service.seek)
        player.speedChanged.connect(self._set_speed)
        player.volumeChanged.connect(self._set_volume)
        player.voiceChanged.connect(self._set_voice)
        service.stateChanged.connect(self._on_state)
        service.pieceChanged.connect(self._on_piece)
        service.positionChanged.connect(player.set_position)
        service.voicesReady.connect(self._on_voices)
        service.message.connect(lambda text: self._notifier.banner(text, error=False))
        speed = settings.narration_speed
        player.set_speed(speed)
        service.rate = round(narration_rate(speed))
        service.volume = settings.narration_volume
        player.volume.setValue(round(service.volume * 100))
        self._show_length(self._navigator.document)

    def document_changed(self, document: Document) -> None:
        """Another document is being shown: stop reading the previous one, show how long this one lasts."""
        if self.service is not None and self._document is not None and self._document is not document:
            self.service.stop()
            self._document = None
        if self.service is not None and self._document is None:
            self._show_length(document)

    def _show_length(self, document: Document | None) -> None:
        """The player at rest: 0:00 of the whole document's estimated narration at the current speed."""
        from reader.core.speech.player import estimated_seconds

        if document is None or self.service is None:
            return
        characters = sum(len(paragraph.text) for paragraph in document.paragraphs)
        self._player.set_position(0.0, estimated_seconds(characters, self.service.rate), True)

    # What to read -------------------------------------------------------------------
    def _selection_range(self) -> tuple[tuple[int, int], tuple[int, int]] | None:
        view = self._view
        cursor = view.textCursor()
        if not cursor.hasSelection():
            return None
        start = QTextCursor(view.document())
        start.setPosition(cursor.selectionStart())
        end = QTextCursor(view.document())
        end.setPosition(cursor.selectionEnd())
        return view.paragraph_at(start), view.paragraph_at(end)

    def _here(self) -> tuple[int, int]:
        """Where "read from here" starts: the caret when it is on screen, else the top of the view."""
        view = self._view
        index, offset = view.paragraph_at(view.textCursor())
        if (index, offset) != (0, 0) and view.is_position_visible(index, offset):
            return index, offset
        return view.top_position()

    def pieces(self, mode: str) -> list:
        """What to read: "whole", "here", "selection" or "section" of the open document."""
        from reader.core.speech import sentences as speech_script

        document = self._navigator.document
        if document is None:
            return []
        if mode == "whole":
            return speech_script.whole_document(document)
        if mode == "selection":
            chosen = self._selection_range()
            if chosen is None:
                self._notifier.status(self.tr("Select some text to read first"), 3000)
                return []
            return speech_script.selection(document, *chosen)
        index, offset = self._here()
        if mode == "here" and self._view.textCursor().hasSelection():
            chosen = self._selection_range()
            if chosen is not None:
                return speech_script.selection(document, *chosen)
        if mode == "section":
            node_id = self._outline.current_node_id() or document.paragraphs[index].section
            if node_id:
                return speech_script.section(document, node_id)
        return speech_script.from_position(document, index, offset)

    # Playing ------------------------------------------------------------------------
    def start(self, mode: str) -> None:
        """Load a script and play it from its first sentence."""
        if self.service is not None:
            self._play(self.pieces(mode))

    def read_section(self, node_id: str) -> None:
        """朗读本节: read exactly one outline section (with its sub-sections) of the open document."""
        from reader.core.speech import sentences as speech_script

        document = self._navigator.document
        if self.service is not None and document is not None and document.node(node_id) is not None:
            self._play(speech_script.section(document, node_id))

    def read_passages(self, ranges: list[tuple[int, int, int]]) -> None:
        """Read passages of the open document one after another (read my highlights)."""
        from reader.core.speech import sentences as speech_script

        document = self._navigator.document
        if self.service is not None and document is not None:
            self._play(speech_script.passages(document, ranges))

    def read_paragraph(self, index: int) -> None:
        """Read one paragraph aloud (the one at the caret): with or without a screen reader."""
        from reader.core.speech import sentences as speech_script

        document = self._navigator.document
        if self.service is not None and document is not None and 0 <= index < len(document.paragraphs):
            self._play(speech_script.document_pieces(document, index, index))

    def _play(self, pieces: list) -> None:
        service = self.service
        if service is None or not pieces:
            return
        self._document = self._navigator.document
        self.following = True
        self._player.return_button.hide()
        service.load(pieces)
        service.play(0)

    def toggle(self) -> None:
        """Space: pause/resume, or start reading from here."""
        service = self.service
        if service is None:
            return
        snapshot = service.snapshot()
        if snapshot is None or snapshot.state.value == "stopped" or self._document is not self._navigator.document:
            self.start("here")
        else:
            service.toggle()

    def _on_piece(self, index: int) -> None:
        """Highlight the sentence being heard; keep it in view unless the reader scrolled away."""
        view = self._view
        pieces = self.service.pieces if self.service is not None else []
        if index < 0 or index >= len(pieces) or self._document is not self._navigator.document:
            view.clear_highlights("narration")
            return
        piece = pieces[index]
        if piece.paragraph < 0:
            view.clear_highlights("narration")
            return
        view.set_highlights("narration", [(piece.paragraph, piece.start, piece.end)], self._style.theme.narration)
        if self.following:
            view.ensure_paragraph_visible(piece.paragraph, piece.start)
            self._outline.follow_paragraph(piece.paragraph)

    def check_scrolled_away(self) -> None:
        """The reader scrolled away from the narration: stop following, offer the way back."""
        service = self.service
        if service is None or not self.following:
            return
        snapshot = service.snapshot()
        if snapshot is None or snapshot.state.value == "stopped" or snapshot.piece < 0:
            return
        piece = service.pieces[snapshot.piece]
        if piece.paragraph >= 0 and not self._view.is_position_visible(piece.paragraph, piece.start):
            self.following = False
            self._player.return_button.show()

    def return_to_narration(self) -> None:
        """Follow the narration again."""
        self.following = True
        self._player.return_button.hide()
        service = self.service
        snapshot = service.snapshot() if service is not None else None
        if snapshot is not None and snapshot.piece >= 0:
            self._on_piece(snapshot.piece)

    def narrate_from_click(self, paragraph: int, offset: int) -> None:
        """A click on a sentence while narrating jumps the narration there."""
        service = self.service
        if service is None or self._document is not self._navigator.document:
            return
        snapshot = service.snapshot()
        if snapshot is None or snapshot.state.value == "stopped":
            return
        for number, piece in enumerate(service.pieces):
            if piece.paragraph == paragraph and piece.start <= offset < max(piece.end, piece.start + 1):
                self.following = True
                self._player.return_button.hide()
                service.play(number)
                return

    def _on_state(self, state: str) -> None:
        self._player.set_state(state)
        if state == "stopped":
            self._view.clear_highlights("narration")

    # Export -------------------------------------------------------------------------
    def export(self, mode: str) -> None:
        """Export narration of the report, a section or the selection to WAV or MP3."""
        from PySide6.QtWidgets import QFileDialog

        document = self._navigator.document
        if self.service is None or document is None:
            return
        pieces = self.pieces(mode)
        if not pieces:
            return
        suggested = str(Path.home() / f"{document.title}.mp3")
        path, _ = QFileDialog.getSaveFileName(
            self._dialog_parent, self.tr("Export Audio"), suggested, self.tr("MP3 audio (*.mp3);;WAV audio (*.wav)")
        )
        if path:
            self.export_to(pieces, Path(path))

    def export_to(self, pieces: list, path: Path) -> None:
        """Run an export with a progress dialog that can cancel it (``audioExported`` when it ends)."""
        if self.service is None:
            return
        document, parent = self._navigator.document, self._dialog_parent
        export_with_progress(self.service, pieces, path, document, self._notifier, parent, self.audioExported.emit)

    # Voice, speed, volume -------------------------------------------------------------
    def _on_voices(self, voices: list, default) -> None:
        saved = self._settings.narration_voice
        ids = {voice.id for voice in voices}
        voice = saved if saved in ids else (default.id if default is not None else None)
        if self.service is not None:
            self.service.set_voice(voice)
        self._player.set_voices(voices, voice)

    def _set_voice(self, voice: str) -> None:
        self._settings.narration_voice = voice
        if self.service is not None:
            self.service.set_voice(voice)
        self._player.select_voice(voice)

    def _set_speed(self, speed: float) -> None:
        self._settings.narration_speed = speed
        if self.service is None:
            return
        self.service.set_rate(round(narration_rate(speed)))
        snapshot = self.service.snapshot()
        if snapshot is None or snapshot.state.value == "stopped":
            self._show_length(self._navigator.document)  # at rest the length follows the speed

    def _set_volume(self, volume: float) -> None:
        self._settings.narration_volume = volume
        if self.service is not None:
            self.service.set_volume(volume)
