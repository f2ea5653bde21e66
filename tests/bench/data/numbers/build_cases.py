#!/usr/bin/env python3
"""Regenerate cases.tsv from public ITN/TN test suites (offline).

Usage:
    python build_cases.py MIRROR_GIT_DIR [MIRROR_GIT_DIR ...] [-o cases.tsv]

Each argument is a bare git directory of one of the source repositories
(e.g. /work/.mirror/NVIDIA+NeMo-text-processing/repo).  The repository is
recognised by the files it contains; files are read with `git show HEAD:path`.
Needs `opencc` (pip package `opencc` / `opencc-python-reimplemented`) for the
Simplified <-> Traditional rows.  No network access is used.

Values are always derived from the *other* side of the test case (the digits
written by the test author), never from our own reading of the Chinese or
English words, so the corpus is an independent oracle.
"""

from __future__ import annotations

import argparse
import ast
import csv
import re
import subprocess
import sys
from collections import OrderedDict, defaultdict
from decimal import ROUND_HALF_EVEN, Decimal, getcontext
from fractions import Fraction
from pathlib import Path

getcontext().prec = 60

import opencc  # noqa: E402

S2T = opencc.OpenCC("s2twp.json")
T2S = opencc.OpenCC("t2s.json")

CAP_ZH = 40  # distinct Chinese expressions per class (=> 80 rows, two scripts)
CAP_EN = 80  # English rows per class


# ----------------------------------------------------------------- git access
class Repo:
    def __init__(self, gitdir: str, name: str):
        self.gitdir = gitdir
        self.name = name
        self.commit = self._git("rev-parse", "HEAD").strip()

    def _git(self, *args: str) -> str:
        return subprocess.run(
            ["git", "--git-dir", self.gitdir, *args], check=True, capture_output=True
        ).stdout.decode("utf-8")

    def has(self, path: str) -> bool:
        r = subprocess.run(
            ["git", "--git-dir", self.gitdir, "cat-file", "-e", f"HEAD:{path}"], capture_output=True
        )
        return r.returncode == 0

    def show(self, path: str) -> str:
        return self._git("show", f"HEAD:{path}")

    def loc(self, path: str, line: int) -> str:
        return f"{self.name}@{self.commit[:7]}:{path}:{line}"


KNOWN = {
    "NVIDIA/NeMo-text-processing": (
        "tests/nemo_text_processing/zh/data_inverse_text_normalization/test_cases_cardinal.txt"
    ),
    "wenet-e2e/WeTextProcessing": "itn/chinese/test/data/number.txt",
    "Ailln/cn2an": "cn2an/cn2an_test.py",
    "allo-media/text2num-rs": "src/lang/en/mod.rs",
    "akshaynagpal/w2n": "unit_testing.py",
}


# ------------------------------------------------------------ number helpers
def fmt(d) -> str:
    if isinstance(d, tuple):
        return f"{fmt(d[0])}~{fmt(d[1])}"
    d = Decimal(d)
    if d == d.to_integral_value():
        return str(d.quantize(Decimal(1)))
    s = format(d.normalize(), "f")
    return s


SCALE = {
    "万": 10**4,
    "萬": 10**4,
    "亿": 10**8,
    "億": 10**8,
    "千": 1000,
    "百": 100,
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
}

NUM = r"-?(?:\d[\d,]*)?\.?\d+"


def parse_scaled(s: str):
    """'1.5万' '100万1111' '1亿2300' '2000' '-3.5' '20.1万' -> Decimal."""
    s = s.replace(",", "").strip()
    if not s:
        return None
    sign = 1
    if s[0] in "-负負":
        sign, s = -1, s[1:]
    if not re.fullmatch(r"(?:\d*\.?\d+[万萬亿億])*(?:\d*\.?\d+)?", s) or not s:
        return None
    total = Decimal(0)
    # split into (number, scale) chunks, handle 亿 > 万 nesting: 1亿2300万 etc.
    big = Decimal(0)
    cur = Decimal(0)
    for num, sc in re.findall(r"(\d*\.?\d+)([万萬亿億]?)", s):
        v = Decimal(num)
        if sc in ("亿", "億"):
            big += (cur + v) * 10**8
            cur = Decimal(0)
        elif sc in ("万", "萬"):
            cur += v * 10**4
        else:
            cur += v
    total = big + cur
    return sign * total


def parse_range(s: str):
    """'300~500' '3~5万' '15-6' '730-40' '16000-7000' '63-4万' -> (lo, hi)."""
    s = s.replace(",", "")
    m = re.fullmatch(r"(\d+)~(\d+)([万亿]?)", s)
    if m:
        k = SCALE.get(m.group(3), 1)
        return Decimal(m.group(1)) * k, Decimal(m.group(2)) * k
    m = re.fullmatch(r"(\d+)-(\d+)([万亿]?)", s)
    if m:
        lo, hs = int(m.group(1)), m.group(2)
        p = 10 ** len(hs.rstrip("0") if hs.rstrip("0") else hs)
        p = 10 ** len(hs)
        hi = lo - lo % p + int(hs)
        if hi <= lo:
            return None
        k = SCALE.get(m.group(3), 1)
        return Decimal(lo) * k, Decimal(hi) * k
    return None


