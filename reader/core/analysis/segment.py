"""Chinese word segmentation with jieba, loaded when first needed (never before the first page).

jieba's dictionary takes about a second to load; its cache goes to a directory we choose
(the data directory's cache), not the system's temporary directory.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

_lock = threading.RLock()  # part_of_speech takes it, then tokenizer() again
_tokenizer = None


def tokenizer(cache_dir: Path | None = None) -> Any:
    """The jieba tokenizer, initialised once (thread-safe)."""
    global _tokenizer
    with _lock:
        if _tokenizer is None:
            import logging

            import jieba

            jieba.setLogLevel(logging.WARNING)
            instance = jieba.Tokenizer()
            if cache_dir is not None:
                cache_dir.mkdir(parents=True, exist_ok=True)
                instance.tmp_dir = str(cache_dir)
            instance.initialize()
            from reader.core.analysis.vocabulary import vocabulary

            for word in vocabulary().policy:  # kept whole: 新质生产力, not 新质 + 生产力
                instance.add_word(word)
            _tokenizer = instance
        return _tokenizer


def words(text: str, cache_dir: Path | None = None) -> list[str]:
    """The words of a text, in order."""
    found: list[str] = tokenizer(cache_dir).lcut(text)
    return found


# Words the dictionary has seen this often are everyday language (需要 27,430, 情况 32,833,
# 方案 7,097), not a report's own wording (打造 661, 贫困 1,882, 新质 and 地方债务 unseen).
EVERYDAY_FREQUENCY = 3000


def everyday(word: str) -> bool:
    """Whether a word is common in general Chinese (by jieba's dictionary frequencies)."""
    return bool(tokenizer().FREQ.get(word, 0) >= EVERYDAY_FREQUENCY)


_tags: dict[str, str] | None = None
# Parts of speech that never make a term on their own: verbs, adverbs, time and place words,
# distinguishing words (主导, 中长期), numerals, pronouns, particles, idioms.
NOT_TERM_TAGS = frozenset(
    (
        "v",
        "vd",
        "vg",
        "d",
        "t",
        "tg",
        "f",
        "b",
        "a",
        "ad",
        "ag",
        "an",
        "m",
        "mq",
        "q",
        "r",
        "p",
        "c",
        "u",
        "ul",
        "uj",
        "uz",
        "ug",
        "uv",
        "ud",
        "y",
        "e",
        "o",
        "z",
        "i",
        "s",
    )
)


def part_of_speech(word: str) -> str:
    """Jieba's part-of-speech tag of a dictionary word ('' for a word it does not know, like 新质生产力)."""
    global _tags
    with _lock:
        if _tags is None:
            from jieba.posseg import POSTokenizer

            _tags = POSTokenizer(tokenizer()).word_tag_tab
    return _tags.get(word, "")
