"""Narration flows in the app, with a fake engine and a fake sink whose clock the test drives."""

from __future__ import annotations

from PySide6.QtCore import Qt

from reader.core.speech.output import MiniaudioSink, playback_devices
from reader.services.narration import NarrationService


def _sink(make_app):
    return make_app.sinks[-1]


def _advance(qtbot, make_app, seconds):
    _sink(make_app).advance(seconds)
    narration = make_app.apps[-1].services.narration
    with qtbot.waitSignal(narration.positionChanged, timeout=5000):
        pass  # the service's clock has turned the new position into signals


def _wait_playing(qtbot, app):
    narration = app.services.narration
    qtbot.waitUntil(lambda: narration.snapshot() and narration.snapshot().state.value == "playing", timeout=10000)


def _index_of(app, prefix):
    return next(i for i, p in enumerate(app.document.paragraphs) if p.text.startswith(prefix))


def test_reading_from_here_highlights_the_sentence_heard(qtbot, make_app):
    app = make_app()
    target = _index_of(app, "大力发展数字经济")
    app.view.scroll_to_paragraph(target)
    app.player.play_button.click()
    _wait_playing(qtbot, app)
    _advance(qtbot, make_app, 0.2)
    piece = app.services.narration.pieces[0]
    assert piece.paragraph == target
    assert app.view.highlight_ranges("narration") == [(target, piece.start, piece.end)]
    assert app.player.play_button.accessibleName() == "Pause"
    seconds = len(piece.text) * 0.05
    _advance(qtbot, make_app, seconds)
    second = app.services.narration.pieces[1]
    assert app.view.highlight_ranges("narration") == [(second.paragraph, second.start, second.end)]
    assert app.outline.current_node_id() == app.document.paragraphs[second.paragraph].section
    assert "/" in app.player.time_label.text()


def _play_key(qtbot, app) -> None:
    """Ctrl+Shift+Space: the narration's key (Space pages the text, as in every reader)."""
    qtbot.keyClick(app.view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)


def test_the_play_key_pauses_and_resumes_mid_sentence(qtbot, make_app):
    app = make_app()
    app.window.activateWindow()
    app.view.setFocus()
    _play_key(qtbot, app)
    _wait_playing(qtbot, app)
    _advance(qtbot, make_app, 0.5)
    _play_key(qtbot, app)
    qtbot.waitUntil(lambda: app.services.narration.snapshot().state.value == "paused", timeout=5000)
    paused_at = app.services.narration.snapshot().elapsed
    _advance(qtbot, make_app, 1.0)
    assert abs(app.services.narration.snapshot().elapsed - paused_at) < 0.01
    _play_key(qtbot, app)
    _wait_playing(qtbot, app)
    _advance(qtbot, make_app, 0.2)
    assert abs(app.services.narration.snapshot().elapsed - (paused_at + 0.2)) < 0.05


def test_scrolling_away_offers_the_way_back(qtbot, make_app):
    app = make_app()
    app.view.scroll_to_paragraph(10)
    app.narration_ui.start("here")
    _wait_playing(qtbot, app)
    _advance(qtbot, make_app, 0.1)
    app.view.scroll_to_paragraph(80)  # the reader looks elsewhere
    qtbot.waitUntil(lambda: not app.narration_ui.following, timeout=5000)
    assert app.player.return_button.isVisible()
    _advance(qtbot, make_app, 3)
    assert app.view.top_position()[0] >= 79, "the view stays where the reader put it"
    app.player.return_button.click()
    piece = app.services.narration.pieces[app.services.narration.snapshot().piece]
    assert app.view.is_position_visible(piece.paragraph, piece.start)
    assert not app.player.return_button.isVisible()


def test_clicking_a_sentence_jumps_the_narration_there(qtbot, make_app):
    app = make_app()
    app.narration_ui.start("whole")
    _wait_playing(qtbot, app)
    target = _index_of(app, "加快传统产业转型升级")
    app.narration_ui.narrate_from_click(target, 3)
    _wait_playing(qtbot, app)
    _advance(qtbot, make_app, 0.05)
    piece = app.services.narration.pieces[app.services.narration.snapshot().piece]
    assert piece.paragraph == target and piece.start == 0


def test_section_and_selection_scripts(qtbot, make_app):
    app = make_app()
    node = app.document.outline[1].children[3]
    app.outline.tree.setCurrentItem(app.outline.item_for(node.id))
    pieces = app.narration_ui.pieces("section")
    first, end = app.document.node_paragraph_range(node.id)
    assert {p.paragraph for p in pieces} == set(range(first, end))
    assert app.narration_ui.pieces("selection") == []