def frac_value(n: int, d: int, whole: int = 0, neg: bool = False):
    f = Fraction(n, d) + whole
    if neg:
        f = -f
    v = (Decimal(f.numerator) / Decimal(f.denominator)).quantize(Decimal("1e-12"), ROUND_HALF_EVEN)
    tag = f"{'-' if neg else ''}{str(whole) + ' ' if whole else ''}{n}/{d}"
    return v, "frac:" + tag


# --------------------------------------------------------- zh written parser
ZH_CUR_PREFIX = [
    ("US$", "USD"),
    ("JPY¥", "JPY"),
    ("A$", "AUD"),
    ("HKD", "HKD"),
    ("TWD", "TWD"),
    ("CNY", "CNY"),
    ("RM", "MYR"),
    ("$", "USD"),
    ("£", "GBP"),
    ("€", "EUR"),
    ("₩", "KRW"),
    ("¥", "CNY"),
    ("￥", "CNY"),
    ("₹", "INR"),
    ("₽", "RUB"),
]
ZH_CUR_SUFFIX = [
    ("印度卢布", "INR"),
    ("马来西亚令吉", "MYR"),
    ("新台币", "TWD"),
    ("人民币", "CNY"),
    ("美元", "USD"),
    ("英镑", "GBP"),
    ("欧元", "EUR"),
    ("韩元", "KRW"),
    ("日元", "JPY"),
    ("港元", "HKD"),
    ("澳元", "AUD"),
    ("卢布", "RUB"),
    ("块钱", "CNY"),
    ("块", "CNY"),
    ("元", "CNY"),
]
ZH_MEASURE = {
    "kg": "kg",
    "千克": "kg",
    "g": "g",
    "km/h": "km/h",
    "m²": "m²",
    "°C": "°C",
    "℃": "°C",
    "ms": "ms",
    "mol": "mol",
    "km": "km",
    "s": "s",
    "min": "min",
    "kwh": "kWh",
    "°": "°",
    "斤": "jin",
}


def zh_parse_written(w: str):
    """Return (kind, value, unit, form) or None. form: 'plain'|'range'|... ."""
    w = w.strip().replace("，", ",")
    if not w:
        return None
    neg = False
    core = w
    if core[0] in "-负":
        neg, core = True, core[1:]
    # percent
    m = re.fullmatch(r"(\d+(?:\.\d+)?)%", core) or re.fullmatch(r"百分之(\d+(?:\.\d+)?)", core)
    if m:
        v = Decimal(m.group(1))
        return "percent", -v if neg else v, "", "percent"
    m = re.fullmatch(r"(\d+)~(\d+)%", core)
    if m and not neg:
        return "percent", (Decimal(m.group(1)), Decimal(m.group(2))), "", "range"
    # fractions
    m = re.fullmatch(r"(?:(\d+)又)?(\d+)/(\d+)", core)
    if m and not re.fullmatch(r"\d{4}/\d{2}(/\d{2})?|\d{2}/\d{2}", core):
        v, u = frac_value(int(m.group(2)), int(m.group(3)), int(m.group(1) or 0), neg)
        return "fraction", v, u, "fraction"
    m = re.fullmatch(r"(?:(\d+)又)?(\d+)分之(\d+)", core)
    if m:
        v, u = frac_value(int(m.group(3)), int(m.group(2)), int(m.group(1) or 0), neg)
        return "fraction", v, u, "fraction"
    # ordinal
    m = re.fullmatch(r"第([\d,]+[万萬亿億]?\d*)", w)
    if m:
        v = parse_scaled(m.group(1))
        if v is not None:
            return "ordinal", v, "", "ordinal"
    # dates (4-digit years only; BC dropped)
    if "前" in w or "bc" in w.lower():
        return None
    m = re.fullmatch(r"(?:公元)?(\d{4})年", w)
    if m:
        return "year", Decimal(m.group(1)), "", "year"
    for pat in (
        r"(?:公元)?(\d{4})年(\d{1,2})月(\d{1,2})[日号]",
        r"(\d{4})/(\d{2})/(\d{2})",
        r"(\d{4})年(\d{2})/(\d{2})",
    ):
        m = re.fullmatch(pat, w)
        if m:
            y, mo, d = map(int, m.groups())
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return "date", f"{y:04d}-{mo:02d}-{d:02d}", "", "date"
    for pat in (r"(?:公元)?(\d{4})年(\d{1,2})月", r"(\d{4})/(\d{2})"):
        m = re.fullmatch(pat, w)
        if m:
            y, mo = map(int, m.groups())
            if 1 <= mo <= 12:
                return "date", f"{y:04d}-{mo:02d}", "", "date"
    for pat in (r"(\d{1,2})月(\d{1,2})[日号]", r"(\d{2})/(\d{2})"):
        m = re.fullmatch(pat, w)
        if m:
            mo, d = map(int, m.groups())
            if 1 <= mo <= 12 and 1 <= d <= 31:
                return "date", f"--{mo:02d}-{d:02d}", "", "date"
    m = re.fullmatch(r"(\d{1,2})月", w)
    if m and 1 <= int(m.group(1)) <= 12:
        return "month", f"--{int(m.group(1)):02d}", "", "date"
    # times
    m = re.fullmatch(r"(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?\s*(a\.m\.|p\.m\.|am|pm)?", w)
    if not m:
        m = re.fullmatch(r"(\d{1,2})点(\d{1,2})分(?:(\d{1,2})秒)?(am|pm)?", w)
    if m:
        h, mi = int(m.group(1)), int(m.group(2))
        sec = m.group(3)
        ap = (m.group(4) or "").replace(".", "")
        if ap == "pm" and h < 12:
            h += 12
        if ap == "am" and h == 12:
            h = 0
        if h < 24 and mi < 60:
            return "time", f"{h:02d}:{mi:02d}" + (f":{int(sec):02d}" if sec else ""), "", "time"
    m = re.fullmatch(r"(\d{1,2})点(半|(\d)刻)?", w)
    if m:
        h = int(m.group(1))
        mi = 30 if m.group(2) == "半" else (15 * int(m.group(3)) if m.group(3) else 0)
        if h < 24 and mi < 60:
            return "time", f"{h:02d}:{mi:02d}", "", "time"
    # money
    m = re.fullmatch(r"(\d+)块(\d)毛", core)
    if m:
        v = Decimal(m.group(1)) + Decimal(m.group(2)) / 10
        return "amount", -v if neg else v, "CNY", "money"
    m = re.fullmatch(r"(\d+(?:\.\d+)?)[角毛]", core)
    if m:
        v = Decimal(m.group(1)) / 10
        return "amount", -v if neg else v, "CNY", "money"
    for pre, code in ZH_CUR_PREFIX:
        if core.startswith(pre):
            rest = core[len(pre) :].strip()
            v = parse_scaled(rest)
            if v is None:
                v = parse_range(rest)
            if v is not None:
                return "amount", v, code, "money"
            return None
    for suf, code in ZH_CUR_SUFFIX:
        if core.endswith(suf):
            rest = core[: -len(suf)].strip()
            v = parse_scaled(rest)
            if v is not None:
                return "amount", -v if neg else v, code, "money"
            return None
    # measures
    for suf in sorted(ZH_MEASURE, key=len, reverse=True):
        if core.endswith(suf) and core[: -len(suf)]:
            rest = core[: -len(suf)]
            v = parse_scaled(rest)
            if v is None and not neg:
                v = parse_range(rest)
            if v is not None:
                if neg and not isinstance(v, tuple):
                    v = -v
                return "amount", v, ZH_MEASURE[suf], "measure"
            return None
    # plain / scaled numbers
    v = parse_scaled(w)
    if v is not None:
        return "amount", v, "", "plain"
    r = parse_range(w)
    if r is not None:
        return "amount", r, "", "range"
    return None


