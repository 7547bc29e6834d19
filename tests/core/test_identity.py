"""Who, where, when: every corpus report knows its region and year, read from its text, never its file name.

Each file is copied under a neutral name before parsing. The expected region and year
come from the corpus's own file names (anhui_2024.md: 安徽, 2024), so the parse cannot
have seen them; speaker and date come from the text's head read here with a regex of
the test's own.
"""

from __future__ import annotations

import re
import shutil

import pytest

from bench.common import corpus_region_and_year
from reader.core.export import to_json
from reader.core.identity import identify
from reader.core.loader import load_path
from reader.core.naming import Identity, citation_source, display_name
from tests.conftest import CORPUS, SEED, corpus_path

TEXTS = sorted(p.relative_to(CORPUS).as_posix() for p in CORPUS.glob("text/*/*") if p.is_file())
_HEAD_DATE_RE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日在")
_HEAD_SPEAKER_RE = re.compile(r"(?:总理|省长|市长|主席)\s*([\u4e00-\u9fff·][\u4e00-\u9fff·\s\u3000]{1,10})\**$")


def _renamed(relative: str, tmp_path):
    source = corpus_path(*relative.split("/"))
    copy = tmp_path / f"document{source.suffix}"
    shutil.copy(source, copy)
    return source, load_path(copy)


def _expected(relative: str) -> tuple[str, int]:
    return corpus_region_and_year(relative.rsplit("/", 1)[-1].split(".")[0])


@pytest.mark.parametrize("relative", TEXTS)
def test_region_and_year_of_every_corpus_text(relative, tmp_path):
    _source, document = _renamed(relative, tmp_path)
    region, year = _expected(relative)
    identity = Identity.from_meta(document.meta)
    assert (identity.region, identity.year) == (region, year)
    assert identity.level == ("national" if region == "全国" else "provincial")


@pytest.mark.parametrize("relative", TEXTS)
def test_speaker_and_date_wherever_the_title_block_has_them(relative, tmp_path):
    source, document = _renamed(relative, tmp_path)
    head = source.read_text(encoding="utf-8").split("各位代表", 1)[0][-400:]
    identity = Identity.from_meta(document.meta)
    date = _HEAD_DATE_RE.search(head.replace("—", ""))
    if date:
        year, month, day = (int(g) for g in date.groups())
        assert identity.delivered == f"{year:04d}-{month:02d}-{day:02d}"
    lines = [line.strip().strip("*") for line in head.splitlines() if line.strip()]
    speaker = next((m.group(1) for line in lines if (m := _HEAD_SPEAKER_RE.search(line))), None)
    if speaker:
        assert identity.speaker == re.sub(r"[\s\u3000]", "", speaker)


def test_the_seed_knows_everything():
    document = load_path(SEED)
    meeting = "浙江省第十四届人民代表大会第二次会议"
    expected = Identity("浙江", "provincial", 2024, "政府工作报告", "王浩", "浙江省省长", meeting, "2024-01-23")
    assert Identity.from_meta(document.meta) == expected
    assert display_name(document) == "浙江 · 2024年政府工作报告"
    assert citation_source(document) == "浙江省《2024年政府工作报告》"
    exported = to_json(document)["meta"]
    assert exported["year"] == 2024 and exported["index_no"] == "000014349/2024-792209"


PAGES = {
    "govcn_gongbao_2007_23_npc_tebieguozhai.html": ("全国", 2007),
    "govcn_guobanfa_2019_4_gongli_yiyuan_tables.html": ("全国", 2019),
    "govcn_guobanmingdian_2018_15_jiaqi.html": ("全国", 2018),
    "govcn_guofa_1981_88_mianliang.html": ("全国", 1981),
    "govcn_guofa_2019_4_zhiye_jiaoyu.html": ("全国", 2019),
    "govcn_guohan_2018_159_xiongan_pifu.html": ("全国", 2018),
    "govcn_guoling_707_geshui_tiaoli.html": ("全国", 2018),
    "shanxi_gov_trs_2019_pinpai_silu.html": ("山西", 2019),
    "zj_fgw_hanweb_jcms_2016_deqing_touzi.html": ("浙江", 2016),
}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_region_and_year_of_every_corpus_page(name, tmp_path):
    """Policy pages are dated by their 成文日期 (the year written), news by publication."""
    _source, document = _renamed(f"html/{name}", tmp_path)
    identity = Identity.from_meta(document.meta)
    assert (identity.region, identity.year) == PAGES[name]


def test_display_names_tell_the_provinces_apart(tmp_path):
    names = set()
    for relative in [t for t in TEXTS if t.startswith("text/province/")]:
        _source, document = _renamed(relative, tmp_path)
        names.add(display_name(document))
    assert len(names) == len([t for t in TEXTS if t.startswith("text/province/")])


def test_identity_from_host_when_the_text_names_no_place():
    from reader.core.loader import parse_bytes

    page = (
        "<html><head><title>政府工作报告</title><meta name='url' content='https://www.gd.gov.cn/zwgk/a.html'></head>"
        "<body><div class='c'><p>各位代表：</p><p>现在，我代表省人民政府向大会报告工作，请予审议。</p>"
        "<p>一、2023年工作回顾</p><p>过去一年，全省经济回升向好，高质量发展扎实推进。</p></div></body></html>"
    ).encode()
    document = parse_bytes(page, name="a.html", source="a.html", source_key="test:host")
    identity = identify(document)
    assert (identity.region, identity.year, identity.kind) == ("广东", 2024, "政府工作报告")
