"""OFD (GB/T 33190, China's fixed-layout document format): text objects read in reading order.

An OFD file is a zip: ``OFD.xml`` names the document (its ``DocInfo`` is the metadata)
and its root ``Document.xml``, which lists the pages (and their template pages, where
running headers live), the outline and the fonts. Each page's ``Content.xml`` places
``TextObject``s — a string, or single glyphs, at positions in millimetres. The glyphs
are gathered into printed lines by their baselines and handed to ``layout``, as a PDF's
lines are. A seal's signature names its holder; where the text does not name the
issuing office, the seal does.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from reader.core.document import Run
from reader.core.errors import DamagedFileError, ScannedDocumentError
from reader.core.formats.containers import Container
from reader.core.formats.layout import Line, cells_of, read_pages
from reader.core.formats.raw import RawDocument
from reader.core.text_utils import clean_title

_MM = 72 / 25.4  # points per millimetre: the layout works in points, like a PDF's
_BOLD_NAME_RE = re.compile(r"bold|black|heavy|hei|黑|小标宋|xbs", re.I)
_OFFICE_RE = re.compile(r"[\u4e00-\u9fff]{2,30}(?:人民政府|政府|办公厅|办公室|委员会|局|厅|部|院|中心|公司)(?:办公室)?")
_MAX_PAGES = 5000


@dataclass(frozen=True)
class _Glyph:
    char: str
    x: float  # left edge, points
    baseline: float  # points from the top
    size: float
    bold: bool


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(element: Any, name: str) -> Any:
    return next((child for child in element if _local(child.tag) == name), None)


def _children(element: Any, name: str) -> Iterator[Any]:
    return (child for child in element if _local(child.tag) == name)


def _descendants(element: Any, name: str) -> Iterator[Any]:
    return (node for node in element.iter() if isinstance(node.tag, str) and _local(node.tag) == name)


def _numbers(text: str | None) -> list[float]:
    try:
        return [float(value) for value in (text or "").split()]
    except ValueError:
        return []


def parse_ofd(data: bytes, name: str) -> RawDocument:
    """Read an OFD file into a ``RawDocument``.

    Raises:
        DamagedFileError: Not a readable OFD container.
        InputTooLargeError: Its parts would expand beyond the container limits.
        ScannedDocumentError: Its pages hold no text objects.
    """
    container = Container(data, "OFD file")
    try:
        reader = _OfdReader(container)
        pages = reader.pages()
        info = reader.info()
        seal = reader.seal_holder()
    finally:
        container.close()
    if not any(pages):
        raise ScannedDocumentError("the OFD file has no text objects (scanned pages): it needs text recognition first")
    text = read_pages(pages)
    meta = dict(text.meta)
    for key, value in info.items():
        if key != "title" and value:
            meta.setdefault(key, value)
    if seal and "issuer" not in meta:
        meta["issuer"] = seal
    title = text.title or _agreeing(info.get("title", ""), text.paragraphs) or re.sub(r"\.ofd$", "", name, flags=re.I)
    return RawDocument(title=clean_title(title), meta=meta, paragraphs=text.paragraphs)


def _agreeing(title: str, paragraphs: Any) -> str:
    squeezed = re.sub(r"\s+", "", title)
    head = re.sub(r"\s+", "", "".join(p.text for p in paragraphs[:6]))
    return title if squeezed and squeezed[:8] in head else ""


class _OfdReader:
    def __init__(self, container: Container) -> None:
        self._container = container
        self._root = self._xml("OFD.xml")
        body = _child(self._root, "DocBody")
        if body is None:
            raise DamagedFileError("the OFD file names no document (no DocBody in OFD.xml)")
        self._body = body
        root_element = _child(body, "DocRoot")
        if root_element is None or not (root_element.text or "").strip():
            raise DamagedFileError("the OFD file names no document root")
        self._document_path = root_element.text.strip().lstrip("/")
        self._base = self._document_path.rsplit("/", 1)[0] + "/" if "/" in self._document_path else ""
        self._document = self._xml(self._document_path)
        self._fonts = self._read_fonts()

    def _xml(self, path: str) -> Any:
        from lxml import etree

        try:
            return etree.fromstring(
                self._container.read(path), etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
            )
        except etree.XMLSyntaxError as error:
            raise DamagedFileError(f"the OFD file's {path} is not readable XML ({error})") from None

    def _resolve(self, location: str, base: str) -> str:
        location = location.strip()
        if location.startswith("/"):
            return location.lstrip("/")
        return base + location

    def _read_fonts(self) -> dict[str, bool]:
        """Font id → bold, from the document's public and document resources."""
        fonts: dict[str, bool] = {}
        common = _child(self._document, "CommonData")
        if common is None:
            return fonts
        for kind in ("PublicRes", "DocumentRes"):
            for reference in _children(common, kind):
                path = self._resolve(reference.text or "", self._base)
                if not path or not self._container.has(path):
                    continue
                try:
                    resources = self._xml(path)
                except DamagedFileError:
                    continue
                for font in _descendants(resources, "Font"):
                    name = f"{font.get('FontName', '')} {font.get('FamilyName', '')}"
                    fonts[font.get("ID", "")] = font.get("Bold") == "true" or bool(_BOLD_NAME_RE.search(name))
        return fonts

    def info(self) -> dict[str, str]:
        """The DocInfo's title, author, subject and keywords as metadata keys."""
        found: dict[str, str] = {}
        info = _child(self._body, "DocInfo")
        if info is None:
            return found
        for tag, key in (("Title", "title"), ("Author", "author"), ("Subject", "description")):
            element = _child(info, tag)
            if element is not None and (element.text or "").strip():
                found[key] = element.text.strip()
        keywords = _child(info, "Keywords")
        if keywords is not None:
            words = [k.text.strip() for k in _children(keywords, "Keyword") if (k.text or "").strip()]
            if words:
                found["keywords"] = "，".join(words)
        return found

    def pages(self) -> list[list[Line]]:
        pages_element = _child(self._document, "Pages")
        if pages_element is None:
            return []
        listed = list(_children(pages_element, "Page"))[:_MAX_PAGES]
        width, height = self._page_size(self._document)
        templates = self._templates()
        found: list[Any] = []
        for number, page in enumerate(listed, start=1):
            path = self._resolve(page.get("BaseLoc", ""), self._base)
            try:
                content = self._xml(path)
            except DamagedFileError:
                found.append([])
                continue
            page_width, page_height = self._page_size(content, (width, height))
            glyphs = list(self._glyphs(content))
            for template in _children(content, "Template"):
                template_path = templates.get(template.get("TemplateID", ""))
                if template_path:
                    try:
                        glyphs.extend(self._glyphs(self._xml(template_path)))
                    except DamagedFileError:
                        continue
            found.append(_lines(glyphs, number, page_width, page_height))
        return found

    def _templates(self) -> dict[str, str]:
        common = _child(self._document, "CommonData")
        if common is None:
            return {}
        return {
            template.get("ID", ""): self._resolve(template.get("BaseLoc", ""), self._base)
            for template in _children(common, "TemplatePage")
        }

    def _page_size(self, element: Any, default: tuple[float, float] = (210.0, 297.0)) -> tuple[float, float]:
        for box in _descendants(element, "PhysicalBox"):
            values = _numbers(box.text)
            if len(values) == 4 and values[2] > 0 and values[3] > 0:
                return values[2] * _MM, values[3] * _MM
            break
        width, height = default
        return (width, height) if width > 300 else (width * _MM, height * _MM)

    def _glyphs(self, content: Any) -> Iterator[_Glyph]:
        for text_object in _descendants(content, "TextObject"):
            boundary = _numbers(text_object.get("Boundary"))
            if len(boundary) != 4:
                continue
            ctm = _numbers(text_object.get("CTM"))
            scale = (abs(ctm[0] * ctm[3]) ** 0.5) if len(ctm) == 6 and ctm[0] and ctm[3] else 1.0
            size = (float(text_object.get("Size", "0") or 0) or 3.5) * scale
            bold = (
                self._fonts.get(text_object.get("Font", ""), False)
                or int(text_object.get("Weight", "400") or 400) >= 600
            )
            for code in _children(text_object, "TextCode"):
                yield from _code_glyphs(code, boundary, ctm, size, bold)

    def seal_holder(self) -> str:
        """The office a seal belongs to, read from its signature's seal file (empty when none names one)."""
        reference = _child(self._body, "Signatures")
        if reference is None or not (reference.text or "").strip():
            return ""
        path = self._resolve(reference.text, "")
        try:
            signatures = self._xml(path)
        except DamagedFileError:
            return ""
        base = path.rsplit("/", 1)[0] + "/" if "/" in path else ""
        for signature in _children(signatures, "Signature"):
            signature_path = self._resolve(signature.get("BaseLoc", ""), base)
            try:
                signed = self._xml(signature_path)
            except DamagedFileError:
                continue
            for seal in _descendants(signed, "Seal"):
                location = _child(seal, "BaseLoc")
                if location is None:
                    continue
                seal_base = signature_path.rsplit("/", 1)[0] + "/" if "/" in signature_path else ""
                holder = _office_in(self._container, self._resolve(location.text or "", seal_base))
                if holder:
                    return holder
        return ""