ZH_DIG = "零〇一二三四五六七八九两兩幺壹贰貳叁參肆伍陆陸柒捌玖"
ZH_UNIT = "十拾百佰千仟万萬亿億"
CAPITAL = set("壹贰貳叁參肆伍陆陸柒捌玖拾佰仟")


def zh_class(spoken: str, kind: str, unit: str, form: str, value) -> str | None:
    s = spoken
    has_ascii = bool(re.search(r"\d", s))
    if kind in ("date", "month"):
        return "date"
    if kind == "year":
        return "year-digitwise" if not re.search(r"[十百千]", s) else "year"
    if kind == "time":
        return "time"
    if kind == "ordinal":
        return "ordinal"
    if kind == "fraction":
        return "fraction"
    if kind == "percent":
        return "approx-range" if form == "range" else "percent"
    if kind == "points":
        return "points"
    if form == "range":
        return "approx-range"
    if s.startswith("零下"):
        return "sign"
    if form == "money":
        if has_ascii:
            return "money-digits"
        if re.search(r"[元圆块塊].+[角毛分]", s):
            return "money-yuan-jiao"
        if CAPITAL & set(s):
            return "capital"
        return "money"
    if form == "measure":
        return "measure"
    # plain amounts
    if has_ascii:
        if re.fullmatch(r"[-\d.,]+", s):
            return "digits"
        if re.fullmatch(r"-?[\d.,]+[万萬亿億]", s):
            return "digits-scale"
        return "mixed"
    if s[0] in "负負":
        return "sign"
    if CAPITAL & set(s):
        return "capital"
    if s.startswith("廿") or "〇" in s:
        return "numeral-variant"
    if "点" in s or "點" in s:
        return "decimal-dian"
    body = re.sub(r"[点點].*", "", s)
    if len(body) > 1 and not set(body) & set(ZH_UNIT):
        return "numeral-digitwise"
    if len(s) >= 2 and s[-1] in ZH_DIG[2:] and s[-2] in "百佰千仟万萬亿億":
        return "colloquial"
    if s.startswith(("两", "兩")) or re.search(r"[两兩][千百万萬亿億]", s):
        return "colloquial" if False else ("numeral-zero" if "零" in s else "numeral-liang")
    if "零" in s[1:]:
        return "numeral-zero"
    return "numeral"


