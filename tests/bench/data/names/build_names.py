#!/usr/bin/env python3
"""Rebuild names.tsv (English -> Chinese name evaluation corpus) offline.

Usage:
    python build_names.py CEDPANE_GIT_DIR BABEL_WHEEL [--out names.tsv]
        [--evidence kind_evidence.tsv] [--stats]

CEDPANE_GIT_DIR  bare git directory of https://github.com/ssb22/CedPane
                 (e.g. /work/.mirror/ssb22+CedPane/repo). The file is read at
                 commit CEDPANE_COMMIT below with `git show`.
BABEL_WHEEL      babel-2.19.0-py3-none-any.whl from PyPI (`pip download
                 babel==2.19.0 --no-deps`). Its babel/locale-data/*.dat files
                 are Unicode CLDR 49 data (Unicode License v3).

Needs: opencc (s2twp/t2s, only where a source lacks one script) and pypinyin
(only for the `kind` heuristic). No network access. Output is deterministic.
"""

from __future__ import annotations

import argparse
import collections
import pickle
import re
import subprocess
import sys
import unicodedata
import zipfile

import opencc
from pypinyin import Style, lazy_pinyin

CEDPANE_COMMIT = "d674378f22e384452d0ce9478c8fe0ab69ae28cb"  # 2020-06-16
CEDPANE_PATH = "cedpane.txt"
BABEL_VERSION = "2.19.0"

S2TWP = opencc.OpenCC("s2twp.json")
T2S = opencc.OpenCC("t2s.json")

# --------------------------------------------------------------------------
# kind heuristic
# --------------------------------------------------------------------------
# Generic words translated by meaning; stripped from both sides before the
# sound comparison (so 阿斯顿大学 / Aston University compares 阿斯顿 / Aston).
EN_GENERIC = {
    "university",
    "college",
    "company",
    "corporation",
    "inc",
    "group",
    "bank",
    "times",
    "post",
    "island",
    "islands",
    "river",
    "lake",
    "mount",
    "mountain",
    "mountains",
    "city",
    "airlines",
    "airways",
    "museum",
    "library",
    "press",
    "party",
    "association",
    "society",
    "foundation",
    "institute",
    "council",
    "commission",
    "league",
    "club",
    "daily",
    "the",
    "of",
    "and",
    "for",
    "motors",
    "newspaper",
    "federation",
    "academy",
    "agency",
    "organisation",
    "organization",
    "station",
    "bay",
    "strait",
    "peninsula",
    "sea",
    "ocean",
    "desert",
}
ZH_GENERIC_SUFFIX = sorted(
    [
        "大学",
        "学院",
        "公司",
        "集团",
        "银行",
        "时报",
        "邮报",
        "日报",
        "报",
        "协会",
        "学会",
        "组织",
        "航空",
        "基金会",
        "博物馆",
        "图书馆",
        "出版社",
        "党",
        "研究院",
        "研究所",
        "委员会",
        "联盟",
        "俱乐部",
        "群岛",
        "岛",
        "河",
        "湖",
        "山脉",
        "山",
        "市",
        "州",
        "省",
        "县",
        "港",
        "湾",
        "海峡",
        "半岛",
        "站",
        "基地",
        "汽车",
        "联合会",
        "海",
        "洋",
        "沙漠",
    ],
    key=len,
    reverse=True,
)
# English words usually translated by meaning inside an otherwise
# sound-based name (New Zealand 新西兰, Saint Lucia 圣卢西亚, South Africa 南非).
MEANING_WORDS = {
    "new": "新",
    "north": "北",
    "northern": "北",
    "south": "南",
    "southern": "南",
    "east": "东",
    "eastern": "东",
    "west": "西",
    "western": "西",
    "saint": "圣",
    "st": "圣",
    "san": "圣",
    "santa": "圣",
    "great": "大",
    "upper": "上",
    "lower": "下",
    "central": "中",
    "united": "联合",
    "republic": "共和国",
    "kingdom": "王国",
    "virgin": "维尔京",
    "cape": "角",
    "green": "绿",
    "ivory": "象牙",
    "coast": "海岸",
    "holy": "圣",
    "vatican": "梵蒂冈",
    "outlying": "外围",
    "french": "法属",
    "british": "英属",
    "american": "美属",
    "dutch": "荷属",
    "royal": "皇家",
    "national": "国家",
    "international": "国际",
}
EN_ACRONYM = re.compile(r"^[A-Z0-9&.\-]{2,}$")


