"""All 74 text reports: right title, whole body, no page chrome, parts in the outline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.core.document import ParagraphKind
from reader.core.formats.text_report import parse_front_matter
from reader.core.loader import load_path
from tests.conftest import CORPUS, corpus_path

TEXT_DIR = CORPUS / "text"
FILES = sorted(TEXT_DIR.glob("*/*")) if TEXT_DIR.exists() else []
if not FILES:
    pytest.skip(f"shared corpus not found at {CORPUS} (set REPORT_READER_CORPUS)", allow_module_level=True)

EXPECTED_TITLES = {
    "gwy_1955_wikisource.txt": "关于第一个五年计划的报告",
    "gwy_2024_wikisource.txt": "2024年政府工作报告",
    "gwy_2025_wikisource.txt": "2025年政府工作报告",
    "npc_2024_jueyi_on_gwy_report_wikisource.txt": "第十四届全国人民代表大会第二次会议关于政府工作报告的决议",
    "guangdong_2026_pagetext.txt": "2026年政府工作报告",
    "guizhou_2026_pagetext.txt": "2026年政府工作报告",
    "ningxia_2026_pagetext.txt": "2026年政府工作报告",
    "shaanxi_2026_pagetext.txt": "陕西省2026年政府工作报告",
    "sichuan_2026_pagetext.txt": "2026年四川省人民政府工作报告",
    "yunnan_2026_pagetext.txt": "2026年政府工作报告",
    "zhejiang_2026_pagetext.txt": "2026年浙江省政府工作报告",
}
# Words that only page furniture uses, and whole lines that are furniture.
CHROME_WORDS = (
    "扫一扫",
    "责任编辑",
    "打印本页",
    "关闭窗口",
    "【字体",
    "【字号",
    "阅读量",
    "维基文库",
    "Public domain",
    "本作品",
    "当前位置",
    "您的位置",
)
CHROME_LINES = re.compile(
    r"^(分享[:：到]?|首页|>|来源[:：]?.*|时间[:：]?.*|发表时间[:：]?|[大中小]|】|【|收藏|下载|打印|全屏|"
    r"相关(报道|链接|附件|文档)[:：>》]*|\d{4}-\d\d-\d\d \d\d:\d\d(:\d\d)?)$"
)
PART_LINE_RE = re.compile(r"^(?:#+\s*|\*\*)?([一二三四五六七八九十]{1,3}、[^。；]{1,36}?)(?:\*\*)?$")


def _squash(text: str) -> str:
    return re.sub(r"[\s*#]+", "", text)


def _expected_title(path: Path) -> str:
    if path.name in EXPECTED_TITLES:
        return EXPECTED_TITLES[path.name]
    fields, _ = parse_front_matter(path.read_text(encoding="utf-8"))
    year = re.search(r"_(\d{4})", path.name).group(1)
    title = fields.get("title", "政府工作报告")
    return title if re.search(r"\d{4}年", title) else f"{year}年{title}"


@pytest.fixture(scope="module", params=FILES, ids=lambda p: p.name)
def report(request):
    return request.param, load_path(request.param)


def test_title(report):
    path, document = report
    assert document.title == _expected_title(path)


def test_whole_body_is_kept(report):
    path, document = report
    ours = _squash("".join(p.text for p in document.paragraphs))
    _, body = parse_front_matter(path.read_text(encoding="utf-8"))
    body = re.sub(r"<!--.*?-->", "", body, flags=re.S)
    if path.suffix == ".md":
        lines = [line for line in body.splitlines() if line.strip() and not line.startswith("原标题")]
        assert ours == _squash("".join(lines))
        return
    start = body.index("各位代表：") if "各位代表：" in body else 0
    closing = [m.end() for m in re.finditer(r"各位代表！[^\n]*", body)]
    end = closing[-1] if closing else body.index("本作品")
    assert _squash(body[start:end]) in ours


def test_no_page_chrome(report):
    path, document = report
    ours = "".join(p.text for p in document.paragraphs)
    for word in CHROME_WORDS:
        assert word not in ours, f"{word!r} left in {path.name}"
    for paragraph in document.paragraphs:
        assert not CHROME_LINES.match(paragraph.text), f"{paragraph.text!r} left in {path.name}"


def test_part_headings_reach_the_outline(report):
    """Every 一、 heading line is in the outline: the report's parts at the top, and a list that
    starts its numbering again inside a part (the ten 民生实事 of an annex) nested in that part."""
    path, document = report
    _, body = parse_front_matter(path.read_text(encoding="utf-8"))
    expected = [m.group(1).strip() for line in body.splitlines() if (m := PART_LINE_RE.match(line.strip()))]
    everywhere = {node.title for node in document.nodes()}
    for title in expected:
        assert title.rstrip("：:") in everywhere, f"{title} missing from the outline of {path.name}"
    top = [node.title for node in document.outline]
    numbers = [t.split("、")[0] for t in top if "、" in t[:4]]
    assert len(numbers) == len(set(numbers)), f"a restarted list was not nested in {path.name}: {top}"
    if len(expected) >= 2:
        assert len(document.outline) >= 2


def test_there_are_74_reports():
    assert len(FILES) == 74


SECTION_LINE_RE = re.compile(r"^\**(（[一二三四五六七八九十]{1,3}）[^。；]{2,38})\**$")


def test_section_headings_reach_the_outline(report):
    """Every short （一） heading line is a node of the outline (whatever part it sits in)."""
    path, document = report
    _, body = parse_front_matter(path.read_text(encoding="utf-8"))
    expected = [m.group(1).strip() for line in body.splitlines() if (m := SECTION_LINE_RE.match(line.strip()))]
    titles = [node.title for node in document.nodes()]
    for heading in expected:
        assert any(title.startswith(heading[:10]) for title in titles), f"{heading} missing in {path.name}"


def test_long_section_headings_in_a_numbered_run_are_headings_too():
    """Page-text Guangdong 2026: （一）（四）（七）（十二） run on into their first sentence; still nodes."""
    document = load_path(corpus_path("text", "province_2026_pagetext", "guangdong_2026_pagetext.txt"))
    part_three = next(node for node in document.outline if node.title.startswith("三、"))
    numbers = [child.title.split("）")[0] + "）" for child in part_three.children]
    expected = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    expected += ["十一", "十二", "十三", "十四"]
    assert numbers == [f"（{n}）" for n in expected]
    annex = next(node for node in document.outline if node.title.startswith("附件1"))
    assert annex.title == "附件1 2026年省十件民生实事"
    assert [child.title[:2] for child in annex.children] == [f"{n}、" for n in "一二三四五六七八九十"]
    assert [p.text for p in document.paragraphs[:4]] == [
        "政府工作报告",
        "——2026年1月26日在广东省第十四届人民代表大会第五次会议上",
        "广东省省长 孟凡利",
        "各位代表：",
    ]


def test_a_subtitle_belongs_to_the_title_block():
    document = load_path(corpus_path("text", "national", "gwy_1978.md"))
    kinds = [p.kind for p in document.paragraphs[:5]]
    assert kinds == [ParagraphKind.TITLE] * 4 + [ParagraphKind.BODY]
    assert document.outline[0].title == "三年来的斗争和新时期的总任务"