def strip_affix(a: str, b: str):
    """Remove common prefix/suffix of a and b (sentence-embedded cases)."""
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    # do not cut inside a run of ASCII digits or Chinese numerals
    while i > 0 and (a[i - 1] in ZH_DIG + ZH_UNIT + "点第负" or a[i - 1].isdigit()):
        i -= 1
    j = 0
    while j < min(len(a), len(b)) - i and a[len(a) - 1 - j] == b[len(b) - 1 - j]:
        j += 1
    while j > 0 and (a[len(a) - j] in ZH_DIG + ZH_UNIT + "点%" or a[len(a) - j].isdigit()):
        j -= 1
    pre, suf = a[:i], a[len(a) - j :]
    return a[i : len(a) - j], b[i : len(b) - j], pre, suf


# expected outputs we judge not to be a well-defined value
BLOCK = {"三百九十九三": "ill-formed numeral (test expects digit concatenation 3993)"}

SUFFIX_KEEP = ("个百分点", "个百分點", "人", "块钱")


# --------------------------------------------------------------- collection
class Collector:
    def __init__(self):
        self.rows = []  # dicts
        self.dropped = defaultdict(lambda: defaultdict(int))
        self.used = defaultdict(lambda: defaultdict(int))

    def drop(self, repo, path, why):
        self.dropped[repo.name][f"{path}: {why}"] += 1

    def zh(self, repo, path, line, written, parsed, order_key, spoken_for_class=None):
        kind, value, unit, form = parsed
        written = written.strip()
        if not written or re.search(r"[A-Za-z]", written):
            self.drop(repo, path, "latin letters in expression")
            return
        cls = zh_class(spoken_for_class or written, kind, unit, form, value)
        if cls is None:
            return
        if kind == "amount" and form == "plain" and cls == "digits":
            return  # bare Arabic numerals are trivial
        v = value if isinstance(value, str) else fmt(value)
        if kind == "month":
            kind = "month"
        hans = T2S.convert(written)
        hant = S2T.convert(hans)
        orig_is_hant = written != hans
        loc = repo.loc(path, line)
        for lang, text in (("zh-Hans", hans), ("zh-Hant", hant)):
            original = (lang == "zh-Hant") == orig_is_hant
            src = loc + (
                " [original]"
                if original
                else f" [opencc {'t2s' if orig_is_hant else 's2twp'} of: {written}]"
            )
            self.rows.append(
                dict(
                    lang=lang,
                    cls=cls,
                    written=text,
                    value=v,
                    kind=kind,
                    unit=unit,
                    source=src,
                    key=hans,
                    repo=repo.name,
                    path=path,
                    order=order_key,
                )
            )

    def en(self, repo, path, line, written, kind, value, unit, cls, order_key):
        v = value if isinstance(value, str) else fmt(value)
        self.rows.append(
            dict(
                lang="en",
                cls=cls,
                written=written.strip(),
                value=v,
                kind=kind,
                unit=unit,
                source=repo.loc(path, line),
                key=written.strip().lower(),
                repo=repo.name,
                path=path,
                order=order_key,
            )
        )


def zh_pair(col, repo, path, line, spoken, written, order):
    """spoken = Chinese words side, written = digits side (already oriented)."""
    spoken, written = spoken.strip(), written.strip()
    if re.search(r"[幺洞拐]", spoken) or (
        re.fullmatch(r"\d{7,}", written.replace(",", ""))
        and not re.search(r"[十百千万亿萬億]", spoken)
    ):
        col.drop(repo, path, "phone/ID/digit string")
        return
    p = zh_parse_written(written)
    sp, wr = spoken, written
    if p is None:
        sp, wr, _pre, suf = strip_affix(spoken, written)
        # keep a few meaningful suffixes
        if suf.startswith(("个百分点",)):
            p0 = zh_parse_written(wr)
            if p0 and p0[0] == "amount" and p0[3] == "plain":
                p = ("points", p0[1], "", "points")
                sp = sp + "个百分点"
        elif suf.startswith("块钱") or suf.startswith("人民币") or suf.startswith("元"):
            p = None
        if p is None and sp and wr and sp != spoken:
            p = zh_parse_written(wr)
    if p is None:
        col.drop(repo, path, "expected side not a single number expression")
        return
    want = {"date": ("date", "year", "month"), "time": ("time",)}
    for hint, kinds in want.items():
        if re.search(rf"/(test_cases_)?{hint}\.txt$", path) and p[0] not in kinds:
            col.drop(repo, path, f"not a {hint} (duration / ambiguous)")
            return
    if not sp or (re.search(r"\d", sp) and not re.search(r"[万萬亿億分之又百]", sp)):
        col.drop(repo, path, "spoken side has no Chinese numeral")
        return
    if p[0] == "fraction" and not re.search(r"分之|/", sp):
        col.drop(repo, path, "fraction value but no fraction in spoken side")
        return
    if p[0] == "time" and re.search(r"晚上|凌晨", sp) and int(p[1][:2]) < 18:
        col.drop(repo, path, "time: period word contradicts expected hour")
        return
    if re.fullmatch(r"[零一二三四五六七八九]{7,}", sp):
        col.drop(repo, path, "phone/ID/digit string")
        return
    if sp in BLOCK:
        col.drop(repo, path, BLOCK[sp])
        return
    if "到" in sp or "至" in sp:
        col.drop(repo, path, "explicit range (到)")
        return
    if p[0] == "time" and ("上午" in sp or "下午" in sp or "晚上" in sp or "早上" in sp):
        pass
    col.zh(repo, path, line, sp, p, order)
    # written side itself a non-trivial form (2.4万, 3万2千, 5分之2, 1又1/2, 百分之1)
    if (
        re.search(r"\d", wr)
        and re.search(r"[万萬亿億]|分之|又|百分之|第.*[万亿]|块\d毛", wr)
        and p[0] not in ("date", "year", "time", "month")
    ):
        col.zh(repo, path, line, wr, p, order + 0.5)