def _en_code(word: str) -> str:
    """Coarse consonant-class skeleton of an English spelling."""
    s = unicodedata.normalize("NFKD", word.lower())
    s = "".join(c for c in s if "a" <= c <= "z")
    rules = [
        ("tch", "S"),
        ("sch", "S"),
        ("sh", "S"),
        ("ch", "S"),
        ("th", "S"),
        ("ph", "F"),
        ("gh", ""),
        ("ck", "K"),
        ("qu", "KW"),
        ("x", "KS"),
        ("wr", "L"),
        ("kn", "N"),
        ("ng", "N"),
    ]
    out = []
    i = 0
    while i < len(s):
        for a, b in rules:
            if s.startswith(a, i):
                out.append(b)
                i += len(a)
                break
        else:
            c = s[i]
            nxt = s[i + 1] if i + 1 < len(s) else ""
            if c in "bp":
                out.append("P")
            elif c in "dt":
                out.append("T")
            elif c == "c":
                out.append("S" if nxt in "eiy" else "K")
            elif c in "gkq":
                out.append("S" if (c == "g" and nxt in "ei") else "K")
            elif c in "fv":
                out.append("F")
            elif c in "sz" or c == "j":
                out.append("S")
            elif c in "lr":
                out.append("L")
            elif c in "mn":
                out.append("N")
            elif c == "w":
                prev = s[i - 1] if i else ""
                out.append("V" if prev in "aeo" else "W")  # ew/ow/aw are vowels
            elif c == "h":
                out.append("")
            elif c in "aeiouy":
                out.append("V")
            i += 1
    code = "".join(out)
    code = re.sub(r"V+", "V", code)
    code = re.sub(r"(.)\1+", r"\1", code)
    return code


def _py_code(syllables: list[str]) -> str:
    out = []
    for syl in syllables:
        s = syl.lower()
        m = re.match(r"^(zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw]?)(.*)$", s)
        ini, fin = m.group(1), m.group(2)
        cls = {
            "b": "P",
            "p": "P",
            "d": "T",
            "t": "T",
            "g": "K",
            "k": "K",
            "h": "",
            "f": "F",
            "s": "S",
            "z": "S",
            "c": "S",
            "x": "S",
            "q": "S",
            "j": "S",
            "zh": "S",
            "ch": "S",
            "sh": "S",
            "r": "L",
            "l": "L",
            "m": "N",
            "n": "N",
            "w": "W",
            "y": "",
            "": "",
        }[ini]
        out.append(cls)
        if fin == "er" and not ini:
            out.append("L")  # 尔 renders English r / l
            continue
        out.append("V")
        if fin.endswith("ng") or fin.endswith("n"):
            out.append("N")
    code = "".join(out)
    code = re.sub(r"V+", "V", code)
    code = re.sub(r"(.)\1+", r"\1", code)
    return code


_SUB = {
    frozenset("KS"): 0.4,
    frozenset("FW"): 0.3,
    frozenset("FP"): 0.5,
    frozenset("TS"): 0.5,
    frozenset("LN"): 0.6,
    frozenset("KW"): 0.6,
}
_INDEL = {"N": 0.5, "L": 0.5, "W": 0.5, "K": 0.6, "T": 0.6}


def _sound_sim(a: str, b: str) -> float:
    """1 - weighted edit distance / longer length, on consonant-class strings."""
    if not a and not b:
        return 1.0
    n, m = len(a), len(b)
    d = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        d[i][0] = d[i - 1][0] + _INDEL.get(a[i - 1], 1.0)
    for j in range(1, m + 1):
        d[0][j] = d[0][j - 1] + _INDEL.get(b[j - 1], 1.0)
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            sub = 0.0 if a[i - 1] == b[j - 1] else _SUB.get(frozenset((a[i - 1], b[j - 1])), 1.0)
            d[i][j] = min(
                d[i - 1][j] + _INDEL.get(a[i - 1], 1.0),
                d[i][j - 1] + _INDEL.get(b[j - 1], 1.0),
                d[i - 1][j - 1] + sub,
            )
    return max(0.0, 1.0 - d[n][m] / max(n, m))


