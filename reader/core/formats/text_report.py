"""Parse plain-text and Markdown reports into a ``RawDocument``.

Handles optional YAML front matter, ``**bold**`` runs, ``#`` headings, HTML
comments, Wikisource-style paragraphs broken over several lines, and page text
scraped with its chrome (see ``text_chrome``).
"""

from __future__ import annotations

import re

import yaml

from reader.core.document import Run
from reader.core.errors import NoBodyTextError
from reader.core.formats.raw import RawDocument, RawParagraph, normalize_runs
from reader.core.formats.text_chrome import (
    HeadLine,
    classify_head_line,
    find_opening,
    footer_start,
    is_chrome_line,
    title_block,
)
from reader.core.text_utils import clean_title, normalize_space

_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)
_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
_BOLD_RE = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_YEAR_RE = re.compile(r"(\d{4})年")
_REPORT_NAME_RE = re.compile(r"作(关于[^，。；]{2,40}?的报告)")
_RESOLUTION_RE = re.compile(
    r"^(第[^，。]{1,6}届全国人民代表大会第[^，。]{1,3}次会议)听取和审议了.{0,30}?所作的([^，。]{2,20}报告)"
)
_REVIEW_YEAR_RE = re.compile(r"^[一1][、.]\s*(\d{4})年.{0,12}(回顾|总结)")
_STRAY_STARS_RE = re.compile(r"^\*{3,}|\*{3,}$")


def parse_front_matter(text: str) -> tuple[dict[str, str], str]:
    """Split YAML front matter from the text.

    Returns:
        ``(fields, rest)``; fields are strings, empty when there is no front matter.

    """
    match = _FRONT_MATTER_RE.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    try:
        loaded = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        loaded = None
    if isinstance(loaded, dict):
        fields = {str(k): str(v) for k, v in loaded.items() if v is not None}
    else:
        for line in match.group(1).splitlines():
            if ":" in line:
                key, value = line.split(":", 1)
                fields[key.strip()] = value.strip()
    return fields, text[match.end() :]


def _runs_from_markdown(line: str) -> list[Run]:
    runs: list[Run] = []
    position = 0
    for match in _BOLD_RE.finditer(line):
        if match.start() > position:
            runs.append(Run(line[position : match.start()]))
        runs.append(Run(match.group(1) or match.group(2), bold=True))
        position = match.end()
    if position < len(line):
        runs.append(Run(line[position:]))
    return runs


def _join_broken_lines(block: list[str]) -> str:
    text = ""
    for line in block:
        line = line.strip()
        if text and text[-1].isascii() and text[-1].isalnum() and line[:1].isascii() and line[:1].isalnum():
            text += " "
        text += line
    return text


def _logical_lines(body: str, markdown: bool) -> list[str]:
    """Cut the text into paragraphs: one per line, or one per blank-line block.

    Wikisource text separates paragraphs with blank lines and breaks some
    paragraphs around links; page text and Markdown reports put one paragraph
    on each line.
    """
    raw_lines = body.splitlines()
    non_empty = [line for line in raw_lines if line.strip()]
    blank = len(raw_lines) - len(non_empty)
    if markdown or blank < len(non_empty) * 0.5:
        return [line.strip() for line in non_empty]
    blocks: list[list[str]] = [[]]
    for line in raw_lines:
        if line.strip():
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [_join_broken_lines(block) for block in blocks if block]


def _report_year(head: list[str], paragraphs: list[str]) -> str:
    """The year a report is for: its date line, else the year after the one it reviews."""
    for line in head:
        year = _YEAR_RE.search(line)
        if classify_head_line(line) is HeadLine.DATE and year:
            return year.group(1)
    for paragraph in paragraphs[:12]:
        match = _REVIEW_YEAR_RE.match(paragraph.strip("*# "))
        if match:
            return str(int(match.group(1)) + 1)
    return ""


def _with_year(title: str, year: str) -> str:
    return f"{year}年{title}" if year and title and not _YEAR_RE.search(title) else title


def _derive_title(head: list[str], paragraphs: list[str]) -> str:
    titles = [line for line in head if classify_head_line(line) is HeadLine.TITLE]
    if titles:
        return clean_title(titles[-1].strip("* ").strip("《》"))
    for paragraph in paragraphs[:3]:
        match = _REPORT_NAME_RE.search(paragraph)
        if match:
            return match.group(1)
        match = _RESOLUTION_RE.search(paragraph)
        if match:
            return f"{match.group(1)}关于{match.group(2)}的决议"
    if any("报告政府工作" in p or "报告工作" in p for p in paragraphs[:3]):
        return "政府工作报告"
    return ""


def parse_text(text: str, markdown: bool, fallback_title: str = "") -> RawDocument:
    """Parse a text report.

    Args:
        text: Decoded file content.
        markdown: Interpret ``**bold**`` and ``#`` headings.
        fallback_title: Title to use when the text names none (the file name).

    Returns:
        The raw document.

    Raises:
        NoBodyTextError: The file holds no paragraphs.

    """
    fields, body = parse_front_matter(text.lstrip("\ufeff"))
    body = _COMMENT_RE.sub("", body)
    lines = _logical_lines(body, markdown)
    opening = find_opening(lines)
    head: list[str] = []
    if opening is not None:
        first, address = opening
        head = [line for line in lines[:address] if not is_chrome_line(line)]
        kept = [line for line in lines[first:address] if not is_chrome_line(line)]
        block, used = title_block(kept)
        lines = block + kept[used:] + lines[address:]
        title_block_lines = len(block)
    else:
        title_block_lines = -1
    lines = lines[: footer_start(lines, 0)]
    paragraphs = [_paragraph(line, markdown) for line in lines]
    paragraphs = [p for p in paragraphs if p.runs]
    if not paragraphs:
        raise NoBodyTextError("the file has no readable text")
    texts = [p.text for p in paragraphs]
    title = _with_year(
        normalize_space(fields.get("title", "")) or _derive_title(head, texts), _report_year(head, texts)
    )
    if not title and opening is None and len(paragraphs[0].text) <= 60:
        title = clean_title(paragraphs[0].text.strip("《》"))
        title_block_lines = 1
    meta = {}
    if fields.get("date"):
        meta["published"] = fields["date"]
    for key in ("issuer", "source_org"):
        if fields.get(key):
            meta[key] = fields[key]
    source_url = fields.get("source", "")
    return RawDocument(
        title=title or fallback_title,
        meta=meta,
        paragraphs=paragraphs,
        url=source_url if source_url.startswith("http") else "",
        title_block_lines=title_block_lines,
    )


def _paragraph(line: str, markdown: bool) -> RawParagraph:
    heading = 0
    if markdown:
        line = _STRAY_STARS_RE.sub("**", line)
        match = _HEADING_RE.match(line)
        if match:
            heading, line = len(match.group(1)), match.group(2)
        runs = _runs_from_markdown(line)
    else:
        runs = [Run(line)]
    return RawParagraph(list(normalize_runs(runs)), heading=heading)