def read_pairs(repo, path, sep):
    text = repo.show(path)
    for i, line in enumerate(text.splitlines(), 1):
        if sep not in line or line.startswith("#"):
            continue
        a, b = line.split(sep, 1)
        yield i, a, b


def src_nemo(col, repo):
    itn = "tests/nemo_text_processing/zh/data_inverse_text_normalization/test_cases_%s.txt"
    tn = "tests/nemo_text_processing/zh/data_text_normalization/test_cases_%s.txt"
    for f in ("cardinal", "decimal", "fraction", "money", "ordinal", "date", "time"):
        p = itn % f
        for i, a, b in read_pairs(repo, p, "~"):
            zh_pair(col, repo, p, i, a, b, i)
    for f in ("cardinal", "decimal", "fraction", "measure", "money", "ordinal", "date", "time"):
        p = tn % f
        for i, a, b in read_pairs(repo, p, "~"):
            zh_pair(col, repo, p, i, b, a, i)
    for f in ("cardinal", "decimal", "money", "measure", "date", "time", "ordinal"):
        p = f"tests/nemo_text_processing/en/data_inverse_text_normalization/test_cases_{f}.txt"
        for i, a, b in read_pairs(repo, p, "~"):
            en_pair(col, repo, p, i, a, b, f)
    for f in ("fraction", "money", "measure", "decimal", "date", "time", "cardinal", "ordinal"):
        p = f"tests/nemo_text_processing/en/data_text_normalization/test_cases_{f}.txt"
        for i, a, b in read_pairs(repo, p, "~"):
            en_pair(col, repo, p, i, b, a, f)


def src_wetext(col, repo):
    for f in ("number", "cardinal", "measure", "money", "fraction", "date", "time", "normalizer"):
        p = f"itn/chinese/test/data/{f}.txt"
        for i, a, b in read_pairs(repo, p, " => "):
            zh_pair(col, repo, p, i, a, b, i)
    for f in ("number", "money", "measure", "fraction", "date", "time"):
        p = f"tn/chinese/test/data/{f}.txt"
        for i, a, b in read_pairs(repo, p, " => "):
            zh_pair(col, repo, p, i, b, a, i)
    for f in ("cardinal", "decimal", "money", "measure", "date", "time", "ordinal"):
        p = f"itn/english/test/data/en_{f}.txt"
        for i, a, b in read_pairs(repo, p, " => "):
            en_pair(col, repo, p, i, a, b, f)


def _dict_literals(src: str, names):
    tree = ast.parse(src)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict):
            t = node.targets[0]
            name = t.attr if isinstance(t, ast.Attribute) else getattr(t, "id", None)
            if name in names:
                for k, v in zip(node.value.keys, node.value.values, strict=False):
                    yield name, k.lineno, ast.literal_eval(k), ast.literal_eval(v)


def src_cn2an(col, repo):
    p = "cn2an/cn2an_test.py"
    for _name, line, k, v in _dict_literals(
        repo.show(p), {"strict_data_dict", "normal_data_dict", "smart_data_dict"}
    ):
        if not isinstance(v, (int, float)):
            continue
        val = Decimal(repr(v)) if isinstance(v, float) else Decimal(v)
        unit = "CNY" if re.search(r"[元圆角]", k) else ""
        text = re.sub(r"[元圆](整|正)?$", "", k) if unit and not re.search(r"[角分]", k) else k
        form = "money" if unit else "plain"
        if re.fullmatch(r"[-\d.]+", k):
            continue
        col.zh(repo, p, line, k, ("amount", val, unit, form), line)
    p = "cn2an/an2cn_test.py"
    for _name, line, k, forms in _dict_literals(repo.show(p), {"input_data"}):
        if not isinstance(forms, list):
            continue
        val = Decimal(repr(k)) if isinstance(k, float) else Decimal(k)
        for idx, text in enumerate(forms):
            if idx == 2:  # RMB capital form: rounded to fen, keep only exact ones
                if val != val.quantize(Decimal("0.01")) or val == 0:
                    continue
                col.zh(repo, p, line, text, ("amount", val, "CNY", "money"), line + idx / 10)
            else:
                col.zh(repo, p, line, text, ("amount", val, "", "plain"), line + idx / 10)
    p = "cn2an/transform_test.py"
    for name, line, k, v in _dict_literals(repo.show(p), {"strict_data_dict", "smart_data_dict"}):
        spoken, written = (v, k) if name == "strict_data_dict" else (k, v)
        zh_pair(col, repo, p, line, spoken, written, line)


