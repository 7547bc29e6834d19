"""Settings read back what was written, and hand-edited garbage falls back to defaults."""

from __future__ import annotations

from reader.services.settings import Settings


def test_narration_settings_round_trip(tmp_path):
    settings = Settings(tmp_path / "settings.ini")
    settings.narration_voice = "sit/cmn-latn-pinyin"
    settings.narration_speed = 1.25
    settings.narration_volume = 0.4
    settings.sync()
    again = Settings(tmp_path / "settings.ini")
    assert (again.narration_voice, again.narration_speed, again.narration_volume) == ("sit/cmn-latn-pinyin", 1.25, 0.4)


def test_garbage_in_a_hand_edited_file_falls_back_to_defaults(tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text(
        "[narration]\nspeed=fast\nvolume=nan\n[view]\nfont_px=huge\ntheme=purple\nline_spacing=7\n",
        encoding="utf-8",
    )
    settings = Settings(path)
    assert (settings.narration_speed, settings.narration_volume, settings.narration_voice) == (1.0, 1.0, "")
    assert (settings.theme, settings.line_spacing) == ("system", 160)
    assert settings.font_px in range(10, 49)


def test_out_of_range_narration_values_are_clamped(tmp_path):
    path = tmp_path / "settings.ini"
    path.write_text("[narration]\nspeed=40\nvolume=-3\n", encoding="utf-8")
    settings = Settings(path)
    assert (settings.narration_speed, settings.narration_volume) == (3.0, 0.0)


def test_every_option_in_the_table_reads_its_default_keeps_a_value_and_refuses_garbage(tmp_path):
    from reader.services.settings import Settings

    settings = Settings(tmp_path / "settings.ini")
    options = Settings.options()
    assert {o.name for o in options} >= {"font_px", "theme", "line_spacing", "narration_speed", "last_source"}
    assert len({o.key for o in options}) == len(options), "two options share a key"
    for option in options:
        assert getattr(settings, option.name) == option.default
    samples = {"font_px": 20, "theme": "dark", "search_order": "relevance", "line_spacing": 200,
               "metadata_collapsed": True, "narration_voice": "sit/cmn", "narration_speed": 1.5,
               "narration_volume": 0.25, "last_source": "/tmp/a.html", "open_folder": "/tmp"}  # fmt: skip
    for option in options:
        setattr(settings, option.name, samples[option.name])
    settings.sync()
    reopened = Settings(tmp_path / "settings.ini")
    assert {o.name: getattr(reopened, o.name) for o in options} == samples
    reopened._qs.setValue("view/theme", "plaid")
    reopened._qs.setValue("view/line_spacing", "wide")
    assert reopened.theme == "system" and reopened.line_spacing == 160


def test_a_change_is_announced_once_with_the_options_name_and_the_file_has_a_version(qtbot, tmp_path):
    from reader.services.settings import VERSION, Settings

    settings = Settings(tmp_path / "settings.ini")
    heard: list[str] = []
    settings.changed.connect(heard.append)
    settings.theme = "sepia"
    settings.theme = "sepia"  # the same again: no news
    settings.font_px = 18
    assert heard == ["theme", "font_px"]
    settings.sync()
    assert f"version={VERSION}" in (tmp_path / "settings.ini").read_text(encoding="utf-8")
