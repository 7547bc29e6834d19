"""A library of one small report and its synced index, for tests of the index's files and codec."""

from __future__ import annotations

from pathlib import Path

from reader.core.library import Library
from reader.core.search.index import SearchIndex

REPORT = "政府工作报告\n\n各位代表：\n\n彩虹桥工程进展顺利。\n\n星河港湾吞吐创新高。\n"


def indexed_report(data_dir: Path, folder: Path, text: str = REPORT) -> SearchIndex:
    """Import ``text`` as a report into ``data_dir``'s library and sync its index (left open)."""
    report = folder / "report.txt"
    report.write_text(text, encoding="utf-8")
    library = Library(data_dir)
    library.add(str(report))
    search_index = SearchIndex(data_dir / "index")
    search_index.open()
    search_index.sync(library.fingerprints(), library.document)
    return search_index