# ---------------------------------------------------------------- English
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
EN_CUR = [("us$", "USD"), ("$", "USD"), ("£", "GBP"), ("€", "EUR"), ("₩", "KRW"), ("¥", "JPY")]
EN_UNITS = {
    "km": "km",
    "m": "m",
    "cm": "cm",
    "mm": "mm",
    "nm": "nm",
    "kg": "kg",
    "g": "g",
    "mg": "mg",
    "ft": "ft",
    "mi": "mile",
    "lb": "lb",
    "lbs": "lb",
    "oz": "oz",
    "ml": "ml",
    "l": "l",
    "km²": "km²",
    "m²": "m²",
    "ha": "ha",
    "hp": "hp",
    "kWh": "kWh",
    "km/h": "km/h",
    "mph": "mph",
    "°C": "°C",
    "°F": "°F",
    "kw": "kW",
    "kW": "kW",
    "mW": "mW",
    "MW": "MW",
    "cc": "cc",
    "in": "in",
    "yd": "yd",
    "s": "s",
    "min": "min",
    "h": "h",
    "khz": "kHz",
    "mhz": "MHz",
    "ghz": "GHz",
    "km³": "km³",
    "au": "au",
    "kl": "kl",
    "mv": "mV",
    "gb": "GB",
    "mb": "MB",
    "kb": "kb",
    "t": "t",
}
EN_SCALE = r"(thousand|million|billion|trillion)"


def en_num(s: str):
    s = s.replace(",", "").strip()
    m = re.fullmatch(r"(-?\d*\.?\d+)(?:\s*" + EN_SCALE + r")?", s)
    if not m:
        return None
    v = Decimal(m.group(1))
    if m.group(2):
        v *= SCALE[m.group(2)]
    return v


