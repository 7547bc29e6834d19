"""Body and title fidelity on real and template pages, next to readability-lxml and trafilatura.

Pages: the seed, every corpus HTML page (the truth: the text of the body element a person
picked, as ``tests/core/test_corpus_html.py`` checks) and every ``pagekit`` template filled
with the invented article (the truth: its paragraphs). The measure is the F1 of the body's
characters (as multisets, white space ignored); titles count when exact. The peers are
optional (``pip install -e .[bench]``); a missing one is reported, never an error.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from bench.common import SEED
from reader.core.document import ParagraphKind
from reader.core.formats.charset import decode_bytes
from reader.core.loader import parse_bytes
from tests.conftest import CORPUS
from tests.core.pagekit import INVENTED, TEMPLATES
from tests.core.test_corpus_html import PAGES

_SEED_TITLE = "2024年政府工作报告"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\xa0", " "))


def _f1(truth: str, got: str) -> float:
    want, have = Counter(_squash(truth)), Counter(_squash(got))
    common = sum((want & have).values())
    if not common:
        return 0.0
    recall, precision = common / sum(want.values()), common / sum(have.values())
    return 2 * recall * precision / (recall + precision)


def _selector_text(html: str, selector: str) -> str:
    from bs4 import BeautifulSoup

    body = BeautifulSoup(html, "lxml").select_one(selector)
    for tag in body.find_all(["script", "style"]):
        tag.decompose()
    return body.get_text()


def _pages() -> list[tuple[str, str, str, str]]:
    """(name, html, true title, true body text)."""
    pages = []
    seed = decode_bytes(SEED.read_bytes())[0]
    pages.append(("seed", seed, _SEED_TITLE, _selector_text(seed, "#zoom")))
    for name, (title, selector, _meta) in sorted(PAGES.items()):
        path = CORPUS / "html" / name
        if path.exists():
            html = decode_bytes(path.read_bytes())[0]
            pages.append((name, html, title, _selector_text(html, selector)))
    for name, template in TEMPLATES.items():
        html = decode_bytes(template(INVENTED))[0]
        pages.append((f"pagekit:{name}", html, INVENTED.title, "".join(INVENTED.texts)))
    return pages


def _ours(html: str) -> tuple[str, str]:
    document = parse_bytes(html.encode("utf-8"), name="page.html", source="page.html", source_key="p", kind="html")
    body = "".join("".join(p.cells) if p.kind is ParagraphKind.TABLE else p.text for p in document.paragraphs)
    return document.title, body


def _readability(html: str) -> tuple[str, str]:
    from lxml.html import fromstring
    from readability import Document

    found = Document(html)
    return found.short_title(), fromstring(found.summary()).text_content()


def _trafilatura(html: str) -> tuple[str, str]:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, include_tables=True, favor_recall=False)
    if extracted is None:
        return "", ""
    title = getattr(extracted, "title", None) or (extracted.get("title") if isinstance(extracted, dict) else "")
    text = getattr(extracted, "text", None) or (extracted.get("text") if isinstance(extracted, dict) else "")
    return title or "", text or ""


EXTRACTORS: dict[str, Callable[[str], tuple[str, str]]] = {
    "report_reader": _ours,
    "readability_lxml": _readability,
    "trafilatura": _trafilatura,
}


def measure() -> dict:
    """F1 per page and extractor, and each extractor's totals."""
    pages = _pages()
    figures: dict = {"pages": len(pages), "extractors": {}}
    for name, extract in EXTRACTORS.items():
        rows = []
        try:
            for page, html, title, truth in pages:
                got_title, body = extract(html)
                rows.append({"page": page, "f1": round(_f1(truth, body), 3), "title_exact": got_title.strip() == title})
        except ImportError as error:
            figures["extractors"][name] = {"not_installed": str(error)}
            continue
        figures["extractors"][name] = {
            "pages_f1_at_least_0.97": sum(row["f1"] >= 0.97 for row in rows),
            "mean_f1": round(sum(row["f1"] for row in rows) / len(rows), 3),
            "exact_titles": sum(row["title_exact"] for row in rows),
            "rows": rows,
        }
    return figures
