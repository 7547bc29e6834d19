"""Postings runs: ids and weights of every width read back exactly; a run is smaller than W3's blocks."""

from __future__ import annotations

import io
import random
import zlib

import numpy as np
import pytest
from whoosh.codec.whoosh3 import W3PostingsWriter, W3TermInfo
from whoosh.filedb.structfile import StructFile
from whoosh.formats import Existence

from reader.core.search import posting_runs

CASES = {
    "one posting": ([7], [1.0]),
    "small gaps, weights 1": (list(range(0, 3000, 3)), [1.0] * 1000),
    "gaps over a byte": ([0, 300, 70_000, 70_001], [2.0, 1.0, 300.0, 1.0]),
    "gaps over 32 bits": ([5, 5 + (1 << 33)], [1.0, 1.0]),
    "a first id far out": ([(1 << 40) + 1, (1 << 40) + 2], [1.0, 4.0]),
    "weights over 16 bits": ([1, 2, 3], [1.0, 70_000.0, 3.0]),
    "fractional weights": ([1, 9], [0.5, 2.25]),
}


@pytest.mark.parametrize("case", CASES)
def test_a_run_reads_back_its_ids_and_weights(case):
    ids, weights = CASES[case]
    data = posting_runs.encode(np.array(ids, dtype=np.uint64), np.array(weights))
    assert posting_runs.is_run(data)
    found_ids, found_weights = posting_runs.decode(data)
    assert found_ids.tolist() == ids and found_weights.tolist() == weights
    assert found_ids.dtype == np.int64
    assert posting_runs.decode(memoryview(data), weights=False)[0].tolist() == ids


def test_what_is_not_a_whole_run_is_refused():
    data = posting_runs.encode(np.arange(100, dtype=np.uint64) * 1000, np.ones(100))
    with pytest.raises(ValueError):
        posting_runs.encode(np.empty(0, dtype=np.uint64), np.empty(0))
    with pytest.raises(ValueError):
        posting_runs.decode(b"RRX1" + data[4:])
    with pytest.raises(zlib.error):  # a cut run: ``index_files.READ_FAILURES`` takes it for damage
        posting_runs.decode(data[:-5])
    short = data[:4] + posting_runs._HEADER.pack(500, 0, 2, 0) + zlib.compress(b"\0" * 10)
    with pytest.raises(ValueError, match="shorter"):
        posting_runs.decode(short)


def _w3_bytes(ids: list[int], weights: list[float]) -> int:
    out = io.BytesIO()
    writer = W3PostingsWriter(StructFile(out), blocklimit=128, compression=3, inlinelimit=1)
    writer.start_postings(Existence(), W3TermInfo())
    for identity, weight in zip(ids, weights, strict=True):
        writer.add_posting(identity, weight, b"")
    writer.finish_postings()
    return len(out.getvalue())


def test_a_run_is_smaller_than_w3s_blocks_of_the_same_postings():
    rng = random.Random(4)
    ids = sorted(rng.sample(range(1_000_000), 50_000))
    weights = [float(rng.choice((1, 1, 1, 2, 3, 12))) for _ in ids]
    run = posting_runs.encode(np.array(ids, dtype=np.uint64), np.array(weights))
    assert len(run) < 0.7 * _w3_bytes(ids, weights)


def test_the_writer_inlines_a_rare_term_and_runs_a_common_one():
    out = io.BytesIO()
    writer = posting_runs.RunPostingsWriter(StructFile(out), inlinelimit=4)
    writer.start_postings(Existence(), W3TermInfo())
    writer.add_posting(3, 1.0, b"")
    writer.add_posting(8, 2.0, b"")
    rare = writer.finish_postings()
    assert rare.is_inlined() and rare.inlined_postings() == ((3, 8), (1.0, 2.0), ())
    assert (rare.doc_frequency(), rare.weight(), rare.max_weight()) == (2, 3.0, 2.0)
    assert not writer.written()
    writer.start_postings(Existence(), W3TermInfo())
    writer.add_posting(1, 1.0, b"")
    writer.add_numbers(np.array([5, 6, 9], dtype=np.uint32), np.array([1, 1, 4], dtype=np.uint32))
    common = writer.finish_postings()
    assert writer.written() and not common.is_inlined()
    offset, length = common.extent()
    ids, weights = posting_runs.decode(out.getvalue()[offset : offset + length])
    assert ids.tolist() == [1, 5, 6, 9] and weights.tolist() == [1.0, 1.0, 1.0, 4.0]
    assert (common.min_id(), common.max_id(), common.doc_frequency()) == (1, 9, 4)
    writer.start_postings(Existence(), W3TermInfo())
    with pytest.raises(ValueError, match="values"):
        writer.add_posting(1, 1.0, b"x")