def en_pair(col, repo, path, line, spoken, written, f):
    spoken, written = spoken.strip(), written.strip()
    sp_l = spoken.lower()
    if re.search(r"\d", spoken) or not spoken:
        col.drop(repo, path, "spoken side contains digits")
        return
    w = written
    wl = w.lower()
    # ordinals
    m = re.fullmatch(r"([\d,]+)(st|nd|rd|th)", wl)
    if m:
        if re.search(r"(first|second|third|th)$", sp_l) and not re.search(r" (th|st|nd|rd)$", sp_l):
            col.en(
                repo,
                path,
                line,
                spoken,
                "ordinal",
                Decimal(m.group(1).replace(",", "")),
                "",
                "en-ordinal",
                line,
            )
        else:
            col.drop(repo, path, "malformed ordinal (e.g. '1th~one th')")
        return
    if f == "fraction":
        m = re.fullmatch(r"(?:(\d+) )?(\d+)/(\d+)", w)
        if m and int(m.group(3)) != 0:
            v, u = frac_value(int(m.group(2)), int(m.group(3)), int(m.group(1) or 0))
            col.en(repo, path, line, spoken, "fraction", v, u, "en-fraction", line)
        else:
            col.drop(repo, path, "fraction form not a/b")
        return
    if f == "date":
        mo = "|".join(MONTHS)
        mm = re.fullmatch(rf"({mo})\.? (\d{{1,2}}),? (\d{{4}})", wl) or None
        if mm:
            return col.en(
                repo,
                path,
                line,
                spoken,
                "date",
                f"{mm.group(3)}-{MONTHS.index(mm.group(1)) + 1:02d}-{int(mm.group(2)):02d}",
                "",
                "en-date",
                line,
            )
        mm = re.fullmatch(rf"(\d{{1,2}}) ({mo}) (\d{{4}})", wl)
        if mm:
            return col.en(
                repo,
                path,
                line,
                spoken,
                "date",
                f"{mm.group(3)}-{MONTHS.index(mm.group(2)) + 1:02d}-{int(mm.group(1)):02d}",
                "",
                "en-date",
                line,
            )
        mm = re.fullmatch(r"(\d{4})/(\d{2})/(\d{2})", wl)
        if (mm and "twenty" in sp_l) or (mm and "thousand" in sp_l):
            return col.en(
                repo,
                path,
                line,
                spoken,
                "date",
                f"{mm.group(1)}-{mm.group(2)}-{mm.group(3)}",
                "",
                "en-date",
                line,
            )
        mm = re.fullmatch(rf"({mo})\.? (\d{{1,2}})", wl)
        if mm:
            return col.en(
                repo,
                path,
                line,
                spoken,
                "date",
                f"--{MONTHS.index(mm.group(1)) + 1:02d}-{int(mm.group(2)):02d}",
                "",
                "en-date",
                line,
            )
        mm = re.fullmatch(rf"(\d{{1,2}}) ({mo})", wl)
        if mm:
            return col.en(
                repo,
                path,
                line,
                spoken,
                "date",
                f"--{MONTHS.index(mm.group(2)) + 1:02d}-{int(mm.group(1)):02d}",
                "",
                "en-date",
                line,
            )
        mm = re.fullmatch(rf"({mo}) (\d{{4}})", wl)
        if mm:
            return col.en(
                repo,
                path,
                line,
                spoken,
                "date",
                f"{mm.group(2)}-{MONTHS.index(mm.group(1)) + 1:02d}",
                "",
                "en-date",
                line,
            )
        mm = re.fullmatch(r"q([1-4]) (\d{4})", wl)
        if mm:
            return col.en(
                repo,
                path,
                line,
                spoken,
                "quarter",
                f"{mm.group(2)}-Q{mm.group(1)}",
                "",
                "en-quarter",
                line,
            )
        mm = re.fullmatch(r"(\d{4})", wl)
        if mm:
            return col.en(
                repo, path, line, spoken, "year", Decimal(mm.group(1)), "", "en-year", line
            )
        col.drop(repo, path, "date form not handled (decades, BC, AD, ambiguous d/m)")
        return
    if f == "time" and re.search(r"\b(hours?|minutes?|seconds?)\b", sp_l):
        col.drop(repo, path, "duration, not clock time")
        return
    if f == "time":
        mm = re.fullmatch(
            r"(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*(a\.?m\.?|p\.?m\.?)?", wl
        ) or re.fullmatch(r"(\d{1,2})()()\s*(a\.?m\.?|p\.?m\.?)", wl)
        if mm:
            h, mi = int(mm.group(1)), int(mm.group(2) or 0)
            ap = (mm.group(4) or "").replace(".", "")
            if ap == "pm" and h < 12:
                h += 12
            if ap == "am" and h == 12:
                h = 0
            sec = f":{int(mm.group(3)):02d}" if mm.group(3) else ""
            return col.en(
                repo, path, line, spoken, "time", f"{h:02d}:{mi:02d}{sec}", "", "en-time", line
            )
        col.drop(repo, path, "time with timezone / in sentence")
        return
    if f == "money":
        cur = ""
        rest = wl
        for sym, code in EN_CUR:
            if rest.startswith(sym):
                cur, rest = code, rest[len(sym) :]
                break
        for word, code in ((" yuan", "CNY"), (" won", "KRW")):
            if rest.endswith(word):
                cur, rest = code, rest[: -len(word)]
        if "pound" in sp_l or "pence" in sp_l:
            cur = "GBP" if cur in ("", "GBP") else None
        if "yen" in sp_l:
            cur = "JPY"
        v = en_num(rest)
        if v is not None and cur:
            return col.en(repo, path, line, spoken, "amount", v, cur, "en-money", line)
        col.drop(repo, path, "money form not handled")
        return
    if f == "measure" and re.fullmatch(r"-?[\d,]*\.?\d+ ?%", w) and "percent" in sp_l:
        return col.en(
            repo,
            path,
            line,
            spoken,
            "percent",
            Decimal(w.rstrip("% ").replace(",", "")),
            "",
            "en-percent",
            line,
        )
    if f == "measure":
        mm = re.fullmatch(r"(-?[\d,]*\.?\d+)(?: (million))? ?(\S+)", w)
        if mm and mm.group(3) in EN_UNITS:
            v = Decimal(mm.group(1).replace(",", ""))
            if mm.group(2):
                v *= 10**6
            u = EN_UNITS[mm.group(3)]
            if "megawatt" in sp_l:
                u = "MW"
            if "kilobyte" in sp_l:
                u = "kB"
            if u == "mW" and "milliwatt" not in sp_l:
                u = "MW" if "mega" in sp_l else u
            if u == "m" and "mile" in sp_l:
                u = "mile"
            return col.en(repo, path, line, spoken, "amount", v, u, "en-measure", line)
        col.drop(repo, path, "measure unit not in allowlist / in sentence")
        return
    v = en_num(w)
    if re.fullmatch(r"0\d+", w):
        col.drop(repo, path, "leading zeros (digit string)")
        return
    if v is None:
        col.drop(repo, path, "not a plain number")
        return
    if f == "cardinal" and re.fullmatch(
        r"((zero|one|two|three|four|five|six|seven|eight|nine|o)( |$)){2,}", sp_l
    ):
        cls = "en-digitwise"
    elif "point" in sp_l:
        cls = "en-spoken-decimal"
    elif re.search(r"\b(lakh|crore)\b", sp_l):
        cls = "en-words-indian"
    elif re.search(
        r"(ten|eleven|twelve|teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety) hundred",
        sp_l,
    ):
        cls = "en-words-hundreds"
    else:
        cls = "en-words"
    if v < 0 or sp_l.startswith(("minus", "negative")):
        cls = "en-sign"
    col.en(repo, path, line, spoken, "amount", v, "", cls, line)


