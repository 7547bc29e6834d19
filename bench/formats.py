"""Opening PDF, Word and OFD files, next to baselines measured in the same run.

PDF: our whole parse (text, positions, fonts, paragraphs, outline) of a 100-page report
against ``pdftotext`` (poppler) extracting the same file's text. Word and OFD: our parse
against unzipping the file and building the lxml tree of its main XML part alone.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

from bench.common import median_ms
from reader.core.loader import load_path
from tests.core.formats.officekit import make_docx, make_ofd, make_pdf, sample


def _hundred_pages(folder: Path) -> tuple[Path, int]:
    """A report of about 100 pages: parts, sections, bold leads, running headers, page numbers."""
    doc = sample(parts=10, sections=9, paragraphs=6)
    path = folder / "report.pdf"
    pages = make_pdf(path, doc)
    return path, max(pages.values())


def _xml_floor(path: Path, part: str) -> None:
    with zipfile.ZipFile(path) as archive:
        etree.fromstring(archive.read(part))


def measure(repeat: int = 5) -> dict:
    """Return the figures of every format."""
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        pdf, pages = _hundred_pages(folder)
        figures: dict = {"pdf_pages": pages + 1, "pdf_bytes": pdf.stat().st_size}
        figures["pdf_parse_ms"] = median_ms(lambda: load_path(pdf), repeat)
        if shutil.which("pdftotext"):
            figures["pdftotext_ms"] = median_ms(
                lambda: subprocess.run(["pdftotext", str(pdf), str(folder / "out.txt")], check=True), repeat
            )
            figures["pdf_ratio"] = round(figures["pdf_parse_ms"] / figures["pdftotext_ms"], 2)
        doc = sample(parts=10, sections=4, paragraphs=5)
        docx, ofd = folder / "report.docx", folder / "report.ofd"
        make_docx(docx, doc)
        make_ofd(ofd, doc)
        figures["docx_parse_ms"] = median_ms(lambda: load_path(docx), repeat)
        figures["docx_unzip_lxml_ms"] = median_ms(lambda: _xml_floor(docx, "word/document.xml"), repeat)
        figures["ofd_parse_ms"] = median_ms(lambda: load_path(ofd), repeat)
        figures["ofd_unzip_lxml_ms"] = median_ms(
            lambda: [_xml_floor(ofd, name) for name in zipfile.ZipFile(ofd).namelist() if name.endswith(".xml")],
            repeat,
        )
        return figures
