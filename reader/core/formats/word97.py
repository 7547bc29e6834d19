r"""Word 97–2003 documents (.doc, and WPS Office's .wps in the same container), read with olefile.

The text of a .doc lives in its ``WordDocument`` stream in pieces; the piece table (the
``Clx`` in the ``0Table``/``1Table`` stream, located by the file information block) says
where each piece is and whether it is 8-bit or UTF-16 ([MS-DOC] 2.4.1). The main text's
characters mark paragraphs (``\r``), table cells and rows (``\x07``), and fields
(``\x13`` instruction ``\x14`` result ``\x15``: the result is what Word prints).

Formatting (bold, styles, alignment) lives in other structures this reader does not
decode: a .doc is read like a text report — its own numbering gives the outline. olefile
(pure Python, well kept) reads the compound file; the piece table is a few dozen lines.
"""

from __future__ import annotations

import re
import struct

from reader.core.errors import DamagedFileError, EncryptedFileError, NoBodyTextError
from reader.core.formats.raw import RawDocument
from reader.core.formats.red_head import take_red_head

_WORD_IDENT = 0xA5EC
_FIB_FLAGS = 0x0A
_ENCRYPTED = 0x0100
_WHICH_TABLE = 0x0200
_CCP_TEXT = 0x004C  # FibRgLw97.ccpText: characters of the main document
_FC_CLX = 0x01A2  # FibRgFcLcb97.fcClx / lcbClx
_MAX_CHARACTERS = 20_000_000
# Characters that mark objects (pictures, footnote and comment references), never text.
_OBJECT_MARKS = dict.fromkeys(map(ord, "\x01\x02\x03\x04\x05\x08\x1f"), None)
_OBJECT_MARKS.update({0x1E: "-", 0x0B: " ", 0x0C: "\r", 0xA0: " "})


def parse_doc(data: bytes, name: str) -> RawDocument:
    """Read a Word 97–2003 document into a ``RawDocument``.

    Raises:
        DamagedFileError: Not a readable Word 97 file.
        EncryptedFileError: It is protected by a password.
        NoBodyTextError: It holds no text.
    """
    text = document_text(data)
    from reader.core.formats.text_report import parse_text

    paragraphs, rows = _paragraphs(text)
    if not any(paragraph.strip() for paragraph in paragraphs):
        raise NoBodyTextError("the Word document has no text")
    red_head, used = take_red_head(paragraphs)
    paragraphs = [paragraph for index, paragraph in enumerate(paragraphs) if index not in used]
    stem = re.sub(r"\.(doc|wps)$", "", name, flags=re.IGNORECASE)
    raw = parse_text("\n".join(paragraphs), markdown=False, fallback_title=stem)
    raw.meta = red_head | raw.meta
    for paragraph in raw.paragraphs:  # table rows were written as "a | b": give them their cells back
        cells = rows.get(paragraph.text)
        if cells:
            paragraph.cells = cells
    return raw


def document_text(data: bytes) -> str:
    """The main document's characters, as Word stores them (paragraph and cell marks included)."""
    import olefile

    try:
        ole = olefile.OleFileIO(data)
    except (OSError, ValueError, struct.error) as error:
        raise DamagedFileError(f"the Word document is damaged or incomplete ({error})") from None
    try:
        if not ole.exists("WordDocument"):
            raise DamagedFileError("the file is an Office container without a Word document")
        word = ole.openstream("WordDocument").read()
        if len(word) < _FC_CLX + 8 or struct.unpack_from("<H", word, 0)[0] != _WORD_IDENT:
            raise DamagedFileError("the Word document's header is damaged")
        flags = struct.unpack_from("<H", word, _FIB_FLAGS)[0]
        if flags & _ENCRYPTED:
            raise EncryptedFileError("the Word document is protected by a password")
        table_name = "1Table" if flags & _WHICH_TABLE else "0Table"
        if not ole.exists(table_name):
            raise DamagedFileError(f"the Word document has no {table_name} stream")
        table = ole.openstream(table_name).read()
    except (OSError, ValueError, struct.error) as error:
        raise DamagedFileError(f"the Word document cannot be read ({error})") from None
    finally:
        ole.close()
    length = min(struct.unpack_from("<I", word, _CCP_TEXT)[0], _MAX_CHARACTERS)
    fc_clx, lcb_clx = struct.unpack_from("<II", word, _FC_CLX)
    if fc_clx + lcb_clx > len(table) or lcb_clx == 0:
        raise DamagedFileError("the Word document's piece table is missing")
    return _pieces_text(word, table[fc_clx : fc_clx + lcb_clx], length)


