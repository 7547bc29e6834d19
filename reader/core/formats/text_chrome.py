"""Recognise the title block and the page chrome in plain-text reports.

Text scraped from web pages keeps breadcrumbs, 分享/字体 widgets, date and
source labels and related-article lists around the report. A report has a
recognisable opening (title, a date line naming the congress session, the
speaker) right before ``各位代表：``, so everything before that opening is page
chrome, and the page's footer starts at one of a few fixed phrases.
"""

from __future__ import annotations

import re
from enum import Enum

from reader.core.text_utils import ADDRESS_RE, CLOSING_ADDRESS_RE

_TITLE_RE = re.compile(r"(工作报告|的报告|决议|《政府工作报告》)")
_DATE_RE = re.compile(r"^[—\-－]{1,2}|^[（(]?\d{4}年\d{1,2}月\d{1,2}日|人民代表大会|会议上[）)]?$")
_SPEAKER_RE = re.compile(r"(省长|市长|主席|总理|代省长|代市长)[\s\u3000]*[\u4e00-\u9fff][\u4e00-\u9fff\s\u3000]{0,5}$")
_CAPTION_RE = re.compile(r"(摄|作政府工作报告|记者)\s*$|摄）$")

# Lines that are page furniture wherever they sit in the head of the text.
_CHROME_LINE_RE = re.compile(
    r"^("
    r"分享[:：到]?.*|原标题[:：].*|首页|>|》|当前位置[:：]?|您的位置[:：]?|.{0,10}要闻|政务信息|政府信息公开|"
    r"(发表|发布)?时间[:：].*|来源[:：].*|阅读量[:：]?.*|浏览次数[:：]?.*|【?(字体|字号)[:：]?|[大中小]|加大|还原|减小|"
    r"[【】|×]|下载|打印|全屏|收藏|打印本页|关闭窗口|\d{4}[-/年]\d{1,2}[-/月]\d{1,2}日?\s*[\d:：时分秒]*"
    r")$"
)
_LABEL_ONLY_RE = re.compile(r"^[\u4e00-\u9fff]{1,6}[:：]$")
_SUBTITLE_LIMIT = 40

# Phrases that start a page footer: nothing after them is part of the report.
_FOOTER_RE = re.compile(
    r"^(责任编辑[:：]?|扫一扫在手机打开当前页|打印本页|关闭窗口|相关(附件|链接|报道|文档|新闻|稿件)\s*[:：>》]*|"
    r"本作品(来自|是)|Public domain|本模板所指|注[:：]中文维基文库|[【\[]\s*打印|》》点击)"
)
_WEAK_FOOTER_RE = re.compile(r"^(收藏|\||分享到[:：]?|分享到微信|×|【|】)$")


class HeadLine(Enum):
    """What a line of the text's head is."""

    TITLE = "title"
    DATE = "date"
    SPEAKER = "speaker"
    CHROME = "chrome"
    OTHER = "other"


def classify_head_line(line: str) -> HeadLine:
    """Classify a line that comes before ``各位代表：``."""
    stripped = line.strip().strip("*").strip()
    if not stripped or _CHROME_LINE_RE.match(stripped) or _LABEL_ONLY_RE.match(stripped):
        return HeadLine.CHROME
    if _CAPTION_RE.search(stripped):
        return HeadLine.CHROME
    if len(stripped) <= 60 and _DATE_RE.search(stripped) and "。" not in stripped:
        return HeadLine.DATE
    if len(stripped) <= 40 and _TITLE_RE.search(stripped) and "。" not in stripped:
        return HeadLine.TITLE
    if len(stripped) <= 30 and _SPEAKER_RE.search(stripped):
        return HeadLine.SPEAKER
    return HeadLine.OTHER


def find_opening(lines: list[str], search_limit: int = 60) -> tuple[int, int] | None:
    """Locate the report's title block.

    Args:
        lines: Non-empty lines of the text.
        search_limit: How far into the text ``各位代表：`` is looked for.

    Returns:
        ``(first, address)``: index of the first title-block line and of the
        ``各位代表：`` line; None when the text has no such opening.

    """
    # The first address opens the speech: 各位代表： in most reports, 各位代表！ in some (1978).
    head = lines[:search_limit]
    address = next((i for i, line in enumerate(head) if ADDRESS_RE.match(line.strip("* "))), None)
    if address is None:
        return None
    first = address
    gap = 0
    for index in range(address - 1, -1, -1):
        kind = classify_head_line(lines[index])
        if kind in (HeadLine.TITLE, HeadLine.DATE, HeadLine.SPEAKER):
            first, gap = index, 0
        elif kind is HeadLine.CHROME:
            continue
        else:
            gap += 1
            # Up to two lines of news lead between the opening and 各位代表 are body;
            # anything further up that is not part of the opening is page chrome.
            if gap > 2 and first != address:
                break
            if gap > 2:
                break
    return first, address


def footer_start(lines: list[str], body_start: int) -> int:
    """Index of the first line of the page footer, or ``len(lines)`` when none."""
    closing = max((i for i, line in enumerate(lines) if CLOSING_ADDRESS_RE.match(line.strip())), default=-1)
    for index in range(body_start, len(lines)):
        line = lines[index].strip()
        if _FOOTER_RE.match(line) or (index > closing >= 0 and _WEAK_FOOTER_RE.match(line)):
            return index
        if re.fullmatch(r"[0-9a-f]{32}[:：]", line):
            return index
    return len(lines)


def title_block(lines: list[str]) -> tuple[list[str], int]:
    """The title block's lines among the lines before 各位代表, split lines joined.

    Title, subtitle, date line and speaker, in whatever order; a date line broken in two
    by the page ("——2026年1月26日在广东省第十四届" / "人民代表大会第五次会议上") is one
    line again. The block ends at the first line that reads as text (a news lead).

    Returns:
        The block's lines, and how many of ``lines`` they took.
    """
    block: list[str] = []
    previous = None
    used = 0
    for line in lines:
        kind = classify_head_line(line)
        stripped = line.strip().strip("*").strip()
        if kind is HeadLine.OTHER and (len(stripped) > _SUBTITLE_LIMIT or "。" in stripped):
            break
        if kind is HeadLine.DATE and previous is HeadLine.DATE and not block[-1].rstrip("）)").endswith("上"):
            block[-1] = block[-1].rstrip() + stripped
        else:
            block.append(line)
        previous = kind
        used += 1
    return block, used


def is_chrome_line(line: str) -> bool:
    """Whether a head line is page furniture."""
    return classify_head_line(line) is HeadLine.CHROME
