"""The intermediate form every parser produces before outline building."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.core.document import Run

_WS_RE = re.compile(r"[ \t\r\n\f\v\u00a0\u2002\u2003\u2009\u200b\ufeff]+")
_EDGE_SPACE = " \t\r\n\f\v\u00a0\u2002\u2003\u2009\u200b\u3000\ufeff"


@dataclass
class RawParagraph:
    """A paragraph as found in the source, before classification.

    Attributes:
        runs: Inline runs (bold or plain), not yet normalised.
        centered: The source centred it.
        heading: Explicit heading level from markup (``<h2>``, ``## ``), 0 if none.
        cells: Cell texts when the paragraph is a table row.
        right: The source aligned it right (a signature, a date).
        near_image: It sits beside or right after an image (a caption, if short).
        hint: What the parser already knows it is: "caption", "signature", "date" or ''.
        page: The printed page it starts on (PDF, OFD), 1-based; 0 when the source has no pages.

    """

    runs: list[Run]
    centered: bool = False
    heading: int = 0
    cells: tuple[str, ...] = ()
    right: bool = False
    near_image: bool = False
    hint: str = ""
    page: int = 0

    @property
    def text(self) -> str:
        """Concatenated text of the runs."""
        runs = self.runs
        if len(runs) == 1:  # most paragraphs: asked for often, so no join
            return runs[0].text
        return "".join([run.text for run in runs])


@dataclass
class RawDocument:
    """What a format parser extracted from a source.

    Attributes:
        title: Title found by the template ('' when unknown).
        meta: Metadata by stable key.
        paragraphs: Body paragraphs in order.
        url: Public address of the page when the source names it.
        title_block_lines: How many leading paragraphs the parser already knows
            to be the title block (-1 when the outline builder should decide).
        attachments: Files the page links to as its attachments: (link text, address as written).
        notes: What the reader should know about how the source was read.
        continuations: The addresses of an article's other pages (``…_2.html``, ``?page=2``), in order,
            as its pager links to them.

    """

    title: str
    meta: dict[str, str] = field(default_factory=dict)
    paragraphs: list[RawParagraph] = field(default_factory=list)
    url: str = ""
    title_block_lines: int = -1
    attachments: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    continuations: list[str] = field(default_factory=list)


def normalize_runs(runs: list[Run]) -> tuple[Run, ...]:
    """Collapse whitespace across runs, merge neighbours of one style, trim the ends.

    Whitespace-only runs take the style of the run before them, so a bold space
    between two plain runs does not make the paragraph look bold-led.

    Args:
        runs: Runs as extracted.

    Returns:
        Normalised runs whose concatenation equals the paragraph's clean text.

    """
    if len(runs) == 1:  # one run (most paragraphs of a text file): collapse and trim, nothing to merge
        text = _WS_RE.sub(" ", runs[0].text).strip(_EDGE_SPACE)
        return (Run(text, runs[0].bold),) if text else ()
    merged: list[Run] = []
    for run in runs:
        text = _WS_RE.sub(" ", run.text)
        if not text:
            continue
        bold = run.bold
        if not text.strip(_EDGE_SPACE) and merged:
            bold = merged[-1].bold
        if merged and merged[-1].bold == bold:
            merged[-1] = Run(merged[-1].text + text, bold)
        else:
            merged.append(Run(text, bold))
    # Collapse a space that ends one run and starts the next.
    for index in range(1, len(merged)):
        if merged[index - 1].text.endswith(" ") and merged[index].text.startswith(" "):
            merged[index] = Run(merged[index].text[1:], merged[index].bold)
    while merged and not merged[0].text.lstrip(_EDGE_SPACE):
        merged.pop(0)
    while merged and not merged[-1].text.rstrip(_EDGE_SPACE):
        merged.pop()
    if not merged:
        return ()
    merged[0] = Run(merged[0].text.lstrip(_EDGE_SPACE), merged[0].bold)
    merged[-1] = Run(merged[-1].text.rstrip(_EDGE_SPACE), merged[-1].bold)
    return tuple(run for run in merged if run.text)
