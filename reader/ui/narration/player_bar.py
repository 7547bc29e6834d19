"""The narration player under the reading view (the page's <audio controls>, and more)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QMenu,
    QSlider,
    QToolButton,
    QWidget,
)

from reader.ui.common.widgets import StateLabel, WrappingRow, labelled
from reader.ui.window.icons import player_icon

if TYPE_CHECKING:
    from reader.core.speech.synth import Voice


SPEEDS = (0.75, 1.0, 1.25, 1.5, 2.0)
MODES = ("here", "whole", "selection", "section")
SLIDER_MIN_WIDTH = 120


def clock(seconds: float) -> str:
    """m:ss, or h:mm:ss for an hour and more."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class PlayerBar(QFrame):
    """Play/pause, stop, previous/next sentence, seek, time, speed, voice, volume, export.

    Signals:
        playRequested(str): start reading: "here", "whole", "selection" or "section".
        toggleRequested(), stopRequested(), returnRequested()
        stepRequested(int): -1 previous sentence, +1 next.
        seekRequested(float): seconds.
        speedChanged(float), volumeChanged(float)
        voiceChanged(str): voice id.
        exportRequested(str): what to export: "whole", "section" or "selection".
    """

    playRequested = Signal(str)
    toggleRequested = Signal()
    stopRequested = Signal()
    returnRequested = Signal()
    stepRequested = Signal(int)
    seekRequested = Signal(float)
    speedChanged = Signal(float)
    volumeChanged = Signal(float)
    voiceChanged = Signal(str)
    exportRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("playerBar")
        self.setFrameShape(QFrame.Shape.NoFrame)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        self._state = "stopped"
        self._total = 0.0
        self._dragging = False

        self.play_button = self._button(self.tr("Play"))
        self.play_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        play_menu = QMenu(self.play_button)
        texts = {
            "here": self.tr("Read from Here"),
            "whole": self.tr("Read the Whole Report (title and information first)"),
            "selection": self.tr("Read the Selection"),
            "section": self.tr("Read This Section"),
        }
        for mode in MODES:
            play_menu.addAction(texts[mode]).triggered.connect(
                lambda _checked=False, m=mode: self.playRequested.emit(m)
            )
        self.play_button.setMenu(play_menu)
        self.play_button.clicked.connect(self._on_play_clicked)
        self.stop_button = self._button(self.tr("Stop"))
        self.stop_button.clicked.connect(self.stopRequested.emit)
        self.previous_button = self._button(self.tr("Previous sentence"))
        self.previous_button.clicked.connect(lambda: self.stepRequested.emit(-1))
        self.next_button = self._button(self.tr("Next sentence"))
        self.next_button.clicked.connect(lambda: self.stepRequested.emit(1))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setRange(0, 0)  # in seconds: its value is the time heard (set_position)
        self.slider.setPageStep(30)  # PgUp/PgDn: half a minute; the arrows: a second
        self.slider.setAccessibleName(self.tr("Narration position"))
        self.slider.sliderPressed.connect(lambda: setattr(self, "_dragging", True))
        # The arrows, PgUp/PgDn and a click on the track seek at once; a drag seeks when released.
        self.slider.valueChanged.connect(
            lambda value: None if self._dragging else self.seekRequested.emit(float(value))
        )
        self.slider.sliderReleased.connect(self._on_slider_released)
        self.time_label = StateLabel(self.tr("Narration time"), self)
        self.time_label.setObjectName("narrationTime")
        self.time_label.setText("0:00 / 0:00")
        self.speed = QComboBox(self)
        for value in SPEEDS:
            self.speed.addItem(f"{value:g}×", value)
        self.speed.setCurrentIndex(SPEEDS.index(1.0))
        self.speed.setAccessibleName(self.tr("Speed"))
        self.speed.setToolTip(self.tr("Speed"))
        self.speed.currentIndexChanged.connect(lambda _i: self.speedChanged.emit(float(self.speed.currentData())))
        self.voice_button = QToolButton(self)
        self.voice_button.setText(self.tr("Voice"))
        self.voice_button.setAccessibleName(self.tr("Voice"))
        self.voice_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.voice_menu = QMenu(self.voice_button)
        self.voice_button.setMenu(self.voice_menu)
        self.voice_group = QActionGroup(self)
        self._voices: dict[str, Voice] = {}
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setValue(100)
        self.volume.setMaximumWidth(80)
        self.volume.setAccessibleName(self.tr("Volume"))
        self.volume.setToolTip(self.tr("Volume"))
        self.volume.valueChanged.connect(lambda value: self.volumeChanged.emit(value / 100))
        self.export_button = self._button(self.tr("Export audio"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        export_menu = QMenu(self.export_button)
        export_menu.addAction(self.tr("Export the Whole Report…"), lambda: self.exportRequested.emit("whole"))
        export_menu.addAction(self.tr("Export This Section…"), lambda: self.exportRequested.emit("section"))
        export_menu.addAction(self.tr("Export the Selection…"), lambda: self.exportRequested.emit("selection"))
        self.export_button.setMenu(export_menu)
        self.return_button = QToolButton(self)
        self.return_button.setText(self.tr("Back to narration"))
        self.return_button.setAccessibleName(self.tr("Back to narration"))
        self.return_button.clicked.connect(self.returnRequested.emit)
        self.return_button.hide()
        # Under a narrow window the settings move to a second line: the seek slider keeps its length.
        self.slider.setMinimumWidth(SLIDER_MIN_WIDTH)
        self.rows = WrappingRow(self, comfort=SLIDER_MIN_WIDTH)
        transport = [self.play_button, self.stop_button, self.previous_button, self.next_button, self.slider]
        self.rows.add_group([*transport, self.time_label, self.return_button], 1, self.slider)
        speed_label = labelled(self.tr("Spee&d"), self.speed, self)  # the speed box's name (its buddy)
        self.rows.add_group([speed_label, self.speed, self.voice_button, self.volume, self.export_button])
        layout.addWidget(self.rows)
        self._paint_icons()
        self.set_state("stopped")

    def _paint_icons(self) -> None:
        """The controls' icons in the current palette's text colour (again after a theme change)."""
        palette = self.palette()
        for button, kind in (
            (self.stop_button, "stop"),
            (self.previous_button, "previous"),
            (self.next_button, "next"),
            (self.export_button, "save"),
        ):
            button.setIcon(player_icon(kind, palette))
        self._paint_play_icon()

    def _paint_play_icon(self) -> None:
        playing = self._state in ("playing", "buffering")
        self.play_button.setIcon(player_icon("pause" if playing else "play", self.palette()))

    def changeEvent(self, event) -> None:  # noqa: D102 - Qt override
        if event.type() == QEvent.Type.PaletteChange:
            self._paint_icons()
        super().changeEvent(event)

    def _button(self, text: str) -> QToolButton:
        button = QToolButton(self)
        button.setToolTip(text)
        button.setAccessibleName(text)
        button.setAutoRaise(True)
        return button

    def _on_play_clicked(self) -> None:
        if self._state == "stopped":
            self.playRequested.emit("here")
        else:
            self.toggleRequested.emit()

    def _on_slider_released(self) -> None:
        self._dragging = False
        if self._total > 0:
            self.seekRequested.emit(float(self.slider.value()))

    def set_state(self, state: str) -> None:
        """Show play or pause, enable the controls that make sense."""
        self._state = state
        playing = state in ("playing", "buffering")
        self._paint_play_icon()
        label = self.tr("Pause") if playing else self.tr("Play")
        self.play_button.setToolTip(label + " (Ctrl+Shift+Space)")
        self.play_button.setAccessibleName(label)
        active = state != "stopped"
        for widget in (self.stop_button, self.previous_button, self.next_button, self.slider):
            widget.setEnabled(active)
        if not active:
            self.return_button.hide()

    def set_position(self, elapsed: float, total: float, estimated: bool) -> None:
        """Move the slider and the time label (total marked ≈ while estimated)."""
        self._total = total
        if not self._dragging and total > 0:
            blocker = self.slider.blockSignals(True)
            self.slider.setRange(0, max(1, round(total)))
            self.slider.setValue(round(elapsed))
            self.slider.blockSignals(blocker)
        shown = f"{clock(elapsed)} / {'≈' if estimated else ''}{clock(total)}"
        if shown != self.time_label.text():
            self.time_label.setText(shown)
            # The slider's value is in seconds; its description says it as a clock.
            self.slider.setAccessibleDescription(shown)

    def set_voices(self, voices: list[Voice], current: str | None) -> None:
        """Fill the voice menu: Chinese voices (Mandarin first), the others under "More Voices"."""
        self.voice_menu.clear()
        for action in self.voice_group.actions():
            self.voice_group.removeAction(action)
        from reader.core.speech.synth import voice_order

        ordered = sorted(voices, key=voice_order)
        chinese = [voice for voice in ordered if voice.is_chinese]
        others = [voice for voice in ordered if not voice.is_chinese]
        for voice in chinese:
            self.voice_menu.addAction(self._voice_action(voice, current))
        if others:
            more = self.voice_menu.addMenu(self.tr("More Voices…"))
            more.setObjectName("moreVoices")
            for voice in others:
                more.addAction(self._voice_action(voice, current))
        self._voices = {voice.id: voice for voice in voices}
        self._show_voice(current)

    def _voice_action(self, voice: Voice, current: str | None) -> QAction:
        action = QAction(voice.name + (" ★" if voice.is_mandarin else ""), self.voice_menu)
        action.setCheckable(True)
        action.setChecked(voice.id == current)
        action.setData(voice.id)
        action.triggered.connect(lambda _c=False, v=voice.id: self.voiceChanged.emit(v))
        self.voice_group.addAction(action)
        return action

    def select_voice(self, voice_id: str) -> None:
        """Check the chosen voice in the menu and show its name."""
        for action in self.voice_group.actions():
            action.setChecked(action.data() == voice_id)
        self._show_voice(voice_id)

    def _show_voice(self, voice_id: str | None) -> None:
        """Name the chosen voice on its button: "Mandarin" for any Mandarin voice, the full name as tip."""
        voice = self._voices.get(voice_id or "")
        if voice is None:
            label = self.tr("Voice")
        elif voice.is_mandarin:
            label = self.tr("Mandarin")
        else:
            label = voice.name.split("(")[0].strip()
        self.voice_button.setText(label)
        self.voice_button.setToolTip(voice.name if voice else self.tr("Voice"))

    def set_speed(self, value: float) -> None:
        """Select a speed without emitting."""
        index = self.speed.findData(value)
        if index >= 0:
            blocker = self.speed.blockSignals(True)
            self.speed.setCurrentIndex(index)
            self.speed.blockSignals(blocker)