def src_t2n(col, repo):
    p = "src/lang/en/mod.rs"
    text = repo.show(p)
    for m in re.finditer(r'assert_text2digits!\(\s*"([^"]+)",\s*"([^"]+)"\s*\)', text):
        line = text.count("\n", 0, m.start()) + 1
        if text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip().startswith("//"):
            col.drop(repo, p, "commented-out assertion")
            continue
        spoken, w = m.group(1), m.group(2)
        mm = re.fullmatch(r"(\d+)(st|nd|rd|th)", w)
        if mm:
            col.en(repo, p, line, spoken, "ordinal", Decimal(mm.group(1)), "", "en-ordinal", line)
        elif re.fullmatch(r"[1-9]\d*", w):
            cls = (
                "en-words-hundreds"
                if re.search(r"(teen|ty|ten|eleven|twelve) hundred", spoken)
                else "en-words"
            )
            col.en(repo, p, line, spoken, "amount", Decimal(w), "", cls, line)
        else:
            col.drop(repo, p, "leading zeros / plural fractional ordinals")


def src_w2n(col, repo):
    p = "unit_testing.py"
    text = repo.show(p)
    for m in re.finditer(r"word_to_num\((['\"])([^'\"]+)\1\)\s*,\s*([\d.]+)\)", text):
        line = text.count("\n", 0, m.start()) + 1
        spoken, val = m.group(2), m.group(3)
        if re.search(r"\d", spoken) or val == "0":
            col.drop(repo, p, "digit input or degenerate (returns 0)")
            continue
        cls = "en-spoken-decimal" if "point" in spoken else "en-words"
        col.en(repo, p, line, spoken, "amount", Decimal(val), "", cls, line)


SOURCES = {
    "NVIDIA/NeMo-text-processing": src_nemo,
    "wenet-e2e/WeTextProcessing": src_wetext,
    "Ailln/cn2an": src_cn2an,
    "allo-media/text2num-rs": src_t2n,
    "akshaynagpal/w2n": src_w2n,
}


def select(rows):
    """Dedupe, drop conflicts, cap classes with round-robin over source files."""
    # conflicts: same normalised text, different value/kind
    seen = OrderedDict()
    conflicts = set()
    for r in rows:
        k = (r["lang"], r["key"])
        if k in seen and (seen[k]["value"], seen[k]["kind"]) != (r["value"], r["kind"]):
            conflicts.add(k)
        seen.setdefault(k, r)
    out = [r for k, r in seen.items() if k not in conflicts]
    by_cls = defaultdict(list)
    for r in out:
        by_cls[(r["lang"] != "en", r["cls"])].append(r)
    final = []
    for (is_zh, _cls), rs in by_cls.items():
        cap = CAP_ZH if is_zh else CAP_EN
        # for zh, operate on expressions (keys) so both scripts stay together
        groups = OrderedDict()
        for r in rs:
            groups.setdefault(r["key"], []).append(r)
        per_file = OrderedDict()
        for _key, g in groups.items():
            per_file.setdefault((g[0]["repo"], g[0]["path"]), []).append(g)
        picked = []
        queues = [list(v) for v in per_file.values()]
        while queues and len(picked) < cap:
            for q in list(queues):
                if not q:
                    queues.remove(q)
                    continue
                # alternate between first and last halves for variety
                picked.append(q.pop(0) if len(picked) % 2 == 0 else q.pop(len(q) // 2))
                if len(picked) >= cap:
                    break
        for g in picked:
            final.extend(g)
    return final, conflicts


def main(argv=None):
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("gitdirs", nargs="+")
    ap.add_argument("-o", "--out", default=str(Path(__file__).with_name("cases.tsv")))
    ap.add_argument("--stats", action="store_true", help="print used/dropped counts")
    a = ap.parse_args(argv)
    col = Collector()
    found = []
    for gd in a.gitdirs:
        for name, probe in KNOWN.items():
            probe_repo = Repo(gd, name)
            if probe_repo.has(probe):
                found.append(name)
                SOURCES[name](col, probe_repo)
                break
        else:
            print(f"warning: {gd} is not a known source", file=sys.stderr)
    rows, conflicts = select(col.rows)
    order = {n: i for i, n in enumerate(SOURCES)}
    rows.sort(
        key=lambda r: (
            r["lang"] == "en",
            r["cls"],
            order[r["repo"]],
            r["path"],
            r["order"],
            r["lang"],
        )
    )
    with open(a.out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(
            fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\"
        )
        w.writerow(["id", "lang", "class", "written", "value", "kind", "unit", "source"])
        n = 0
        for r in rows:
            n += 1
            w.writerow(
                [
                    f"num{n:04d}",
                    r["lang"],
                    r["cls"],
                    r["written"],
                    r["value"],
                    r["kind"],
                    r["unit"],
                    r["source"],
                ]
            )
    print(
        f"wrote {n} rows to {a.out} from {', '.join(found)}; "
        f"{len(conflicts)} conflicting keys dropped",
        file=sys.stderr,
    )
    if a.stats:
        cnt = defaultdict(int)
        for r in rows:
            cnt[(r["repo"], r["path"])] += 1
        for k, v in sorted(cnt.items()):
            print(f"USED\t{k[0]}\t{k[1]}\t{v}")
        for repo, d in col.dropped.items():
            for why, v in sorted(d.items()):
                print(f"DROP\t{repo}\t{why}\t{v}")
        for k in conflicts:
            print(f"CONFLICT\t{k}")


if __name__ == "__main__":
    main()
