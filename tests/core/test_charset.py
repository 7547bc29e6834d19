"""Encodings seen on government sites: UTF-8 with/without BOM, the GB family, wrong declarations."""

from __future__ import annotations

import codecs

import pytest

from reader.core.errors import BinaryInputError, EmptyInputError, UndecodableInputError
from reader.core.formats.charset import declared_charset, decode_bytes
from reader.core.loader import parse_bytes

PAGE = (
    "<html><head>{meta}<title>关于做好2024年春节期间有关工作的通知_政府信息公开</title></head>"
    '<body><div class="nav">首页 &gt; 政务公开</div>'
    '<div id="content"><p>各区县人民政府，市政府各部门：</p>'
    "<p>为做好2024年春节期间有关工作，确保全市人民度过欢乐、祥和、平安的节日，现将有关事项通知如下。</p>"
    "<p>一、切实加强安全生产工作，严格落实企业主体责任，深入开展隐患排查整治。</p></div>"
    '<div class="footer">版权所有：某市人民政府办公厅</div></body></html>'
)
EXPECTED = "为做好2024年春节期间有关工作"


def _page(meta: str = "") -> str:
    return PAGE.format(meta=meta)


def _body(data: bytes) -> str:
    document = parse_bytes(data, name="page.html", source="page.html", source_key="test", kind="html")
    return "".join(p.text for p in document.paragraphs)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (_page().encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + _page().encode("utf-8"), "utf-8-sig"),
        (_page().encode("gbk"), "gb18030"),
        (_page('<meta charset="gb2312">').encode("gb2312"), "gb18030"),
        (_page('<meta http-equiv="Content-Type" content="text/html; charset=GBK">').encode("gbk"), "gb18030"),
        (_page().encode("gb18030"), "gb18030"),
        # Declared wrongly, both ways round.
        (_page('<meta charset="utf-8">').encode("gbk"), "gb18030"),
        (_page('<meta charset="gb2312">').encode("utf-8"), "utf-8"),
    ],
    ids=[
        "utf8",
        "utf8-bom",
        "gbk-undeclared",
        "gb2312-declared",
        "gbk-declared",
        "gb18030",
        "utf8-declared-but-gbk",
        "gb2312-declared-but-utf8",
    ],
)
def test_decodes_and_extracts(data, encoding):
    text, used = decode_bytes(data)
    assert used == encoding
    assert EXPECTED in text
    assert EXPECTED in _body(data)


def test_declared_charset_is_read():
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=GB2312">') == "gb2312"
    assert declared_charset(b"<p>no declaration</p>") is None


def test_header_charset_wins_over_guessing_only_when_it_decodes():
    data = _page().encode("gbk")
    assert decode_bytes(data, declared="gbk")[1] == "gb18030"
    assert decode_bytes(_page().encode("utf-8"), declared="gbk")[1] == "utf-8"


def test_generic_page_drops_navigation_and_footer():
    body = _body(_page().encode("utf-8"))
    assert "首页" not in body and "版权所有" not in body
    assert body.startswith("各区县人民政府")


def test_empty_and_whitespace():
    with pytest.raises(EmptyInputError):
        decode_bytes(b"")
    with pytest.raises(EmptyInputError):
        decode_bytes(b"  \n\t ")


def test_binary_is_refused():
    with pytest.raises(BinaryInputError):
        decode_bytes(bytes(range(256)) * 20)


def test_undecodable_high_bytes_are_refused():
    # Every high byte in turn: no candidate encoding turns this into plausible text.
    with pytest.raises(UndecodableInputError):
        decode_bytes(bytes(range(0x80, 0x100)) * 40)
