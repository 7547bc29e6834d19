"""Parse time of the seed and every corpus file, next to bs4+lxml building the tree alone."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from bench.common import SEED, corpus_files, median_ms
from reader.core.loader import load_path


def measure(repeat: int = 5) -> dict:
    """Return ``{"files": [...], "total_ms": ..., "total_floor_ms": ...}``."""
    rows = []
    for path in [SEED, *corpus_files()]:
        data = path.read_bytes()
        parse = median_ms(lambda p=path: load_path(p), repeat)
        floor = median_ms(lambda d=data: BeautifulSoup(d, "lxml"), repeat)
        rows.append(
            {
                "file": path.name if path == SEED else str(Path(path.parent.name) / path.name),
                "bytes": len(data),
                "parse_ms": parse,
                "bs4_lxml_tree_ms": floor,
                "ratio": round(parse / floor, 2) if floor else None,
            }
        )
    return {
        "files": rows,
        "seed_parse_ms": rows[0]["parse_ms"],
        "seed_floor_ms": rows[0]["bs4_lxml_tree_ms"],
        "total_parse_ms": round(sum(r["parse_ms"] for r in rows), 1),
        "total_floor_ms": round(sum(r["bs4_lxml_tree_ms"] for r in rows), 1),
    }