def _strip_generic_zh(zh: str) -> str:
    changed = True
    while changed and len(zh) > 1:
        changed = False
        for suf in ZH_GENERIC_SUFFIX:
            if zh.endswith(suf) and len(zh) > len(suf):
                zh = zh[: -len(suf)]
                changed = True
                break
    return zh


# Characters that carry meaning and are (almost) never used as sound
# syllables in standard transliteration (凤凰城 Phoenix, 金边 Phnom Penh).
MEANING_CHARS = set(
    "国城山湾天新旧东南北圣港岛河湖州口石白黑红绿青黄王皇火水凤凰龙"
    "复活节中途勋爵世六角象牙礁峡谷原野泉乡镇村宫殿寺庙桥阁楼市县区省"
    "铃微软盛花旗银行门户日邮联想反"
)


def classify(en: str, zh_hans: str, translit_chars: set[str], typ: str = "") -> tuple[str, dict]:
    """Return (kind, evidence). kind: kept / transliterated / established."""
    zh = zh_hans.split("|")[0]
    ev: dict = {}
    if (
        re.search(r"[A-Za-z]", zh)
        and re.sub(r"[^A-Za-z]", "", zh).lower() in re.sub(r"[^A-Za-z]", "", en).lower()
    ):
        return "kept", {"rule": "latin-in-zh"}
    words = re.findall(r"[A-Za-zÀ-ÿ']+", en)
    if typ == "person":  # Green, West, Post ... are surnames here
        meaning_hits, core_words, core_zh = [], words, zh
    else:
        meaning_hits = [
            w for w in words if w.lower() in MEANING_WORDS and MEANING_WORDS[w.lower()] in zh
        ]
        core_words = [w for w in words if w.lower() not in EN_GENERIC and w not in meaning_hits]
        core_zh = _strip_generic_zh(zh)
    for w in meaning_hits:
        core_zh = core_zh.replace(MEANING_WORDS[w.lower()], "")
    han = [c for c in core_zh if "\u4e00" <= c <= "\u9fff"]
    if not han or not core_words:
        return "established", {"rule": "no-core"}
    frac = sum(c in translit_chars for c in han) / len(han)
    en_code = _en_code("".join(core_words))
    py = lazy_pinyin("".join(han), style=Style.NORMAL, errors="ignore")
    zh_code = _py_code(py)
    cons_en = en_code.replace("V", "")
    cons_zh = zh_code.replace("V", "")
    # English post-vocalic r is usually silent in standard transliteration
    cons_en_r = _en_code(
        re.sub(r"(?<=[aeiouy])r(?![aeiouy])", "", "".join(core_words).lower())
    ).replace("V", "")
    sim = max(_sound_sim(cons_en, cons_zh), _sound_sim(cons_en_r, cons_zh))
    ev = {
        "core_zh": "".join(han),
        "pinyin": " ".join(py),
        "en_code": cons_en,
        "zh_code": cons_zh,
        "translit_frac": round(frac, 2),
        "sim": round(sim, 2),
        "meaning_words": ",".join(meaning_hits),
    }
    # a syllable budget: a transliteration has roughly one syllable per
    # English vowel group; meaning-based names are much shorter (德国 vs Germany)
    vowels = max(1, len(re.findall(r"[aeiouyà-ÿ]+", "".join(core_words).lower())))
    ev["syll_ratio"] = round(len(han) / vowels, 2)
    ev["meaning_chars"] = "".join(c for c in han if c in MEANING_CHARS)
    sound = (not ev["meaning_chars"]) and sim >= 0.6 and ev["syll_ratio"] >= 0.6
    if sound and not meaning_hits:
        ev["rule"] = "sound"
        return "transliterated", ev
    ev["rule"] = "meaning-hit" if (sound and meaning_hits) else "not-sound"
    return "established", ev


