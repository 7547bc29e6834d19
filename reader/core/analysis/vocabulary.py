"""The analyses' word lists, shipped as data and editable: stop terms, policy vocabulary, variants.

Each list is a text file in ``resources/analysis/``; a file of the same name in the data
directory's ``analysis/`` folder adds the reader's own lines (and ``-word`` there takes a
shipped word off the stop list). Kept as data, not code, so an analyst can tune them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from reader.core.resources import resources_dir


def _lines(name: str, user_dir: Path | None) -> tuple[list[str], set[str]]:
    """Entries of a list (words split on white space unless ``whole_lines``), and '-word' removals."""
    found: list[str] = []
    removed: set[str] = set()
    for folder in (resources_dir() / "analysis", user_dir):
        if folder is None:
            continue
        try:
            text = (folder / name).read_text(encoding="utf-8")
        except OSError:
            continue
        for line in text.splitlines():
            line = line.split("#", 1)[0].strip()
            if line.startswith("-") and folder == user_dir:
                removed.add(line[1:].strip())
            elif line:
                found.append(line)
    return found, removed


@dataclass(frozen=True)
class Vocabulary:
    """What the term analyses know beyond the segmenter.

    Attributes:
        stop: Words and phrases never listed as a report's own wording.
        policy: Policy terms kept whole by the segmenter and preferred when ranking.
        same: Wording → the other wordings of the same thing.
        renamed: Old name → new name.
    """

    stop: frozenset[str]
    policy: frozenset[str]
    same: dict[str, frozenset[str]] = field(default_factory=dict)
    renamed: dict[str, str] = field(default_factory=dict)

    def variants(self, term: str) -> set[str]:
        """Every other wording of ``term`` (自贸试验区 for 自由贸易试验区); a rename is not a variant."""
        return set(self.same.get(term, ()))

    def renamed_from(self, term: str) -> str:
        """The old name ``term`` replaced ('' when it replaced none)."""
        return next((old for old, new in self.renamed.items() if new == term), "")


@lru_cache(maxsize=4)
def vocabulary(user_dir: Path | None = None) -> Vocabulary:
    """The shipped lists, with the reader's own additions from ``user_dir`` (cached per folder)."""
    stop_lines, removed = _lines("stop_terms.txt", user_dir)
    stop = {word for line in stop_lines for word in line.split()} - removed
    policy_lines, _ = _lines("policy_terms.txt", user_dir)
    same: dict[str, set[str]] = {}
    renamed: dict[str, str] = {}
    for line in _lines("variants.txt", user_dir)[0]:
        if "->" in line:
            old, new = (part.strip() for part in line.split("->", 1))
            renamed[old] = new
        elif "=" in line:
            words = [part.strip() for part in line.split("=") if part.strip()]
            for word in words:
                same.setdefault(word, set()).update(w for w in words if w != word)
    return Vocabulary(
        frozenset(stop),
        frozenset(policy_lines),
        {word: frozenset(others) for word, others in same.items()},
        renamed,
    )
