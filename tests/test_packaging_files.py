"""Desktop integration files validate; the PyInstaller spec names what is imported dynamically."""

from __future__ import annotations

import subprocess
import tomllib

from tests.conftest import ROOT, needs_tool

LINUX = ROOT / "packaging" / "linux"


@needs_tool("desktop-file-validate", "desktop-file-utils")
def test_desktop_file_validates():
    result = subprocess.run(
        ["desktop-file-validate", str(LINUX / "io.github.reportreader.ReportReader.desktop")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout
    text = (LINUX / "io.github.reportreader.ReportReader.desktop").read_text(encoding="utf-8")
    assert "Exec=report-reader %f" in text and "Categories=Office;Viewer;" in text


def test_the_desktop_files_declare_every_format_the_reader_opens():
    from reader.core.formats.registry import supported_mime_types

    desktop = (LINUX / "io.github.reportreader.ReportReader.desktop").read_text(encoding="utf-8")
    declared = next(line for line in desktop.splitlines() if line.startswith("MimeType="))
    assert declared == "MimeType=" + ";".join(supported_mime_types()) + ";"
    metainfo = (LINUX / "io.github.reportreader.ReportReader.metainfo.xml").read_text(encoding="utf-8")
    assert all(f"<mediatype>{mime}</mediatype>" in metainfo for mime in supported_mime_types())


@needs_tool("appstreamcli", "appstream")
def test_metainfo_validates():
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(LINUX / "io.github.reportreader.ReportReader.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_release_matches_the_one_version():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    metainfo = (LINUX / "io.github.reportreader.ReportReader.metainfo.xml").read_text(encoding="utf-8")
    assert f'<release version="{version}"' in metainfo


def test_spec_bundles_dynamic_imports_and_resources():
    spec = (ROOT / "packaging" / "report-reader.spec").read_text(encoding="utf-8")
    for needle in (
        '"pyttsx3.drivers.espeak"',
        "pyttsx3.drivers.sapi5",
        "pyttsx3.drivers.nsss",
        'collect_submodules("whoosh")',
        '"resources"',
        "PySide6.QtWebEngineCore",
        "bundle_identifier",
    ):
        assert needle in spec, needle
    for size in (16, 32, 48, 64, 128, 256, 512):
        assert (ROOT / "resources" / "icons" / f"report-reader-{size}.png").exists()


def test_about_dialog_shows_the_version_and_licences(qapp):
    from reader import __version__
    from reader.ui.window.about import AboutDialog, component_versions

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert __version__ == version
    from PySide6.QtWidgets import QLabel, QTextBrowser

    dialog = AboutDialog()
    assert any(version in label.text() for label in dialog.findChildren(QLabel))
    table = dialog.findChild(QTextBrowser).toPlainText()
    assert "Whoosh" in table and "BSD-2-Clause" in table and "LGPL" in table
    names = [name for name, _v, _l in component_versions()]
    assert "Qt for Python (PySide6) / Qt 6" in names
    licences = {name: lic for name, _v, lic in component_versions()}
    assert "LGPL" in licences["Qt for Python (PySide6) / Qt 6"]
