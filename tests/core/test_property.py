"""Arbitrary bytes and mutated pages give a Document or a typed InputError, quickly."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.document import Document
from reader.core.errors import InputError
from reader.core.loader import parse_bytes
from tests.conftest import SEED

SEED_BYTES = SEED.read_bytes()
# Generous: parsing the whole seed takes tens of milliseconds; this only catches hangs.
TIME_BOUND_S = 5.0


def _parse(data: bytes, kind: str) -> None:
    started = time.perf_counter()
    try:
        result = parse_bytes(data, name="x", source="x", source_key="x", kind=kind)
    except InputError:
        result = None
    assert result is None or isinstance(result, Document)
    if result is not None:
        for paragraph in result.paragraphs:
            assert paragraph.text and "".join(r.text for r in paragraph.runs) == paragraph.text
    assert time.perf_counter() - started < TIME_BOUND_S


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.binary(max_size=4096), kind=st.sampled_from(["auto", "html", "text", "markdown"]))
def test_arbitrary_bytes(data, kind):
    _parse(data, kind)


@st.composite
def mutated_seed(draw):
    data = bytearray(SEED_BYTES)
    for _ in range(draw(st.integers(1, 8))):
        operation = draw(st.sampled_from(["cut", "delete", "insert", "flip"]))
        position = draw(st.integers(0, max(0, len(data) - 1)))
        if operation == "cut":
            del data[position:]
        elif operation == "delete":
            del data[position : position + draw(st.integers(1, 2000))]
        elif operation == "insert":
            data[position:position] = draw(
                st.sampled_from(
                    [
                        b"<",
                        b">",
                        b"</p>",
                        b"<table>",
                        b"<!--",
                        b"\x00",
                        b"<script>",
                        b"\xff\xfe",
                        "（一）".encode(),
                        b"<strong>",
                    ]
                )
            )
        elif data:
            data[position] ^= draw(st.integers(1, 255))
    return bytes(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=mutated_seed())
def test_mutated_html(data):
    _parse(data, "html")


@settings(max_examples=100, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from(list("一二三（）、。：**#\n —是1各位代表！政府工作报告ab ")), max_size=600)
)
def test_text_reports_of_heading_soup(text):
    _parse(text.encode("utf-8"), "markdown")