def _office_in(container: Container, path: str) -> str:
    try:
        data = container.read(path)
    except Exception:
        return ""
    for encoding in ("utf-8", "gb18030", "utf-16-be"):
        text = data.decode(encoding, "ignore")
        match = _OFFICE_RE.search(text)
        if match:
            return match.group(0)
    return ""


def _code_glyphs(code: Any, boundary: list[float], ctm: list[float], size: float, bold: bool) -> Iterator[_Glyph]:
    text = code.text or ""
    if not text.strip():
        return
    x = float(code.get("X", "0") or 0)
    y = float(code.get("Y", "0") or 0)
    delta_x = _deltas(code.get("DeltaX"), len(text))
    scale_x = ctm[0] if len(ctm) == 6 and ctm[0] else 1.0
    scale_y = ctm[3] if len(ctm) == 6 and ctm[3] else 1.0
    offset_x = ctm[4] if len(ctm) == 6 else 0.0
    offset_y = ctm[5] if len(ctm) == 6 else 0.0
    for index, char in enumerate(text):
        if index:
            x += delta_x[index - 1] if index - 1 < len(delta_x) else size / scale_y
        if char.isspace():
            continue
        page_x = boundary[0] + x * scale_x + offset_x
        page_y = boundary[1] + y * scale_y + offset_y
        yield _Glyph(char, page_x * _MM, page_y * _MM, size * _MM, bold)


