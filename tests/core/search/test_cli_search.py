"""The library and search commands, and their stable JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ROOT, SEED, corpus_path


def _cli(data_dir, *args, check=True):
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "reader", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
    )
    if check:
        assert result.returncode == 0, result.stderr
    return result


def test_library_add_list_remove_and_search(data_dir):
    folder = corpus_path("text", "province")
    added = _cli(data_dir, "library", "add", str(folder / "zhejiang_2023.md"), str(folder / "anhui_2024.md"))
    assert added.stdout.count("added ") == 2
    entries = json.loads(_cli(data_dir, "library", "list", "--json").stdout)
    assert len(entries) == 3 and entries[0]["bundled"]
    assert {"id", "title", "source", "paragraphs", "characters", "imported", "bundled"} <= set(entries[0])
    again = _cli(data_dir, "library", "add", str(folder / "anhui_2024.md"))
    assert again.stdout.startswith("updated ")
    assert len(json.loads(_cli(data_dir, "library", "list", "--json").stdout)) == 3

    result = json.loads(_cli(data_dir, "search", "数字经济", "--json", "--limit", "0").stdout)
    assert set(result) == {"query", "total", "elapsed_ms", "hits"}
    assert result["total"] == len(result["hits"]) > 0
    assert set(result["hits"][0]) >= {"doc", "title", "paragraph", "section_path", "matches", "snippet", "score"}
    assert {hit["doc"] for hit in result["hits"]} == {e["id"] for e in entries}

    anhui = next(e for e in entries if "anhui" in e["source"])
    _cli(data_dir, "library", "remove", anhui["id"])
    after = json.loads(_cli(data_dir, "search", "数字经济", "--json", "--limit", "0").stdout)
    assert anhui["id"] not in {hit["doc"] for hit in after["hits"]}


def test_paragraph_ids_match_export(data_dir):
    exported = json.loads(_cli(data_dir, "export", str(SEED)).stdout)
    ids = {p["id"]: p["text"] for p in exported["paragraphs"]}
    result = json.loads(_cli(data_dir, "search", "8+4", "--json", "--in", str(SEED)).stdout)
    assert result["total"] == sum("8+4" in text for text in ids.values()) > 0
    for hit in result["hits"]:
        assert hit["doc"] == exported["id"]
        assert "8+4" in ids[hit["paragraph"]]


def test_search_a_file_outside_the_library(data_dir, tmp_path):
    report = tmp_path / "outside.txt"
    report.write_text("政府工作报告\n\n各位代表：\n\n一、回顾\n\n星河港湾吞吐创新高。\n", encoding="utf-8")
    result = json.loads(_cli(data_dir, "search", "星河港湾", "--json", "--in", str(report)).stdout)
    assert result["total"] == 1 and result["hits"][0]["section_path"] == ["一、回顾"]
    listed = json.loads(_cli(data_dir, "library", "list", "--json").stdout)
    assert all("outside" not in e["source"] for e in listed), "searching a file does not import it"


def test_limit_and_text_output(data_dir):
    expected = sum("港" in p["text"] for p in json.loads(_cli(data_dir, "export", str(SEED)).stdout)["paragraphs"])
    text = _cli(data_dir, "search", "港", "--limit", "2").stdout
    assert text.splitlines()[0].startswith(f"{expected} paragraphs match")
    assert text.count("【港】") >= 2
    assert len(json.loads(_cli(data_dir, "search", "港", "--json", "--limit", "0").stdout)["hits"]) == expected


def test_errors_are_one_line(data_dir):
    for args in (["library", "remove", "nope"], ["library", "add", "/no/such/file.html"]):
        result = _cli(data_dir, *args, check=False)
        assert result.returncode == 1
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    bad = _cli(data_dir, "search", "x", "--limit", "-1", check=False)
    assert bad.returncode == 2


def test_order_text_lists_hits_top_to_bottom(data_dir, tmp_path):
    order = [p["id"] for p in json.loads(_cli(data_dir, "export", str(SEED)).stdout)["paragraphs"]]
    outside = tmp_path / "copy.html"
    outside.write_bytes(SEED.read_bytes())  # not in the library: searched in memory
    for scope in ((), ("--in", str(outside))):
        ranked = json.loads(_cli(data_dir, "search", "创新 发展", *scope, "--json", "--limit", "0").stdout)["hits"]
        in_text = json.loads(
            _cli(data_dir, "search", "创新 发展", *scope, "--json", "--limit", "0", "--order", "text").stdout
        )["hits"]
        places = [order.index(hit["paragraph"]) for hit in in_text]
        assert len(places) > 5 and places == sorted(places), scope
        assert sorted(places) == sorted(order.index(hit["paragraph"]) for hit in ranked)
        assert [hit["paragraph"] for hit in ranked] != [hit["paragraph"] for hit in in_text]
    assert _cli(data_dir, "search", "创新", "--order", "random", check=False).returncode == 2
