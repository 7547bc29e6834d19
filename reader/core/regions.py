"""Facts about China's governments that identify a report: regions, their sites, the NPC's sessions.

A fact table, kept apart from the code that reads documents (``identity``).
"""

from __future__ import annotations

NATIONAL = "全国"

# Province-level divisions: short name, full name, and the host of the government's portal.
PROVINCES: tuple[tuple[str, str, str], ...] = (
    ("北京", "北京市", "beijing.gov.cn"),
    ("天津", "天津市", "tj.gov.cn"),
    ("河北", "河北省", "hebei.gov.cn"),
    ("山西", "山西省", "shanxi.gov.cn"),
    ("内蒙古", "内蒙古自治区", "nmg.gov.cn"),
    ("辽宁", "辽宁省", "ln.gov.cn"),
    ("吉林", "吉林省", "jl.gov.cn"),
    ("黑龙江", "黑龙江省", "hlj.gov.cn"),
    ("上海", "上海市", "shanghai.gov.cn"),
    ("江苏", "江苏省", "jiangsu.gov.cn"),
    ("浙江", "浙江省", "zj.gov.cn"),
    ("安徽", "安徽省", "ah.gov.cn"),
    ("福建", "福建省", "fujian.gov.cn"),
    ("江西", "江西省", "jiangxi.gov.cn"),
    ("山东", "山东省", "shandong.gov.cn"),
    ("河南", "河南省", "henan.gov.cn"),
    ("湖北", "湖北省", "hubei.gov.cn"),
    ("湖南", "湖南省", "hunan.gov.cn"),
    ("广东", "广东省", "gd.gov.cn"),
    ("广西", "广西壮族自治区", "gxzf.gov.cn"),
    ("海南", "海南省", "hainan.gov.cn"),
    ("重庆", "重庆市", "cq.gov.cn"),
    ("四川", "四川省", "sc.gov.cn"),
    ("贵州", "贵州省", "guizhou.gov.cn"),
    ("云南", "云南省", "yn.gov.cn"),
    ("西藏", "西藏自治区", "xizang.gov.cn"),
    ("陕西", "陕西省", "shaanxi.gov.cn"),
    ("甘肃", "甘肃省", "gansu.gov.cn"),
    ("青海", "青海省", "qinghai.gov.cn"),
    ("宁夏", "宁夏回族自治区", "nx.gov.cn"),
    ("新疆", "新疆维吾尔自治区", "xinjiang.gov.cn"),
    ("香港", "香港特别行政区", "gov.hk"),
    ("澳门", "澳门特别行政区", "gov.mo"),
)

# Big cities (provincial capitals and cities specifically designated in the state plan).
CITIES: tuple[tuple[str, str], ...] = (
    ("广州", "gz.gov.cn"),
    ("深圳", "sz.gov.cn"),
    ("杭州", "hangzhou.gov.cn"),
    ("南京", "nanjing.gov.cn"),
    ("武汉", "wuhan.gov.cn"),
    ("成都", "chengdu.gov.cn"),
    ("西安", "xa.gov.cn"),
    ("沈阳", "shenyang.gov.cn"),
    ("大连", "dl.gov.cn"),
    ("青岛", "qingdao.gov.cn"),
    ("宁波", "ningbo.gov.cn"),
    ("厦门", "xm.gov.cn"),
    ("长沙", "changsha.gov.cn"),
    ("郑州", "zhengzhou.gov.cn"),
    ("济南", "jinan.gov.cn"),
    ("哈尔滨", "harbin.gov.cn"),
    ("长春", "changchun.gov.cn"),
    ("苏州", "suzhou.gov.cn"),
    ("合肥", "hefei.gov.cn"),
    ("福州", "fuzhou.gov.cn"),
    ("昆明", "km.gov.cn"),
    ("南宁", "nanning.gov.cn"),
    ("南昌", "nc.gov.cn"),
    ("石家庄", "sjz.gov.cn"),
    ("太原", "taiyuan.gov.cn"),
    ("呼和浩特", "huhhot.gov.cn"),
    ("贵阳", "guiyang.gov.cn"),
    ("兰州", "lanzhou.gov.cn"),
    ("西宁", "xining.gov.cn"),
    ("银川", "yinchuan.gov.cn"),
    ("乌鲁木齐", "urumqi.gov.cn"),
    ("拉萨", "lasa.gov.cn"),
    ("海口", "haikou.gov.cn"),
)

# Hosts of the national government: www.gov.cn and the ministries' sites under it.
NATIONAL_HOSTS = ("gov.cn",)

# Sessions of the National People's Congress before the five-sessions-a-term rhythm
# (from the 6th NPC, 1983, session n of term t meets in 1983 + 5(t-6) + n-1).
NPC_SESSIONS: dict[tuple[int, int], int] = {
    (1, 1): 1954, (1, 2): 1955, (1, 3): 1956, (1, 4): 1957,
    (2, 1): 1959, (2, 2): 1960, (2, 3): 1962, (2, 4): 1963,
    (3, 1): 1964,
    (4, 1): 1975,
    (5, 1): 1978, (5, 2): 1979, (5, 3): 1980, (5, 4): 1981, (5, 5): 1982,
}  # fmt: skip


def npc_year(term: int, session: int) -> int | None:
    """The year the NPC's ``term``-th congress held its ``session``-th session."""
    if term >= 6 and 1 <= session <= 5:
        return 1983 + 5 * (term - 6) + session - 1
    return NPC_SESSIONS.get((term, session))


def region_of_host(host: str) -> str:
    """The region a government host belongs to ('' when unknown): zj.gov.cn, fgw.zj.gov.cn → 浙江."""
    host = host.lower().split(":")[0]
    candidates = [(suffix, short) for short, _full, suffix in PROVINCES] + [(s, c) for c, s in CITIES]
    for suffix, region in sorted(candidates, key=lambda item: -len(item[0])):
        if host == suffix or host.endswith("." + suffix):
            return region
    if any(host == suffix or host.endswith("." + suffix) for suffix in NATIONAL_HOSTS):
        return NATIONAL
    return ""


def full_name(region: str) -> str:
    """浙江 → 浙江省, 内蒙古 → 内蒙古自治区, 广州 → 广州市, 全国 → 全国."""
    for short, full, _host in PROVINCES:
        if short == region:
            return full
    if any(city == region for city, _host in CITIES):
        return region + "市"
    return region


def level_of(region: str) -> str:
    """national, provincial or municipal ('' for an unknown region)."""
    if region == NATIONAL:
        return "national"
    if any(short == region for short, _full, _host in PROVINCES):
        return "provincial"
    if region:
        return "municipal"
    return ""