def _deltas(spec: str | None, count: int) -> list[float]:
    """DeltaX: advances between glyphs, with ``g N D`` meaning N advances of D."""
    values: list[float] = []
    parts = (spec or "").split()
    index = 0
    while index < len(parts) and len(values) < count:
        if parts[index] == "g" and index + 2 < len(parts):
            with contextlib.suppress(ValueError):
                values.extend([float(parts[index + 2])] * int(float(parts[index + 1])))
            index += 3
            continue
        with contextlib.suppress(ValueError):
            values.append(float(parts[index]))
        index += 1
    return values


def _lines(glyphs: list[_Glyph], page: int, width: float, height: float) -> list[Line]:
    """Glyphs grouped into printed lines by their baselines, each line left to right."""
    lines: list[list[_Glyph]] = []
    for glyph in sorted(glyphs, key=lambda g: (g.baseline, g.x)):
        if lines and abs(lines[-1][0].baseline - glyph.baseline) <= max(glyph.size, lines[-1][0].size) * 0.3:
            lines[-1].append(glyph)
        else:
            lines.append([glyph])
    return [_line(members, page, width, height) for members in lines]


def _advance(glyph: _Glyph) -> float:
    return glyph.size if not glyph.char.isascii() else glyph.size * 0.55


def _line(members: list[_Glyph], page: int, width: float, height: float) -> Line:
    members.sort(key=lambda g: g.x)
    runs: list[Run] = []
    previous: _Glyph | None = None
    for glyph in members:
        text = glyph.char
        if previous is not None and previous.char.isascii() and glyph.x - previous.x > previous.size * 1.3:
            text = " " + text  # a word space between Latin words (OFD places glyphs, not spaces)
        if runs and runs[-1].bold == glyph.bold:
            runs[-1] = Run(runs[-1].text + text, glyph.bold)
        else:
            runs.append(Run(text, glyph.bold))
        previous = glyph
    first, last = members[0], members[-1]
    size = max(glyph.size for glyph in members)
    top, bottom = first.baseline - size * 0.88, first.baseline + size * 0.12
    cells = cells_of([(g.char, g.x, g.x + _advance(g)) for g in members], size)
    return Line(runs, page, first.x, last.x + _advance(last), top, bottom, size, width, height, cells)
