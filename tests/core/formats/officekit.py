"""Build government-style documents as PDF, OFD, Word (.docx) and Word 97 (.doc) for the tests.

One ``GovDoc`` (a 红头, a title, a contents page, parts, sections, bold leads, a table, a
footnote, a signature and a date) is rendered into each format the way the programs
governments use lay it out: first-line indents, running headers, page numbers
(``- 3 -``), dot-leader contents, bookmarks, automatic numbering, fields. The tests then
check that the reader gives back exactly the body.
"""

from __future__ import annotations

import struct
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

WQY = Path("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


@dataclass
class Block:
    """One paragraph of the body: kind is part, section, lead, body or table."""

    kind: str
    text: str
    lead: str = ""  # a bold lead sentence at its start (kind "lead")
    cells: tuple[str, ...] = ()


@dataclass
class GovDoc:
    """A document as its author wrote it."""

    issuer: str = "某某市人民政府"
    doc_no: str = "某政发〔2024〕5号"
    title: str = "某某市人民政府关于印发2024年重点工作任务的通知"
    blocks: list[Block] = field(default_factory=list)
    signature: str = "某某市人民政府"
    date: str = "2024年2月1日"
    running_header: str = "某某市人民政府公报"
    contents: bool = True
    footnote: str = "本通知所称重点工作，以市政府常务会议确定的为准。"

    def body_texts(self) -> list[str]:
        """Every paragraph a reader must give back, in order (the title first, the date last)."""
        texts = [self.title]
        for block in self.blocks:
            texts.append(" | ".join(block.cells) if block.cells else block.lead + block.text)
        return [*texts, self.signature, self.date]

    def parts(self) -> list[str]:
        return [block.text for block in self.blocks if block.kind == "part"]


_SENTENCES = (
    "坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。",
    "全面深化改革开放，扩大有效需求，增强经济活力、防范化解风险、改善社会预期，巩固和增强经济回升向好态势。",
    "持续改善民生，保持社会和谐稳定，以实际行动奋力谱写中国式现代化的新篇章，确保各项目标任务落到实处。",
    "地区生产总值增长5.5%左右，城镇新增就业8万人以上，居民消费价格涨幅3%左右，粮食产量稳定在100万吨以上。",
)


def sample(parts: int = 3, sections: int = 2, paragraphs: int = 3) -> GovDoc:
    """A notice in parts (一、), sections (（一）), bold leads, body text and a table."""
    numerals = "一二三四五六七八九十"
    blocks: list[Block] = [
        Block("body", "各区县人民政府，市政府各部门：现将2024年重点工作任务印发给你们，请认真贯彻执行。")
    ]
    for part in range(parts):
        blocks.append(Block("part", f"{numerals[part]}、第{numerals[part]}方面的重点工作"))
        for section in range(sections):
            blocks.append(Block("section", f"（{numerals[section]}）推进第{part + 1}项第{section + 1}类任务"))
            for number in range(paragraphs):
                text = "".join(_SENTENCES[(part + section + number + k) % 4] for k in range(2 + number % 2))
                if number == 0:
                    blocks.append(Block("lead", text, lead=f"{numerals[number]}是抓好第{section + 1}类任务落实。"))
                else:
                    blocks.append(Block("body", text))
    blocks.append(Block("table", "", cells=("指标", "目标", "责任单位")))
    blocks.append(Block("table", "", cells=("地区生产总值增长", "5.5%左右", "市发展改革委")))
    return GovDoc(blocks=blocks)


# PDF ------------------------------------------------------------------------------------------
@dataclass
class _Pen:
    canvas: object
    doc: GovDoc
    width: float
    height: float
    left: float = 79.0
    right: float = 79.0
    top: float = 72.0
    bottom: float = 80.0
    size: float = 15.0
    pitch: float = 27.0
    page: int = 1
    y: float = 0.0
    page_of: dict[str, int] = field(default_factory=dict)

    def column(self) -> float:
        return self.width - self.left - self.right


def make_pdf(
    path: Path, doc: GovDoc, *, bookmarks: bool = True, header_from_page: int = 2, bold_headings: bool = True
) -> dict[str, int]:
    """Typeset ``doc`` as a PDF like a 公文: 红头, title, contents, body with first-line indents.

    Returns:
        The page each part heading landed on.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", str(WQY), subfontIndex=0))
    width, height = A4
    sheet = canvas.Canvas(str(path), pagesize=A4)
    sheet.setTitle("Microsoft Word - 新建文档.docx")  # a stale title property, as so many PDFs carry
    sheet.setAuthor(doc.issuer)
    pen = _Pen(sheet, doc, width, height)
    pen.y = pen.top
    # The 红头: the issuing office in large type, the document number, a rule.
    if doc.issuer:
        _centred(pen, doc.issuer + "文件", 30, fill_stroke=True)
        pen.y += 12
    if doc.doc_no:
        _centred(pen, doc.doc_no, pen.size)
        pen.y += 20
    _title(pen, doc.title)
    if doc.contents:
        _contents_page(pen, header_from_page)
    for block in doc.blocks:
        _block(pen, block, header_from_page, bookmarks, bold_headings)
    pen.y += pen.pitch
    _right(pen, doc.signature)
    _right(pen, doc.date)
    _finish_page(pen, header_from_page)
    sheet.save()
    return pen.page_of


def _advance(pen: _Pen, header_from_page: int) -> None:
    if pen.y + pen.pitch > pen.height - pen.bottom:
        _finish_page(pen, header_from_page)
        pen.canvas.showPage()
        pen.page += 1
        pen.y = pen.top


def _finish_page(pen: _Pen, header_from_page: int) -> None:
    sheet = pen.canvas
    if pen.page >= header_from_page:
        sheet.setFont("WQY", 9)
        sheet.drawCentredString(pen.width / 2, pen.height - 40, pen.doc.running_header)
    sheet.setFont("WQY", 12)
    sheet.drawCentredString(pen.width / 2, 45, f"- {pen.page} -")


def _draw(pen: _Pen, x: float, text: str, size: float, fill_stroke: bool = False) -> None:
    sheet = pen.canvas
    text_object = sheet.beginText()
    text_object.setTextOrigin(x, pen.height - pen.y - size)
    text_object.setFont("WQY", size)
    text_object.setTextRenderMode(2 if fill_stroke else 0)
    text_object.textOut(text)
    if fill_stroke:  # the text state outlives the text object in PDF: set it back, as a writer must
        text_object.setTextRenderMode(0)
    sheet.drawText(text_object)


def _centred(pen: _Pen, text: str, size: float, fill_stroke: bool = False) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    _draw(pen, (pen.width - stringWidth(text, "WQY", size)) / 2, text, size, fill_stroke)
    pen.y += size * 1.8


def _right(pen: _Pen, text: str) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    _advance(pen, 2)
    _draw(pen, pen.width - pen.right - 2 * pen.size - stringWidth(text, "WQY", pen.size), text, pen.size)
    pen.y += pen.pitch


def _title(pen: _Pen, title: str) -> None:
    # A long title is set over two centred lines in large type.
    middle = len(title) // 2 if len(title) > 20 else len(title)
    for line in (title[:middle], title[middle:]):
        if line:
            _centred(pen, line, 22)
    pen.y += 10


def _contents_page(pen: _Pen, header_from_page: int) -> None:
    pen.canvas.showPage()
    pen.page += 1
    pen.y = pen.top
    _finish_page(pen, header_from_page)
    _centred(pen, "目  录", 18)
    for number, part in enumerate(pen.doc.parts(), start=1):
        entry = f"{part}{'.' * 40}{number + 2}"
        _draw(pen, pen.left, entry, pen.size)
        pen.y += pen.pitch
    pen.canvas.showPage()
    pen.page += 1
    pen.y = pen.top


def _wrap(pen: _Pen, text: str, first_indent: float) -> list[tuple[float, str]]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lines: list[tuple[float, str]] = []
    current, x = "", pen.left + first_indent
    for char in text:
        if stringWidth(current + char, "WQY", pen.size) > pen.width - pen.right - x:
            lines.append((x, current))
            current, x = "", pen.left
        current += char
    if current:
        lines.append((x, current))
    return lines


def _block(pen: _Pen, block: Block, header_from_page: int, bookmarks: bool, bold_headings: bool = True) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    if block.cells:
        _advance(pen, header_from_page)
        x = pen.left
        for cell in block.cells:
            _draw(pen, x, cell, pen.size)
            x += pen.column() / len(block.cells)
        pen.y += pen.pitch
        return
    text = block.lead + block.text
    heading = block.kind in ("part", "section")
    bold_until = len(block.lead) if block.kind == "lead" else len(text) if heading and bold_headings else 0
    _advance(pen, header_from_page)
    if block.kind == "part":
        pen.page_of[block.text] = pen.page
        if bookmarks:
            key = f"part{len(pen.page_of)}"
            pen.canvas.bookmarkPage(key)
            pen.canvas.addOutlineEntry(block.text, key, level=0)
    written = 0
    for x, line in _wrap(pen, text, 2 * pen.size):
        _advance(pen, header_from_page)
        bold = line[: max(0, bold_until - written)]
        rest = line[len(bold) :]
        if bold:
            _draw(pen, x, bold, pen.size, fill_stroke=True)
        if rest:
            _draw(pen, x + stringWidth(bold, "WQY", pen.size), rest, pen.size)
        written += len(line)
        pen.y += pen.pitch


# OFD ------------------------------------------------------------------------------------------
_OFD_NS = "http://www.ofdspec.org/2016"


def make_ofd(path: Path, doc: GovDoc, *, glyph_per_object: bool = False, seal_holder: str = "") -> None:
    """Lay ``doc`` out on A4 pages in millimetres and write an OFD package.

    Args:
        path: Where to write.
        doc: The document.
        glyph_per_object: One TextObject per character, as some OFD writers do.
        seal_holder: Put a signature with a seal naming this office.
    """
    size, pitch, left, right, top, bottom = 5.5, 9.5, 28.0, 26.0, 37.0, 35.0
    width, height = 210.0, 297.0
    pages: list[list[tuple[float, float, str, float, bool]]] = [[]]
    state = {"y": top}

    def line(x: float, text: str, font_size: float = size, bold: bool | int = False, gap: float = pitch) -> None:
        """One printed line; ``bold`` may be the number of leading characters set in bold."""
        if state["y"] + gap > height - bottom:
            pages.append([])
            state["y"] = top
        heavy = len(text) if bold is True else int(bold)
        if heavy and heavy < len(text):
            pages[-1].append((x, state["y"] + font_size, text[:heavy], font_size, True))
            x += sum(advance(c, font_size) for c in text[:heavy])
            text, heavy = text[heavy:], 0
        pages[-1].append((x, state["y"] + font_size, text, font_size, bool(heavy)))
        state["y"] += gap

    def advance(char: str, font_size: float = size) -> float:
        return font_size if not char.isascii() else font_size * 0.55

    def centred(text: str, font_size: float, bold: bool, gap: float) -> None:
        line((width - sum(advance(c, font_size) for c in text)) / 2, text, font_size, bold, gap)

    def wrapped(text: str, bold: int) -> None:
        x, current = left + 2 * size, ""
        for char in text:  # fill each line to the right margin, as a typesetter does
            if x + sum(advance(c) for c in current + char) > width - right + 0.01:
                line(x, current, size, min(bold, len(current)))
                bold = max(0, bold - len(current))
                x, current = left, ""
            current += char
        if current:
            line(x, current, size, min(bold, len(current)))

    if doc.issuer:
        centred(doc.issuer + "文件", 10.5, True, 18)
    if doc.doc_no:
        centred(doc.doc_no, size, False, 14)
    middle = len(doc.title) // 2 if len(doc.title) > 20 else len(doc.title)
    centred(doc.title[:middle], 7.5, False, 11)
    if doc.title[middle:]:
        centred(doc.title[middle:], 7.5, False, 14)
    for block in doc.blocks:
        if block.cells:  # each cell at its column, on one baseline
            column = (width - left - right) / len(block.cells)
            for index, cell in enumerate(block.cells):
                line(left + index * column, cell, size, False, pitch if index == len(block.cells) - 1 else 0)
            continue
        text = block.lead + block.text
        wrapped(text, len(text) if block.kind in ("part", "section") else len(block.lead))
    state["y"] += pitch
    line(width - right - 2 * size - len(doc.signature) * size, doc.signature)
    line(width - right - 2 * size - len(doc.date) * size * 0.8, doc.date)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        signatures = "<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures>" if seal_holder else ""
        archive.writestr(
            "OFD.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{_OFD_NS}" Version="1.1" DocType="OFD">'
            "<ofd:DocBody><ofd:DocInfo><ofd:DocID>0f0e</ofd:DocID><ofd:Title>旧的标题</ofd:Title>"
            f"<ofd:Author>{doc.issuer}办公室</ofd:Author><ofd:Keywords><ofd:Keyword>重点工作</ofd:Keyword>"
            "<ofd:Keyword>通知</ofd:Keyword></ofd:Keywords></ofd:DocInfo>"
            f"<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>{signatures}</ofd:DocBody></ofd:OFD>",
        )
        page_list = "".join(
            f'<ofd:Page ID="{i + 10}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages))
        )
        archive.writestr(
            "Doc_0/Document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{_OFD_NS}"><ofd:CommonData>'
            f"<ofd:MaxUnitID>9999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 {width} {height}"
            "</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>"
            '<ofd:TemplatePage ID="2" BaseLoc="Tpls/Tpl_0/Content.xml"/>'
            f"</ofd:CommonData><ofd:Pages>{page_list}</ofd:Pages></ofd:Document>",
        )
        archive.writestr(
            "Doc_0/PublicRes.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{_OFD_NS}" BaseLoc="Res"><ofd:Fonts>'
            '<ofd:Font ID="3" FontName="仿宋" FamilyName="仿宋"/><ofd:Font ID="4" FontName="黑体" FamilyName="黑体"/>'
            "</ofd:Fonts></ofd:Res>",
        )
        archive.writestr(
            "Doc_0/Tpls/Tpl_0/Content.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{_OFD_NS}"><ofd:Content><ofd:Layer ID="5">'
            + _text_object(90, 12, doc.running_header, 3.2, False, 6)
            + "</ofd:Layer></ofd:Content></ofd:Page>",
        )
        next_id = [100]
        for number, page in enumerate(pages, start=1):
            objects = []
            for x, baseline, text, font_size, bold in page:
                if glyph_per_object:
                    for char in text:
                        next_id[0] += 1
                        advance = font_size if not char.isascii() else font_size * 0.55
                        objects.append(_text_object(x, baseline, char, font_size, bold, next_id[0]))
                        x += advance
                else:
                    next_id[0] += 1
                    objects.append(_text_object(x, baseline, text, font_size, bold, next_id[0]))
            next_id[0] += 1
            objects.append(_text_object(98, 280, f"- {number} -", 4.0, False, next_id[0]))
            archive.writestr(
                f"Doc_0/Pages/Page_{number - 1}/Content.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{_OFD_NS}">'
                '<ofd:Template TemplateID="2" ZOrder="Background"/>'
                f'<ofd:Content><ofd:Layer ID="{next_id[0] + 5000}">'
                + "".join(objects)
                + "</ofd:Layer></ofd:Content></ofd:Page>",
            )
        if seal_holder:
            archive.writestr(
                "Doc_0/Signs/Signatures.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><ofd:Signatures xmlns:ofd="{_OFD_NS}">'
                '<ofd:Signature ID="1" BaseLoc="Sign_0/Signature.xml"/></ofd:Signatures>',
            )
            archive.writestr(
                "Doc_0/Signs/Sign_0/Signature.xml",
                f'<?xml version="1.0" encoding="UTF-8"?><ofd:Signature xmlns:ofd="{_OFD_NS}"><ofd:SignedInfo>'
                '<ofd:Provider ProviderName="TestSigner"/><ofd:Seal><ofd:BaseLoc>SealFile.esl</ofd:BaseLoc></ofd:Seal>'
                "</ofd:SignedInfo></ofd:Signature>",
            )
            archive.writestr(
                "Doc_0/Signs/Sign_0/SealFile.esl", b"\x30\x82\x01\x00ES" + seal_holder.encode() + b"\x00\x01"
            )


def _text_object(x: float, baseline: float, text: str, size: float, bold: bool, object_id: int) -> str:
    from xml.sax.saxutils import escape

    font = 4 if bold else 3
    advances = " ".join(f"{size if not c.isascii() else size * 0.55:.2f}" for c in text[:-1])
    return (
        f'<ofd:TextObject ID="{object_id}" Boundary="{x:.2f} {baseline - size:.2f} {len(text) * size + 5:.2f} '
        f'{size * 1.5:.2f}" Font="{font}" Size="{size}"><ofd:TextCode X="0" Y="{size:.2f}" DeltaX="{advances}">'
        f"{escape(text)}</ofd:TextCode></ofd:TextObject>"
    )


# Word (.docx) -----------------------------------------------------------------------------------
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _run(text: str, bold: bool = False) -> str:
    from xml.sax.saxutils import escape

    properties = "<w:rPr><w:b/></w:rPr>" if bold else ""
    return f'<w:r>{properties}<w:t xml:space="preserve">{escape(text)}</w:t></w:r>'


def make_docx(
    path: Path, doc: GovDoc, *, property_title: str = "旧的标题（草稿）", rendered_pages: bool = True
) -> None:
    """Write ``doc`` as Word writes a 公文: numbering from numbering.xml, a TOC field, a header.

    Parts and sections carry automatic numbering (their text without 一、/（一）); the
    contents is a TOC field with PAGEREF entries in TOC styles; a footnote hangs on the
    first body paragraph; the header and footer carry the running header and a PAGE field.
    """
    numerals = "一二三四五六七八九十"
    body: list[str] = []
    body.append(f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{_run(doc.issuer + "文件", True)}</w:p>')
    body.append(f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{_run(doc.doc_no)}</w:p>')
    body.append(f'<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr>{_run(doc.title)}</w:p>')
    if doc.contents:
        entries = []
        for number, part in enumerate(doc.parts(), start=1):
            field_begin = (
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \\o "1-2" \\h </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                if number == 1
                else ""
            )
            entries.append(
                f'<w:p><w:pPr><w:pStyle w:val="TOC1"/></w:pPr>{field_begin}{_run(part)}<w:r><w:tab/></w:r>'
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc1 \\h </w:instrText></w:r>'
                f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>{_run(str(number + 1))}'
                '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
            )
        entries.append('<w:p><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>')
        body.extend(entries)
    footnoted = False
    for index, block in enumerate(doc.blocks):
        page_break = "<w:r><w:lastRenderedPageBreak/></w:r>" if rendered_pages and index and index % 8 == 0 else ""
        if block.cells:
            cells = "".join(f"<w:tc><w:p>{_run(cell)}</w:p></w:tc>" for cell in block.cells)
            body.append(f"<w:tbl><w:tr>{cells}</w:tr></w:tbl>")
            continue
        if block.kind == "part":
            text = block.text.split("、", 1)[1]
            body.append(
                f'<w:p><w:pPr><w:pStyle w:val="Heading1"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>{page_break}{_run(text)}</w:p>'
            )
        elif block.kind == "section":
            text = block.text.split("）", 1)[1]
            body.append(
                f'<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr>{page_break}{_run(text)}</w:p>'
            )
        else:
            note = ""
            if not footnoted and block.kind == "body" and doc.footnote:
                note = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r>'
                footnoted = True
            lead = _run(block.lead, True) if block.lead else ""
            body.append(
                f'<w:p><w:pPr><w:ind w:firstLineChars="200"/></w:pPr>{page_break}{lead}{_run(block.text)}{note}</w:p>'
            )
    body.append(f'<w:p><w:pPr><w:jc w:val="right"/></w:pPr>{_run(doc.signature)}</w:p>')
    body.append(f'<w:p><w:pPr><w:jc w:val="right"/></w:pPr>{_run(doc.date)}</w:p>')
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{_W}" xmlns:r="{_R}"><w:body>'
        + "".join(body)
        + '<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:footerReference w:type="default" r:id="rIdFooter"/></w:sectPr></w:body></w:document>'
    )
    levels = (
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>'
    )
    numbering = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:numbering xmlns:w="{_W}">'
        f'<w:abstractNum w:abstractNumId="0">{levels}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        "</w:numbering>"
    )
    styles = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="{_W}">'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
        '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:b/><w:sz w:val="44"/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/>'
        '<w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/></w:style>'
        '<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/></w:style>'
        "</w:styles>"
    )
    footnotes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{_W}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1"><w:p>{_run(doc.footnote)}</w:p></w:footnote></w:footnotes>'
    )
    header = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:hdr xmlns:w="{_W}"><w:p>{_run(doc.running_header)}</w:p></w:hdr>'
    )
    footer = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:ftr xmlns:w="{_W}"><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        '<w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'{_run("- 1 -")}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>'
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '<Relationship Id="rIdNumbering" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/>'
        '<Relationship Id="rIdFootnotes" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
        '<Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>'
        '<Relationship Id="rIdFooter" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/>'
        "</Relationships>"
    )
    package_rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        "</Relationships>"
    )
    core = (
        '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>'
        + property_title
        + "</dc:title><dc:creator>"
        + doc.issuer
        + "办公室</dc:creator><cp:keywords>重点工作</cp:keywords></cp:coreProperties>"
    )
    main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{main}.document.main+xml"/>'
        f'<Override PartName="/word/styles.xml" ContentType="{main}.styles+xml"/>'
        f'<Override PartName="/word/numbering.xml" ContentType="{main}.numbering+xml"/>'
        f'<Override PartName="/word/footnotes.xml" ContentType="{main}.footnotes+xml"/>'
        f'<Override PartName="/word/header1.xml" ContentType="{main}.header+xml"/>'
        f'<Override PartName="/word/footer1.xml" ContentType="{main}.footer+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        "</Types>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr("_rels/.rels", package_rels)
        archive.writestr("word/document.xml", document)
        archive.writestr("word/_rels/document.xml.rels", rels)
        archive.writestr("word/styles.xml", styles)
        archive.writestr("word/numbering.xml", numbering)
        archive.writestr("word/footnotes.xml", footnotes)
        archive.writestr("word/header1.xml", header)
        archive.writestr("word/footer1.xml", footer)
        archive.writestr("docProps/core.xml", core)
    del numerals


# Word 97 (.doc) ---------------------------------------------------------------------------------
_SECTOR = 512
_END, _FREE, _FAT_SECTOR = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD


def doc_text(doc: GovDoc) -> str:
    """The main text of ``doc`` as Word 97 stores it: \\r ends paragraphs, \\x07 cells and rows,
    a field shows its result; a picture mark and a footnote reference sit in the text."""
    parts = [doc.issuer + "文件", doc.doc_no, doc.title]
    for block in doc.blocks:
        if block.cells:
            parts.append("".join(cell + "\x07" for cell in block.cells) + "\x07")
            continue
        parts.append(block.lead + block.text)
    parts[3] = parts[3] + "\x02"  # a footnote reference mark
    parts.append('\x13 HYPERLINK "https://www.example.gov.cn/" \x14' + doc.signature + "\x15")
    parts.append(doc.date + "\x01")
    return "".join(part if part.endswith("\x07") else part + "\r" for part in parts)


def make_doc(path: Path, text: str, *, compressed: bool = False, encrypted: bool = False) -> None:
    """Write a minimal Word 97 file holding ``text``: a FIB, a piece table and the characters.

    The compound file is written by hand (olefile reads but cannot write one); its streams
    are padded to 4 KiB so they live in the regular FAT, not the mini stream.
    """
    encoded = text.encode("cp1252") if compressed else text.encode("utf-16-le")
    text_offset = 2048
    word = bytearray(max(4096, text_offset + len(encoded) + 512))
    struct.pack_into("<HH", word, 0, 0xA5EC, 0x00C1)
    struct.pack_into("<H", word, 0x0A, 0x0200 | (0x0100 if encrypted else 0))  # fWhichTblStm (1Table)
    struct.pack_into("<I", word, 0x4C, len(text))
    word[text_offset : text_offset + len(encoded)] = encoded
    fc = (text_offset * 2) | 0x40000000 if compressed else text_offset
    plc = struct.pack("<II", 0, len(text)) + struct.pack("<HIH", 0, fc, 0)
    clx = b"\x01" + struct.pack("<H", 2) + b"\x00\x00" + b"\x02" + struct.pack("<I", len(plc)) + plc
    table = bytearray(4096)
    table[16 : 16 + len(clx)] = clx
    struct.pack_into("<II", word, 0x1A2, 16, len(clx))
    path.write_bytes(_compound_file({"WordDocument": bytes(word), "1Table": bytes(table)}))


def _compound_file(streams: dict[str, bytes]) -> bytes:
    sectors: list[bytes] = []
    fat: list[int] = []
    starts: dict[str, int] = {}
    for name, data in streams.items():
        count = (len(data) + _SECTOR - 1) // _SECTOR
        starts[name] = len(sectors)
        for index in range(count):
            sectors.append(data[index * _SECTOR : (index + 1) * _SECTOR].ljust(_SECTOR, b"\x00"))
            fat.append(len(sectors) if index < count - 1 else _END)
    directory_sector = len(sectors)
    entries = [_dir_entry("Root Entry", 5, _END, 0, child=1)]
    names = list(streams)
    for position, name in enumerate(names):
        right = position + 2 if position + 1 < len(names) else _FREE
        entries.append(_dir_entry(name, 2, starts[name], len(streams[name]), right=right))
    while len(entries) % 4:
        entries.append(b"\x00" * 64 + struct.pack("<HBB", 0, 0, 1) + b"\xff" * 12 + b"\x00" * 48)
    directory = b"".join(entries)
    for index in range(len(directory) // _SECTOR):
        sectors.append(directory[index * _SECTOR : (index + 1) * _SECTOR])
        fat.append(len(sectors) if index < len(directory) // _SECTOR - 1 else _END)
    fat_sector = len(sectors)
    fat.append(_FAT_SECTOR)
    fat_bytes = b"".join(struct.pack("<I", value) for value in fat).ljust(_SECTOR, b"\xff")
    sectors.append(fat_bytes)
    header = bytearray(_SECTOR)
    header[0:8] = bytes.fromhex("D0CF11E0A1B11AE1")
    struct.pack_into("<HHHHH", header, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<I", header, 44, 1)  # FAT sectors
    struct.pack_into("<I", header, 48, directory_sector)
    struct.pack_into("<I", header, 56, 4096)  # mini stream cutoff
    struct.pack_into("<II", header, 60, _END, 0)  # no mini FAT
    struct.pack_into("<II", header, 68, _END, 0)  # no DIFAT sectors
    struct.pack_into("<I", header, 76, fat_sector)
    for index in range(1, 109):
        struct.pack_into("<I", header, 76 + 4 * index, _FREE)
    return bytes(header) + b"".join(sectors)


def _dir_entry(name: str, kind: int, start: int, size: int, *, child: int = _FREE, right: int = _FREE) -> bytes:
    encoded = (name + "\x00").encode("utf-16-le")
    entry = bytearray(128)
    entry[: len(encoded)] = encoded
    struct.pack_into("<HBB", entry, 64, len(encoded), kind, 1)
    struct.pack_into("<III", entry, 68, _FREE, right, child)
    struct.pack_into("<II", entry, 116, start, size)
    return bytes(entry)