# --------------------------------------------------------------------------
# CedPane (public domain)
# --------------------------------------------------------------------------
DROP_QUAL = re.compile(
    r"old|alternate|variant|\?|uncertain|Taiwan|HK|short form|abbreviat|fictional|"
    r"Bible|Catholic|Cantonese|dialect|slang|informal|nickname|derogatory|"
    r"transliteration|Mormon|game|pun|joke|literary|classical",
    re.I,
)
CN_PLACE_QUAL = re.compile(
    r"\bin (Shandong|Guangdong|Henan|Hubei|Sichuan|Jiangsu|Hebei|Heilongjiang|"
    r"Zhejiang|Hunan|Xinjiang|Liaoning|Jilin|Yunnan|Shanxi|Shaanxi|Inner Mongolia|"
    r"Jiangxi|Anhui|Guangxi|Fujian|Guizhou|Gansu|Kaohsiung|Tainan|New Taipei|"
    r"Taichung|Hainan|Ningxia|HK|Tibet|Beijing|Tianjin|Taoyuan|Qinghai|Taipei|"
    r"Shanghai|Keelung|Chongqing|Hsinchu|Chiayi|Pingtung|Yilan|Hualien|Taitung|"
    r"Miaoli|Changhua|Nantou|Yunlin|Penghu|Kinmen|Macau|Macao|Taiwan|rural PRC)\b"
)
PLACE_QUAL = re.compile(
    r"^(city|island|river|place|lake|mountain|state|region|"
    r"province|country|capital|town in .*|city in .*|"
    r"island in .*|in [A-Z].*)$"
)
ORG_QUAL = re.compile(
    r"^(company|newspaper|brand|university|organisation|"
    r"organization|airline|bank|charity|broadcaster|magazine|"
    r"publisher|political party|band|agency)$",
    re.I,
)
ORG_WORD = re.compile(
    r"\b(University|College|Bank|Corporation|Company|Group|Organi[sz]ation|"
    r"Association|Society|Agency|Council|Institute|Times|Post|Party|Airlines|"
    r"Airways|Motors|Foundation|Federation|Commission|Museum|League|Press|Library|"
    r"Academy|Daily|News|Herald|Journal|Broadcasting|Corporation)\b"
)
DATED = re.compile(r"^(c\. ?)?\d{3,4}[-–]\d{2,4}$")
NOT_PERSON_WORD = re.compile(
    r"\b(Rebellion|States|Empire|Republic|Daily|War|Dynasty|Kingdom|Church|"
    r"Union|Manna|Movement|Society)\b"
)


def parse_en(field: str) -> tuple[list[str], str]:
    m = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", field)
    if m:
        names, qual = m.group(1), m.group(2)
    else:
        names, qual = field, ""
    return [n.strip() for n in names.split(";") if n.strip()], qual.strip()


def is_chinese_origin(en: str, zh: str) -> bool:
    """Chinese place/org names romanised in pinyin (Fuyang 富阳市)."""
    core = _strip_generic_zh(zh)
    py = "".join(lazy_pinyin(core, style=Style.NORMAL, errors="ignore"))
    e = re.sub(r"[^a-z]", "", unicodedata.normalize("NFKD", en.lower()))
    return bool(py) and (e == py or e.startswith(py) or py.startswith(e))


