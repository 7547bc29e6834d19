"""Narration flows in the window, with a fake engine and a fake sink whose clock the test drives."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.core.speech.output import MiniaudioSink, playback_devices
from reader.services.narration import NarrationService


def _sink(make_window):
    return make_window.sinks[-1]


def _advance(qtbot, make_window, seconds):
    _sink(make_window).advance(seconds)
    qtbot.wait(80)  # the service's clock turns the position into signals


def _wait_playing(qtbot, window):
    qtbot.waitUntil(
        lambda: window.narration.snapshot() and window.narration.snapshot().state.value == "playing", timeout=10000
    )


def _index_of(window, prefix):
    return next(i for i, p in enumerate(window.document.paragraphs) if p.text.startswith(prefix))


def test_reading_from_here_highlights_the_sentence_heard(qtbot, make_window):
    window = make_window()
    target = _index_of(window, "大力发展数字经济")
    window.view.scroll_to_paragraph(target)
    window.player.play_button.click()
    _wait_playing(qtbot, window)
    _advance(qtbot, make_window, 0.2)
    piece = window.narration.pieces[0]
    assert piece.paragraph == target
    assert window.view.highlight_ranges("narration") == [(target, piece.start, piece.end)]
    assert window.player.play_button.accessibleName() == "Pause"
    seconds = len(piece.text) * 0.05
    _advance(qtbot, make_window, seconds)
    second = window.narration.pieces[1]
    assert window.view.highlight_ranges("narration") == [(second.paragraph, second.start, second.end)]
    assert window.outline.current_node_id() == window.document.paragraphs[second.paragraph].section
    assert "/" in window.player.time_label.text()


def test_space_pauses_and_resumes_mid_sentence(qtbot, make_window):
    window = make_window()
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    _wait_playing(qtbot, window)
    _advance(qtbot, make_window, 0.5)
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.narration.snapshot().state.value == "paused", timeout=5000)
    paused_at = window.narration.snapshot().elapsed
    _advance(qtbot, make_window, 1.0)
    assert abs(window.narration.snapshot().elapsed - paused_at) < 0.01
    qtbot.keyClick(window.view, Qt.Key.Key_Space)
    _wait_playing(qtbot, window)
    _advance(qtbot, make_window, 0.2)
    assert abs(window.narration.snapshot().elapsed - (paused_at + 0.2)) < 0.05


def test_scrolling_away_offers_the_way_back(qtbot, make_window):
    window = make_window()
    window.view.scroll_to_paragraph(10)
    window.narration_ui.start("here")
    _wait_playing(qtbot, window)
    _advance(qtbot, make_window, 0.1)
    window.view.scroll_to_paragraph(80)  # the reader looks elsewhere
    qtbot.wait(150)
    assert not window.narration_ui.following and window.player.return_button.isVisible()
    _advance(qtbot, make_window, 3)
    assert window.view.top_position()[0] >= 79, "the view stays where the reader put it"
    window.player.return_button.click()
    piece = window.narration.pieces[window.narration.snapshot().piece]
    assert window.view.is_position_visible(piece.paragraph, piece.start)
    assert not window.player.return_button.isVisible()


def test_clicking_a_sentence_jumps_the_narration_there(qtbot, make_window):
    window = make_window()
    window.narration_ui.start("whole")
    _wait_playing(qtbot, window)
    target = _index_of(window, "加快传统产业转型升级")
    window.narration_ui.narrate_from_click(target, 3)
    _wait_playing(qtbot, window)
    _advance(qtbot, make_window, 0.05)
    piece = window.narration.pieces[window.narration.snapshot().piece]
    assert piece.paragraph == target and piece.start == 0


def test_section_and_selection_scripts(qtbot, make_window):
    window = make_window()
    node = window.document.outline[1].children[3]
    window.outline.tree.setCurrentItem(window.outline.item_for(node.id))
    pieces = window.narration_ui.pieces("section")
    first, end = window.document.node_paragraph_range(node.id)
    assert {p.paragraph for p in pieces} == set(range(first, end))
    assert window.narration_ui.pieces("selection") == []


def test_export_writes_audio_and_cue(qtbot, make_window, tmp_path):
    window = make_window()
    pieces = window.narration_ui.pieces("section")
    with qtbot.waitSignal(window.narration_ui.audioExported, timeout=60000) as exported:
        window.narration_ui.export_to(pieces, tmp_path / "section.wav")
    result = exported.args[0]
    assert result is not None and result.path.exists() and result.seconds > 1


def test_stop_clears_the_highlight(qtbot, make_window):
    window = make_window()
    window.narration_ui.start("here")
    _wait_playing(qtbot, window)
    _advance(qtbot, make_window, 0.1)
    window.player.stop_button.click()
    qtbot.waitUntil(lambda: window.narration.snapshot().state.value == "stopped", timeout=5000)
    qtbot.wait(100)
    assert window.view.highlight_ranges("narration") == []


def test_no_audio_device_gives_a_clear_message(qtbot, make_window, monkeypatch):
    from reader.core.speech import output

    monkeypatch.setattr(output, "playback_devices", lambda: [])
    window = make_window()
    real = NarrationService(lambda: make_window.engine, MiniaudioSink)
    window.narration.close()
    window.narration = real
    real.message.connect(lambda text: window.banner.show_message(text, error=False))
    with qtbot.waitSignal(real.voicesReady, timeout=10000):
        real.start_engine()
    real.load(window.narration_ui.pieces("here"))
    real.play(0)
    assert window.banner.isVisible() and "no audio output device" in window.banner.label.text()
    assert real.snapshot().state.value == "stopped"
    assert playback_devices is not None
    real.close()


def test_voice_menu_leads_with_the_best_mandarin_voice_and_names_it_plainly(qtbot):
    from reader.core.speech.synth import Voice
    from reader.ui.player_bar import PlayerBar

    bar = PlayerBar()
    qtbot.addWidget(bar)
    voices = [
        Voice("gmw/en", "English (Great Britain)", ("en",)),
        Voice("sit/cmn", "Chinese (Mandarin, latin as English)", ("cmn",)),
        Voice("sit/cmn-latn-pinyin", "Chinese (Mandarin, latin as Pinyin)", ("cmn-latn-pinyin",)),
    ]
    bar.set_voices(voices, "sit/cmn-latn-pinyin")
    assert [action.data() for action in bar.voice_menu.actions()] == ["sit/cmn-latn-pinyin", "sit/cmn", "gmw/en"]
    assert bar.voice_button.text() == "Mandarin"
    assert bar.voice_button.toolTip() == "Chinese (Mandarin, latin as Pinyin)"
    bar.select_voice("gmw/en")
    assert bar.voice_button.text() == "English"
    assert [action.data() for action in bar.voice_group.actions() if action.isChecked()] == ["gmw/en"]
