"""Chinese UI by default, English when the locale asks for it; the catalogue is complete."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication, QLocale

from reader.core.resources import resources_dir
from reader.ui.launch import install_translators, ui_language

TS = resources_dir() / "translations" / "report_reader_zh_CN.ts"


def test_catalogue_is_complete_and_compiled():
    root = ET.parse(TS).getroot()
    messages = list(root.iter("message"))
    assert len(messages) > 50
    unfinished = [m.find("source").text for m in messages if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    qm = TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= TS.stat().st_mtime - 1


def test_chinese_by_default_and_english_on_request(qapp, monkeypatch):
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.Chinese)))
    assert ui_language(None) == "zh"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.C)))
    assert ui_language(None) == "zh"
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale(QLocale.Language.English)))
    assert ui_language(None) == "en"
    assert ui_language("zh") == "zh"


def test_window_in_chinese(qapp, make_app):
    translators = install_translators(qapp, "zh")
    try:
        assert translators, "the Chinese catalogue did not load"
        assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"
        app = make_app()
        titles = [action.text() for action in app.window.menuBar().actions()]
        assert titles[:3] == ["文件(&F)", "编辑(&E)", "查看(&V)"]
        assert app.window.size_buttons["large"].text() == "大"
        assert app.window.docks["outline"].windowTitle() == "目录"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def _mnemonic(text: str) -> str:
    at = text.replace("&&", "").find("&")
    return text.replace("&&", "")[at + 1].lower() if at >= 0 else ""


def _clashes(menu) -> list[str]:
    """Entries of a menu (and its submenus) whose Alt-letter another entry of the same menu has."""
    found, seen = [], {}
    for action in menu.actions():
        if action.isSeparator() or not action.isVisible():
            continue
        letter = _mnemonic(action.text().split("\t")[0])
        if letter:
            if letter in seen:
                found.append(f"{seen[letter]!r} / {action.text()!r}")
            seen[letter] = action.text()
        if action.menu() is not None:
            found.extend(_clashes(action.menu()))
    return found


def test_menu_keys_are_unique_in_both_languages(qapp, make_app):
    app = make_app()
    app.complete()
    assert _clashes(app.window.menuBar()) == []
    translators = install_translators(qapp, "zh")
    try:
        chinese_app = make_app()
        chinese_app.complete()
        assert _clashes(chinese_app.window.menuBar()) == []
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
