"""Every corpus HTML page exports with its title, metadata and whole body, and no chrome."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from reader.core.document import ParagraphKind
from reader.core.formats.charset import decode_bytes
from reader.core.loader import load_path
from tests.conftest import corpus_path

# file -> (title, body selector used to check nothing was lost, metadata that must be present)
PAGES = {
    "govcn_gongbao_2007_23_npc_tebieguozhai.html": (
        "全国人民代表大会常务委员会关于批准财政部发行特别国债购买外汇及调整2007年末国债余额限额的决议",
        "div.pages_content",
        {"published": "2007-08-20 23:59:59"},
    ),
    "govcn_guobanfa_2019_4_gongli_yiyuan_tables.html": (
        "国务院办公厅关于加强三级公立医院绩效考核工作的意见",
        "#UCAP-CONTENT",
        {"index_no": "000014349/2019-00004", "issuer": "国务院办公厅", "doc_no": "国办发〔2019〕4号"},
    ),
    "govcn_guobanmingdian_2018_15_jiaqi.html": (
        "国务院办公厅关于2019年部分节假日安排的通知",
        "#UCAP-CONTENT",
        {"doc_no": "国办发明电〔2018〕15号", "published": "2018年12月06日", "written_date": "2018年12月04日"},
    ),
    "govcn_guofa_1981_88_mianliang.html": (
        "国务院关于棉粮、糖粮挂钩奖售粮几个问题的通知",
        "#UCAP-CONTENT",
        {"doc_no": "国发〔1981〕88号", "issuer": "国务院"},
    ),
    "govcn_guofa_2019_4_zhiye_jiaoyu.html": (
        "国务院关于印发国家职业教育改革实施方案的通知",
        "#UCAP-CONTENT",
        {"index_no": "000014349/2019-00005", "doc_no": "国发〔2019〕4号", "category": "科技、教育\\教育"},
    ),
    "govcn_guohan_2018_159_xiongan_pifu.html": (
        "国务院关于河北雄安新区总体规划（2018—2035年）的批复",
        "#UCAP-CONTENT",
        {"doc_no": "国函〔2018〕159号", "index_no": "000014349/2018-00224"},
    ),
    "govcn_guoling_707_geshui_tiaoli.html": (
        "中华人民共和国个人所得税法实施条例",
        "#UCAP-CONTENT",
        {"doc_no": "国令第707号", "issuer": "国务院"},
    ),
    "shanxi_gov_trs_2019_pinpai_silu.html": (
        "山西品牌丝路行（南美站）正式启动",
        "div.TRS_Editor",
        {"published": "2019-09-18 06:23", "source_org": "山西日报"},
    ),
    "zj_fgw_hanweb_jcms_2016_deqing_touzi.html": (
        "1-10月德清县固定资产投资结构趋稳趋优",
        "#zoom",
        {"published": "2016-11-22", "source_org": "省发改委"},
    ),
}
CHROME = ("首页", "扫一扫", "打印", "关闭", "分享", "字号", "浏览次数", "相关稿件", "版权所有", "网站地图")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text.replace("\xa0", " "))


def _our_text(document) -> str:
    parts = ["".join(p.cells) if p.kind is ParagraphKind.TABLE else p.text for p in document.paragraphs]
    return _squash("".join(parts))


def _page_body_text(path, selector: str) -> str:
    soup = BeautifulSoup(decode_bytes(path.read_bytes())[0], "lxml")
    body = soup.select_one(selector)
    for tag in body.find_all(["script", "style"]):
        tag.decompose()
    return _squash(body.get_text())


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_exports_whole_body_without_chrome(name):
    path = corpus_path("html", name)
    title, selector, meta = PAGES[name]
    document = load_path(path)
    assert document.title == title
    for key, value in meta.items():
        assert document.meta.get(key) == value, key
    ours = _our_text(document)
    assert ours == _page_body_text(path, selector)
    for word in CHROME:
        assert word not in ours or word in _page_body_text(path, selector), word


def test_word_table_rows_stay_readable():
    document = load_path(corpus_path("html", "govcn_guobanfa_2019_4_gongli_yiyuan_tables.html"))
    rows = [p for p in document.paragraphs if p.kind is ParagraphKind.TABLE]
    assert len(rows) == 56
    assert rows[0].cells == ("一级指标", "二级指标", "三级指标", "指标性质", "指标说明")
    assert rows[1].text.startswith("一、医疗质量 | （一）功能定位 | 1.门诊人次数与出院人次数比 | 定量 | ")


def test_govcn_outline_has_parts():
    document = load_path(corpus_path("html", "govcn_guobanfa_2019_4_gongli_yiyuan_tables.html"))
    titles = [n.title for n in document.outline]
    assert titles[:5] == ["一、总体要求", "二、指标体系", "三、支撑体系", "四、考核程序", "五、组织实施"]


def test_geshui_articles_are_leads():
    document = load_path(corpus_path("html", "govcn_guoling_707_geshui_tiaoli.html"))
    titles = [n.title for n in document.nodes()]
    assert "第一条" in titles and "第三十六条" in titles