def _pieces_text(word: bytes, clx: bytes, length: int) -> str:
    """Read the first ``length`` characters through the piece table."""
    position = 0
    while position < len(clx) and clx[position] == 0x01:  # Prc: formatting, skipped
        position += 3 + struct.unpack_from("<H", clx, position + 1)[0]
    if position + 5 > len(clx) or clx[position] != 0x02:
        raise DamagedFileError("the Word document's piece table is damaged")
    size = struct.unpack_from("<I", clx, position + 1)[0]
    plc = clx[position + 5 : position + 5 + size]
    count = (len(plc) - 4) // 12
    if count <= 0:
        raise DamagedFileError("the Word document's piece table is empty")
    positions = struct.unpack_from(f"<{count + 1}I", plc, 0)
    parts: list[str] = []
    for index in range(count):
        start, end = positions[index], min(positions[index + 1], length)
        if start >= length:
            break
        fc = struct.unpack_from("<I", plc, 4 * (count + 1) + 8 * index + 2)[0]
        characters = end - start
        if fc & 0x40000000:  # 8-bit text (Windows-1252) at half the offset
            offset = (fc & 0x3FFFFFFF) // 2
            parts.append(word[offset : offset + characters].decode("cp1252", "replace"))
        else:
            offset = fc & 0x3FFFFFFF
            parts.append(word[offset : offset + 2 * characters].decode("utf-16-le", "replace"))
    return "".join(parts)


def _fields_resolved(text: str) -> str:
    """Keep what fields print (their results), drop their instructions (nested fields too)."""
    out: list[str] = []
    stack: list[bool] = []  # per open field: whether its result part has begun
    for char in text:
        if char == "\x13":
            stack.append(False)
        elif char == "\x14":
            if stack:
                stack[-1] = True
        elif char == "\x15":
            if stack:
                stack.pop()
        elif all(stack):
            out.append(char)
    return "".join(out)


def _paragraphs(text: str) -> tuple[list[str], dict[str, tuple[str, ...]]]:
    r"""Paragraph texts in order (table rows as ``a | b``) and the cells of each row text.

    A cell ends at ``\x07`` and a row at a second ``\x07`` right after a cell's (the row's
    own mark). Without the paragraph properties an empty cell reads like a row's end: the
    row is then split in two, its text kept.
    """
    text = _fields_resolved(text).translate(_OBJECT_MARKS)
    paragraphs: list[str] = []
    rows: dict[str, tuple[str, ...]] = {}
    cells: list[str] = []
    buffer = ""
    after_cell = False

    def end_row() -> None:
        row = tuple(cell.strip() for cell in cells)
        if any(row):
            line = " | ".join(cell for cell in row)
            rows[line] = row
            paragraphs.append(line)
        cells.clear()

    for char in text:
        if char == "\r":
            if cells:  # a paragraph break inside a table cell
                buffer += " "
            else:
                paragraphs.append(buffer.strip())
                buffer = ""
            after_cell = False
        elif char == "\x07":
            if after_cell and not buffer.strip():
                end_row()
                after_cell = False
            else:
                cells.append(buffer)
                after_cell = True
            buffer = ""
        else:
            buffer += char
            after_cell = after_cell and not char.strip()
    if cells:
        end_row()
    paragraphs.append(buffer.strip())
    return [p for p in paragraphs if p], rows
