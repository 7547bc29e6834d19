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
