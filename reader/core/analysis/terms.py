"""高频词: the words a report (or one section) stresses, without function words and report boilerplate."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from reader.core.analysis.segment import words
from reader.core.document import Document

# Function words and the verbs every report uses in every paragraph: counting them says nothing.
_STOP_TEXT = (
    "的 了 和 与 及 以及 并 并且 或 或者 在 对 对于 为 为了 以 把 被 将 从 向 到 由 "
    "等 等等 是 有 也 又 还 就 都 而 其 之 这 那 这个 这些 那些 我们 我 你 他 她 它 "
    "他们 大家 各位 代表 同志 一个 一些 一批 一系列 一是 二是 三是 四是 五是 进一步 更加 "
    "更好 不断 坚持 加强 推进 推动 加快 深化 全面 持续 实施 开展 促进 提升 提高 强化 完善 "
    "健全 落实 做好 抓好 着力 大力 积极 切实 扎实 努力 确保 支持 发展 建设 工作 方面 领域 "
    "重点 重要 主要 问题 任务 同时 今年 去年 过去 一年 五年 以上 左右 实现 取得 增长 提出 "
    "要求 进行 加大 优化 创新 改革 政策 政府 全省 全市 全国 我省 我市 各地 各级 部门 单位 "
    "有效 积极性 新 大 多 更 好 高 强 全 要 可 能 会 让 使 给 着 过 所 该 每 各 "
    "其他 本 此 如 若 既 于 以来 之中 之间 当前 目前 今后 未来 "
)
STOP_WORDS = frozenset(_STOP_TEXT.split())
_WORD_RE = re.compile(r"^[\u4e00-\u9fff]{2,}$|^[A-Za-z]{2,}$")


@dataclass(frozen=True)
class TermCount:
    """A word and how often it occurs."""

    term: str
    count: int

    def to_json(self) -> dict:
        """As the CLI's JSON prints it."""
        return {"term": self.term, "count": self.count}


def counted_words(text: str, cache_dir: Path | None = None) -> Counter:
    """Content words of a text (two or more characters, no stop words), counted."""
    return Counter(w for w in words(text, cache_dir) if _WORD_RE.match(w) and w not in STOP_WORDS)


def section_text(document: Document, node_id: str | None = None) -> str:
    """The text of the document, or of one outline node and its children (title block excluded)."""
    if node_id:
        start, end = document.node_paragraph_range(node_id)
        chosen = document.paragraphs[start:end]
    else:
        chosen = [p for p in document.paragraphs if p.kind.value != "title"]
    return "\n".join(p.text for p in chosen)


def top_terms(
    document: Document, top: int = 50, node_id: str | None = None, cache_dir: Path | None = None
) -> list[TermCount]:
    """The most frequent content words of a report or section, most frequent first.

    Raises:
        KeyError: ``node_id`` is not a node of the document.
    """
    if node_id and document.node(node_id) is None:
        raise KeyError(node_id)
    counts = counted_words(section_text(document, node_id), cache_dir)
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    return [TermCount(term, count) for term, count in ranked[: top if top > 0 else None]]