def test_export_writes_audio_and_cue(qtbot, make_app, tmp_path):
    app = make_app()
    pieces = app.narration_ui.pieces("section")
    with qtbot.waitSignal(app.narration_ui.audioExported, timeout=60000) as exported:
        app.narration_ui.export_to(pieces, tmp_path / "section.wav")
    result = exported.args[0]
    assert result is not None and result.path.exists() and result.seconds > 1


def test_stop_clears_the_highlight(qtbot, make_app):
    app = make_app()
    app.narration_ui.start("here")
    _wait_playing(qtbot, app)
    _advance(qtbot, make_app, 0.1)
    app.player.stop_button.click()
    qtbot.waitUntil(lambda: app.services.narration.snapshot().state.value == "stopped", timeout=5000)
    qtbot.waitUntil(lambda: app.view.highlight_ranges("narration") == [], timeout=5000)


def test_no_audio_device_gives_a_clear_message(qtbot, make_app, monkeypatch):
    from reader.core.speech import output

    monkeypatch.setattr(output, "playback_devices", lambda: [])
    app = make_app()
    real = NarrationService(lambda: make_app.engine, MiniaudioSink)
    app.services.narration.close()
    app.narration = real
    real.message.connect(lambda text: app.window.banner.show_message(text, error=False))
    with qtbot.waitSignal(real.voicesReady, timeout=10000):
        real.start_engine()
    real.load(app.narration_ui.pieces("here"))
    real.play(0)
    assert app.window.banner.isVisible() and "No audio output device" in app.window.banner.label.text()
    assert real.snapshot().state.value == "stopped"
    assert playback_devices is not None
    real.close()


def test_voice_menu_leads_with_the_best_mandarin_voice_and_names_it_plainly(qtbot):
    from reader.core.speech.synth import Voice
    from reader.ui.narration.player_bar import PlayerBar

    bar = PlayerBar()
    qtbot.addWidget(bar)
    voices = [
        Voice("gmw/en", "English (Great Britain)", ("en",)),
        Voice("sit/cmn", "Chinese (Mandarin, latin as English)", ("cmn",)),
        Voice("sit/cmn-latn-pinyin", "Chinese (Mandarin, latin as Pinyin)", ("cmn-latn-pinyin",)),
        Voice("sit/yue", "Chinese (Cantonese)", ("yue",)),
        Voice("art/piqd", "Klingon", ("piqd",)),
    ]
    bar.set_voices(voices, "sit/cmn-latn-pinyin")
    top = [action.data() for action in bar.voice_menu.actions() if action.menu() is None]
    assert top == ["sit/cmn-latn-pinyin", "sit/cmn", "sit/yue"]  # Chinese voices, Mandarin first
    more = bar.voice_menu.findChild(type(bar.voice_menu), "moreVoices")
    assert sorted(action.data() for action in more.actions()) == ["art/piqd", "gmw/en"]  # the rest, out of the way
    assert bar.voice_button.text() == "Mandarin"
    assert bar.voice_button.toolTip() == "Chinese (Mandarin, latin as Pinyin)"
    bar.select_voice("gmw/en")
    assert bar.voice_button.text() == "English"
    assert [action.data() for action in bar.voice_group.actions() if action.isChecked()] == ["gmw/en"]


def test_the_no_device_message_is_in_the_ui_language(qapp):
    from reader.core.speech.output import NoAudioDeviceError
    from reader.services.narration import NarrationService
    from reader.ui.launch import install_translators

    translators = install_translators(qapp, "zh")
    try:
        said = NarrationService(lambda: None, lambda: None)._said(NoAudioDeviceError("no audio output device"))
        assert said.startswith("没有") and "音频" in said
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_the_player_shows_the_open_documents_length_and_it_follows_another_document(qtbot, make_app, tmp_path):
    from reader.core.speech.player import estimated_seconds
    from reader.ui.narration.player_bar import clock

    app = make_app()
    narration = app.services.narration

    def length(document) -> str:
        return clock(estimated_seconds(sum(len(p.text) for p in document.paragraphs), narration.rate))

    first = app.player.time_label.text()
    assert first == f"0:00 / ≈{length(app.document)}"
    app.player.play_button.click()
    _wait_playing(qtbot, app)
    _advance(qtbot, make_app, 0.5)
    report = tmp_path / "short.txt"
    report.write_text("政府工作报告\n\n各位代表：\n\n今年经济运行总体平稳。\n", encoding="utf-8")
    with qtbot.waitSignal(app.navigator.documentShown, timeout=20000):
        app.navigator.open(str(report))
    qtbot.waitUntil(lambda: narration.snapshot().state.value == "stopped", timeout=5000)
    short = app.player.time_label.text()
    assert short == f"0:00 / ≈{length(app.document)}" and short != first
    app.player.speed.setCurrentIndex(app.player.speed.findData(2.0))  # at rest the length follows the speed
    assert app.player.time_label.text() == f"0:00 / ≈{length(app.document)}" != short
