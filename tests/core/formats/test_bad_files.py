"""Encrypted, scanned, damaged, truncated, bombed and huge files: one clear message, never a hang or a traceback."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest

from reader.core.errors import (
    DamagedFileError,
    EncryptedFileError,
    InputError,
    InputTooLargeError,
    ScannedDocumentError,
)
from reader.core.loader import load_source
from tests.core.formats.officekit import WQY, make_docx, make_ofd, make_pdf, sample

needs_font = pytest.mark.skipif(not WQY.exists(), reason="fonts-wqy-microhei is not installed (the PDFs embed it)")


def _pdf_without_text(path) -> None:
    from reportlab.pdfgen import canvas

    sheet = canvas.Canvas(str(path))
    for _ in range(3):  # what a scanner makes: pictures of pages, no text layer
        sheet.rect(50, 50, 400, 600, fill=1)
        sheet.showPage()
    sheet.save()


def test_a_scanned_pdf_asks_for_text_recognition(tmp_path):
    path = tmp_path / "scan.pdf"
    _pdf_without_text(path)
    with pytest.raises(ScannedDocumentError, match="no text layer"):
        load_source(str(path))


@needs_font
def test_a_password_protected_pdf_says_so(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    path = tmp_path / "secret.pdf"
    sheet = canvas.Canvas(str(path), encrypt=StandardEncryption("user-password", canPrint=0))
    sheet.drawString(100, 700, "secret")
    sheet.save()
    with pytest.raises(EncryptedFileError, match="password"):
        load_source(str(path))


@needs_font
@pytest.mark.parametrize("keep", [0.2, 0.5, 0.9])
def test_a_truncated_pdf_is_read_as_far_as_it_goes_or_refused_clearly(tmp_path, keep):
    whole = tmp_path / "whole.pdf"
    make_pdf(whole, sample())
    data = whole.read_bytes()
    cut = tmp_path / "cut.pdf"
    cut.write_bytes(data[: int(len(data) * keep)])
    try:
        document = load_source(str(cut))
    except InputError as error:
        assert isinstance(error, (DamagedFileError, ScannedDocumentError))
    else:
        assert document.paragraphs


@pytest.mark.parametrize("suffix", [".pdf", ".docx", ".ofd", ".doc"])
def test_random_bytes_under_a_document_suffix_are_damaged_files(tmp_path, suffix):
    path = tmp_path / f"junk{suffix}"
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 if suffix == ".pdf" else b"PK\x03\x04" + bytes(4000))
    with pytest.raises(InputError):
        load_source(str(path))


def test_a_zip_bomb_in_a_docx_is_refused_before_it_expands(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"\x00" * (200 * 1024 * 1024))  # 200 MB of zeros, ~200 KB stored
    assert path.stat().st_size < 1024 * 1024
    with pytest.raises(InputTooLargeError):
        load_source(str(path))


def test_a_zip_bomb_in_an_ofd_is_refused(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("OFD.xml", b" " * (100 * 1024 * 1024))
    path = tmp_path / "bomb.ofd"
    path.write_bytes(buffer.getvalue())
    with pytest.raises(InputTooLargeError):
        load_source(str(path))


def test_an_ofd_without_pages_or_text_says_what_it_lacks(tmp_path):
    doc = sample(parts=1, sections=1, paragraphs=1)
    path = tmp_path / "letter.ofd"
    make_ofd(path, doc)
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    stripped = tmp_path / "empty.ofd"
    with zipfile.ZipFile(stripped, "w") as archive:
        for name, data in parts.items():
            if "Content.xml" in name:
                data = b'<?xml version="1.0"?><ofd:Page xmlns:ofd="http://www.ofdspec.org/2016"/>'
            archive.writestr(name, data)
    with pytest.raises(ScannedDocumentError):
        load_source(str(stripped))
    broken = tmp_path / "broken.ofd"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("OFD.xml", "<not xml")
    with pytest.raises(DamagedFileError):
        load_source(str(broken))


@needs_font
def test_a_document_misnamed_as_a_web_page_is_still_read_as_what_it_is(tmp_path):
    doc = sample(parts=1, sections=1, paragraphs=1)
    pdf, docx = tmp_path / "a.pdf", tmp_path / "b.docx"
    make_pdf(pdf, doc)
    make_docx(docx, doc)
    for path, name in ((pdf, "saved.html"), (docx, "download.txt")):
        misnamed = tmp_path / name
        misnamed.write_bytes(path.read_bytes())
        assert load_source(str(misnamed)).title == doc.title


@needs_font
def test_the_cli_says_one_line_for_an_encrypted_pdf(tmp_path):
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    path = tmp_path / "secret.pdf"
    sheet = canvas.Canvas(str(path), encrypt=StandardEncryption("x"))
    sheet.drawString(100, 700, "secret")
    sheet.save()
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(tmp_path / "data"), "export", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == ["report-reader: the PDF is protected by a password"]


@needs_font
@pytest.mark.slow
def test_a_2000_page_pdf_is_parsed_whole(tmp_path):
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(WQY), subfontIndex=0))
    path = tmp_path / "huge.pdf"
    sheet = canvas.Canvas(str(path))
    for page in range(2000):
        sheet.setFont("WQY", 12)
        sheet.drawString(72, 760, f"第{page + 1}条 本规定自公布之日起施行。")
        sheet.drawCentredString(300, 40, f"- {page + 1} -")
        sheet.showPage()
    sheet.save()
    document = load_source(str(path))
    assert len(document.paragraphs) == 2000
    assert document.paragraphs[-1].page == 2000 and "- 2000 -" not in document.paragraphs[-1].text