def read_cedpane(gitdir: str) -> list[tuple[int, list[str]]]:
    text = subprocess.run(
        ["git", "--git-dir", gitdir, "show", f"{CEDPANE_COMMIT}:{CEDPANE_PATH}"],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8")
    rows = []
    for no, line in enumerate(text.split("\n"), 1):
        f = line.split("\t")
        if no == 1 or len(f) < 3:
            continue
        rows.append((no, f))
    return rows


def cedpane_candidates(rows, stats):
    """Yield dicts (type, en, hans, hant, line, qual, subclass)."""
    for no, f in rows:
        en_field, hans, hant = f[0], f[1].strip(), f[2].strip()
        names, qual = parse_en(en_field)
        if not names or not hans:
            continue
        en = names[0]
        if not en[:1].isupper():
            continue
        typ = sub = None
        if qual in ("surname",):
            typ, sub = "person", "surname"
        elif qual in ("given name", "name"):
            typ, sub = "person", "given"
        elif DATED.match(qual) and len(en.split()) >= 2 and not NOT_PERSON_WORD.search(en):
            typ, sub = "person", "full"
        elif ORG_QUAL.match(qual) or (ORG_WORD.search(en) and not qual):
            typ, sub = "organisation", "org"
        elif PLACE_QUAL.match(qual) or (qual.startswith("in ") and not qual.startswith("in a")):
            typ, sub = "place", "place"
        if typ is None:
            continue
        if DROP_QUAL.search(qual):
            stats["cedpane dropped: variant/uncertain/old qualifier"] += 1
            continue
        if typ == "place" and CN_PLACE_QUAL.search(qual):
            stats["cedpane dropped: place inside China/Taiwan/HK"] += 1
            continue
        if is_chinese_origin(en, hans):
            stats["cedpane dropped: Chinese-origin name (pinyin = English)"] += 1
            continue
        if re.search(r"[A-Za-z]", hans) and typ != "organisation":
            stats["cedpane dropped: Latin letters in Chinese"] += 1
            continue
        yield dict(type=typ, sub=sub, en=en, hans=hans, hant=hant, line=no, qual=qual)


# --------------------------------------------------------------------------
# CLDR via Babel wheel
# --------------------------------------------------------------------------
SKIP_TERR = {"ZZ", "XA", "XB", "QO", "EZ", "UN", "EU", "001"}
ORG_TERR = {"UN": "United Nations", "EU": "European Union"}


def read_babel(wheel: str):
    sys.path.insert(0, wheel)  # pickles reference babel.* classes
    z = zipfile.ZipFile(wheel)

    def load(name):
        return pickle.loads(z.read(f"babel/locale-data/{name}.dat"))

    g = pickle.loads(z.read("babel/global.dat"))
    return load("en"), load("zh"), load("zh_Hant"), g.get("cldr", {}).get("version", "?")


# --------------------------------------------------------------------------


def hant_of(hans: str) -> str:
    return "|".join(S2TWP.convert(x) for x in hans.split("|"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("cedpane_git")
    ap.add_argument("babel_wheel")
    ap.add_argument("--out", default="names.tsv")
    ap.add_argument("--evidence", default="kind_evidence.tsv")
    ap.add_argument("--stats", action="store_true")
    ap.add_argument("--cap-surname", type=int, default=150)
    ap.add_argument("--cap-given", type=int, default=150)
    a = ap.parse_args()
    stats: collections.Counter = collections.Counter()

    ced_rows = read_cedpane(a.cedpane_git)
    # transliteration character inventory = characters of all CedPane
    # surname / given-name entries (used >= 3 times)
    cnt = collections.Counter()
    for _, f in ced_rows:
        _, q = parse_en(f[0])
        if q in ("surname", "given name", "name", "modern") or q.startswith("given name"):
            cnt.update(c for c in f[1] if "\u4e00" <= c <= "\u9fff")
    translit_chars = {c for c, n in cnt.items() if n >= 2}

    out = []  # (id, type, en, hans, hant, source)
    seen_en: set[tuple[str, str]] = set()

    # ---- CLDR territories and exemplar cities
    en_d, zh_d, hant_d, cldr_ver = read_babel(a.babel_wheel)
    bsrc = f"pypi:babel=={BABEL_VERSION}:babel/locale-data"
    for code in sorted(zh_d["territories"]):
        if not (len(code) == 2 and code.isalpha()) and code not in ORG_TERR:
            continue
        en = en_d["territories"].get(code)
        hans = zh_d["territories"][code]
        if code in SKIP_TERR - set(ORG_TERR) or not en:
            stats["cldr territory skipped (pseudo/unknown/eurozone)"] += 1
            continue
        hant = hant_d["territories"].get(code)
        note = ""
        if not hant:
            hant, note = hant_of(hans), " [zh_hant: opencc s2twp]"
        typ = "organisation" if code in ORG_TERR else "place"
        src = f"{bsrc}/{{zh,zh_Hant}}.dat:territories/{code} (CLDR {cldr_ver}){note}"
        out.append((f"cldr.territory.{code}", typ, en, hans, hant, src))
        seen_en.add((typ, en.lower()))
    for tz in sorted(zh_d["time_zones"]):
        city = zh_d["time_zones"][tz].get("city")
        if not city or tz.startswith("Etc/"):
            continue
        if tz.count("/") >= 2:  # America/North_Dakota/Center: zh adds the state
            stats["cldr city skipped: three-part tz id (zh name includes the US state)"] += 1
            continue
        en = en_d["time_zones"].get(tz, {}).get("city") or tz.split("/")[-1].replace("_", " ")
        if ("place", en.lower()) in seen_en:
            stats["cldr city skipped: same English as a territory"] += 1
            continue
        hant = hant_d["time_zones"].get(tz, {}).get("city")
        note = ""
        if not hant:
            hant, note = hant_of(city), " [zh_hant: opencc s2twp]"
        en_note = "" if en_d["time_zones"].get(tz, {}).get("city") else " [en from tz id]"
        src = f"{bsrc}/{{zh,zh_Hant}}.dat:time_zones/{tz}/city (CLDR {cldr_ver}){en_note}{note}"
        out.append((f"cldr.city.{tz.replace('/', '.')}", "place", en, city, hant, src))
        seen_en.add(("place", en.lower()))

    # ---- CedPane: group alternative renderings of the same English name
    groups: dict[tuple[str, str], list[dict]] = collections.OrderedDict()
    for c in cedpane_candidates(ced_rows, stats):
        key = (c["type"], c["en"])
        groups.setdefault(key, []).append(c)
    caps = {"surname": a.cap_surname, "given": a.cap_given}
    used = collections.Counter()
    for (typ, en), cs in groups.items():
        if (typ, en.lower()) in seen_en:
            stats[f"cedpane {typ} skipped: already from CLDR"] += 1
            continue
        sub = cs[0]["sub"]
        hans = "|".join(dict.fromkeys(c["hans"] for c in cs))
        hant = "|".join(dict.fromkeys(c["hant"] for c in cs))
        if hans.count("|") != hant.count("|"):
            # keep Simplified/Traditional aligned pairwise
            pairs = list(dict.fromkeys((c["hans"], c["hant"]) for c in cs))
            hans = "|".join(p[0] for p in pairs)
            hant = "|".join(p[1] for p in pairs)
        lines = ",".join(str(c["line"]) for c in cs)
        qualifier = cs[0]["qual"] or "-"
        src = f"ssb22/CedPane@{CEDPANE_COMMIT[:7]}:{CEDPANE_PATH}:{lines} [qualifier: {qualifier}]"
        out.append((f"cedpane.{sub}.{cs[0]['line']}", typ, en, hans, hant, src))
        used[sub] += 1
        seen_en.add((typ, en.lower()))

    # apply caps for CedPane surnames/given names: every k-th entry (alphabet spread)
    final = []
    by_sub = collections.defaultdict(list)
    for r in out:
        sub = r[0].split(".")[1] if r[0].startswith("cedpane.") else None
        by_sub[sub].append(r)
    for sub, rs in by_sub.items():
        cap = caps.get(sub)
        if cap and len(rs) > cap:
            step = len(rs) / cap
            keep = [rs[int(i * step)] for i in range(cap)]
            stats[f"cedpane {sub}: capped {len(rs)} -> {cap}"] += 1
            rs = keep
        final.extend(rs)

    order = {"cldr": 0, "cedpane": 1}
    final.sort(key=lambda r: (order[r[0].split(".")[0]], r[1], r[0]))
    with (
        open(a.out, "w", encoding="utf-8", newline="") as fo,
        open(a.evidence, "w", encoding="utf-8", newline="") as fe,
    ):
        fo.write("id\ttype\ten\tzh_hans\tzh_hant\tkind\tsource\n")
        fe.write(
            "id\tkind\trule\tcore_zh\tpinyin\ten_code\tzh_code\ttranslit_frac\tsim\tsyll_ratio\tmeaning_words\tmeaning_chars\n"
        )
        for rid, typ, en, hans, hant, src in final:
            kind, ev = classify(en, hans, translit_chars, typ)
            for field in (en, hans, hant, src):
                assert "\t" not in field and "\n" not in field, field
            fo.write(f"{rid}\t{typ}\t{en}\t{hans}\t{hant}\t{kind}\t{src}\n")
            fe.write(
                "\t".join(
                    [rid, kind, ev.get("rule", "")]
                    + [
                        str(ev.get(k, ""))
                        for k in (
                            "core_zh",
                            "pinyin",
                            "en_code",
                            "zh_code",
                            "translit_frac",
                            "sim",
                            "syll_ratio",
                            "meaning_words",
                            "meaning_chars",
                        )
                    ]
                )
                + "\n"
            )
            stats[f"rows {typ} {kind}"] += 1
            stats[f"rows {typ}"] += 1
            stats["rows"] += 1
    if a.stats:
        for k in sorted(stats):
            print(f"{k}\t{stats[k]}")


if __name__ == "__main__":
    main()
