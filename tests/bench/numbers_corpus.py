"""Number checks on pairs built from public normalisation test suites; prints figures.

    python tests/bench/numbers_corpus.py [--show-fp N] [--show-fn N] [--class CLASS]

Every case of ``tests/bench/data/numbers/cases.tsv`` (number expressions written by other
projects' authors, with the value their tests expect; provenance in SOURCES.md) becomes a pair:
the case's expression in a sentence on its own side, and on the other side the same value
rendered by this script in the plain form MT commonly writes (digits, 萬/億 for large
amounts, ``$``/美元 …). Sentence frames are picked by the case id, so one case is one pair.

Then each pair's *single-change twins*: the rendered side altered once — a digit, the scale
(×10), the sign, the unit (currency, measure, percent ↔ points), or the number dropped — each
with the N code that names it. Figures:

- correct pairs with an N finding at warning or above (the false-flag rate), by class;
- twins flagged at warning or above (recall), and flagged with the intended code.

Nothing here is tuned to: the cases come from other projects, and the rendered side follows
fixed rules written before the checks were changed.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import opencc

from align.config import Settings
from align.engine import Checker
from align.models import Pair, Segment, Severity

CASES = Path(__file__).parent / "data" / "numbers" / "cases.tsv"
_T2S = opencc.OpenCC("t2s.json")

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip

# Sentence frames, English and Traditional Chinese (Simplified made by OpenCC), per kind.
FRAMES: dict[str, list[tuple[str, str]]] = {
    "amount": [
        ("The total was {x}.", "總數是{x}。"),
        ("We expect {x} this year.", "我們預計今年為{x}。"),
        ("The report lists {x}.", "報告列出了{x}。"),
    ],
    "date": [
        ("The meeting is on {x}.", "會議在{x}舉行。"),
        ("It was signed on {x}.", "它於{x}簽署。"),
    ],
    "month": [("Sales peaked in {x}.", "銷售額在{x}達到頂峰。")],
    "time": [("The call starts at {x}.", "電話會議於{x}開始。")],
    "year": [("The company was founded in {x}.", "公司成立於{x}。")],
    "ordinal": [("She finished {x}.", "她獲得{x}名。")],
    "quarter": [("Results for {x} were strong.", "{x}的業績強勁。")],
}

EN_CURRENCY = {"USD": "${v}", "EUR": "€{v}", "GBP": "£{v}", "CNY": "{v} yuan",
               "JPY": "{v} yen", "KRW": "{v} won", "INR": "{v} rupees",
               "HKD": "HK${v}"}  # fmt: skip
ZH_CURRENCY = {"USD": "美元", "EUR": "歐元", "GBP": "英鎊", "CNY": "元", "JPY": "日元",
               "KRW": "韓元", "INR": "盧比", "HKD": "港元"}  # fmt: skip
EN_MEASURE = {"kg": "{v} kg", "g": "{v} grams", "km": "{v} km", "m": "{v} meters",
              "ft": "{v} feet", "°C": "{v} °C", "km²": "{v} square kilometers",
              "km/h": "{v} km/h", "kWh": "{v} kWh", "mile": "{v} miles", "lb": "{v} pounds",
              "cm": "{v} cm", "mm": "{v} mm", "ha": "{v} hectares", "m²": "{v} square meters",
              "s": "{v} seconds", "min": "{v} minutes", "h": "{v} hours",
              "°F": "{v} °F"}  # fmt: skip
ZH_MEASURE = {"kg": "{v}公斤", "g": "{v}克", "km": "{v}公里", "m": "{v}米", "ft": "{v}英尺",
              "°C": "攝氏{v}度", "km²": "{v}平方公里", "km/h": "每小時{v}公里",
              "kWh": "{v}千瓦時", "mile": "{v}英里", "lb": "{v}磅", "cm": "{v}厘米",
              "mm": "{v}毫米", "ha": "{v}公頃", "m²": "{v}平方米", "s": "{v}秒",
              "min": "{v}分鐘", "h": "{v}小時", "°F": "華氏{v}度"}  # fmt: skip
# The unit a "unit" twin swaps in: a plausible confusion, same dimension where one exists.
OTHER_UNIT = {"USD": "EUR", "EUR": "USD", "GBP": "USD", "CNY": "USD", "JPY": "CNY",
              "KRW": "USD", "INR": "USD", "HKD": "USD", "kg": "lb", "lb": "kg", "km": "mile",
              "mile": "km", "m": "ft", "ft": "m", "°C": "°F", "°F": "°C", "g": "kg",
              "cm": "mm", "mm": "cm", "s": "min", "min": "h", "h": "min"}  # fmt: skip
CHANGE_CODES = {"digit": {"N203", "N210"}, "scale": {"N204"}, "sign": {"N206"},
                "unit": {"N205", "N207"}, "drop-src": {"N202"}, "drop-tgt": {"N201"}}  # fmt: skip


@dataclass(frozen=True)
class Case:
    id: str
    lang: str
    cls: str
    written: str
    value: str
    kind: str
    unit: str


def read_cases() -> list[Case]:
    with CASES.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            Case(r["id"], r["lang"], r["class"], r["written"], r["value"], r["kind"], r["unit"])
            for r in rows
        ]


def _plain(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    whole, _, fraction = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    whole = f"{int(whole.lstrip('-') or 0):,}"
    return sign + whole + (f".{fraction}" if fraction else "")


def _zh_amount(value: Decimal) -> str:
    """Digits, with 萬/億 for large round amounts (``2,700,000`` → ``270萬``), as MT writes."""
    magnitude = abs(value)
    for scale, word in ((Decimal(10) ** 8, "億"), (Decimal(10) ** 4, "萬")):
        if magnitude >= scale:
            scaled = value / scale
            if len(format(scaled.normalize(), "f").replace(".", "").lstrip("-0")) <= 5:
                return format(scaled.normalize(), "f") + word
    return _plain(value)


def _date_parts(value: str) -> tuple[int | None, int, int | None]:
    if value.startswith("--"):
        parts = value[2:].split("-")
        return None, int(parts[0]), int(parts[1]) if len(parts) > 1 else None
    parts = value.split("-")
    return int(parts[0]), int(parts[1]), int(parts[2]) if len(parts) > 2 else None


def render(case: Case, value: str, unit: str, *, english: bool) -> str | None:
    """The value in the plain form MT writes on the other side, or None when not rendered."""
    kind = case.kind
    if kind in {"date", "month"}:
        year, month, day = _date_parts(value)
        if english:
            text = MONTHS[month - 1] + (f" {day}" if day else "")
            return f"{text}, {year}" if year and day else (f"{text} {year}" if year else text)
        return (f"{year}年" if year else "") + f"{month}月" + (f"{day}日" if day else "")
    if kind == "time":
        hours, minutes = (int(p) for p in value.split(":")[:2])
        return f"{hours}:{minutes:02d}"
    if kind == "year":
        return value if english else f"{value}年"
    if kind == "ordinal":
        number = int(Decimal(value))
        if english:
            suffix = {1: "st", 2: "nd", 3: "rd"}.get(
                number % 10 if number % 100 not in {11, 12, 13} else 0, "th"
            )
            return f"{number}{suffix}"
        return f"第{number}"
    if kind == "quarter":
        year, quarter = value.split("-Q")
        return f"Q{quarter} {year}" if english else f"{year}年第{quarter}季"
    if "~" in value:
        low, high = (Decimal(v) for v in value.split("~"))
        if english:
            return f"{_plain(low)} to {_plain(high)}"
        return f"{_zh_amount(low)}至{_zh_amount(high)}"
    number = Decimal(value)
    if kind == "fraction":
        fraction = unit.removeprefix("frac:")
        return fraction if " " not in fraction else _plain(number)
    if kind == "percent":
        return f"{_plain(number)}%"
    if kind == "points":
        return f"{_plain(number)} percentage points" if english else f"{_plain(number)}個百分點"
    if unit in EN_CURRENCY:
        if english:
            return EN_CURRENCY[unit].format(v=_plain(number)).replace("$-", "-$")
        return _zh_amount(number) + ZH_CURRENCY[unit]
    if unit in EN_MEASURE:
        table = EN_MEASURE if english else ZH_MEASURE
        return table[unit].format(v=_plain(number))
    if unit:
        return None  # a unit with no rendering here (cc, au …): not a pair
    return _plain(number) if english else _zh_amount(number)


def _changed_digit(value: str) -> str | None:
    """The last significant digit changed (+1, 9 → 8): a wrong figure of the same precision
    (20,000 → 30,000, not 20,001, which 2萬 rounds correctly)."""
    chars = list(value)
    for i in range(len(chars) - 1, -1, -1):
        if chars[i].isdigit() and (chars[i] != "0" or value.strip("-0.") == ""):
            chars[i] = "8" if chars[i] == "9" else str(int(chars[i]) + 1)
            return "".join(chars)
    return None


def twins(case: Case) -> list[tuple[str, str, str]]:
    """``(change, value, unit)`` of each single change that applies to this case."""
    out = []
    digit = _changed_digit(case.value.split("~")[0]) if "~" not in case.value else None
    if case.kind in {"date", "month", "time"}:
        parts = case.value.rsplit("-" if case.kind != "time" else ":", 1)
        if parts[-1].isdigit():
            last = int(parts[-1])
            new = last + 1 if last < (12 if case.kind == "month" else 28) else last - 1
            width = len(parts[-1])
            out.append(
                (
                    "digit",
                    f"{parts[0]}{'-' if case.kind != 'time' else ':'}{new:0{width}d}",
                    case.unit,
                )
            )
    elif digit is not None and case.kind != "fraction":
        out.append(("digit", digit, case.unit))
    if case.kind in {"amount"} and "~" not in case.value and abs(Decimal(case.value)) >= 10:
        out.append(("scale", str(Decimal(case.value) * 10), case.unit))
    signed = case.kind in {"amount", "percent"} and "~" not in case.value
    if signed and Decimal(case.value) != 0 and (not case.unit or case.unit in EN_CURRENCY):
        out.append(("sign", str(-Decimal(case.value)), case.unit))
    if case.unit in OTHER_UNIT:
        out.append(("unit", case.value, OTHER_UNIT[case.unit]))
    if case.kind == "percent":
        out.append(("unit", case.value, "points"))
    return out


_DROPPED = ("some of it", "其中一些")


def build_pair(case: Case, value: str, unit: str, change: str | None) -> tuple[str, str] | None:
    frames = FRAMES.get(case.kind if case.kind in FRAMES else "amount", FRAMES["amount"])
    en_frame, zh_frame = frames[int(case.id.removeprefix("num")) % len(frames)]
    if case.kind == "percent" and unit == "points":
        kind_case = Case(case.id, case.lang, case.cls, case.written, value, "points", "")
        rendered_unit = ""
    else:
        kind_case, rendered_unit = case, unit
    english_case = case.lang == "en"
    if change == "drop":
        rendered = _DROPPED[1] if english_case else _DROPPED[0]
    else:
        rendered = render(kind_case, value, rendered_unit, english=not english_case)
    if rendered is None:
        return None
    if english_case:
        source = en_frame.format(x=case.written)
        target = zh_frame.format(x=rendered)
        if int(case.id.removeprefix("num")) % 2:
            target = _T2S.convert(target)
    else:
        source = en_frame.format(x=rendered)
        target = zh_frame.format(x=case.written)
        if case.lang == "zh-Hans":
            target = _T2S.convert(target.replace(case.written, "\0")).replace("\0", case.written)
    if source[0].islower():
        source = source[0].upper() + source[1:]
    return source, target


def _expected(case: Case) -> float | None:
    """The case's value as align encodes it (dates YYYYMMDD, times in hours), or None."""
    value = case.value
    if "~" in value:
        return float(value.split("~")[0])
    if case.kind in {"date", "month"}:
        year, month, day = _date_parts(value)
        return (year or 0) * 10000 + month * 100 + (day or 0)
    if case.kind == "time":
        hours, minutes = (int(p) for p in value.split(":")[:2])
        return hours + minutes / 60
    if case.kind == "quarter":
        return float(value.split("-Q")[1])
    try:
        return float(value)
    except ValueError:
        return None


def read_alone(case: Case) -> bool:
    """The case's expression alone gives a fact of its value (dates compare the parts both
    have, as the checks do)."""
    from align.numbers.chinese import extract_chinese
    from align.numbers.english import extract_english

    expected = _expected(case)
    if expected is None:
        return False
    extract = extract_english if case.lang == "en" else extract_chinese
    for fact in extract(case.written):
        if case.kind in {"date", "month"} and fact.kind in {"date", "month"}:
            ours = (round(fact.value) // 100 % 100, round(fact.value) % 100)
            theirs = (round(expected) // 100 % 100, round(expected) % 100)
            if ours[0] == theirs[0] and (not ours[1] or not theirs[1] or ours[1] == theirs[1]):
                return True
        elif abs(fact.value - expected) <= 1e-9 * max(1.0, abs(expected)):
            return True
    return False


def findings(checker: Checker, source: str, target: str) -> list[tuple[str, Severity]]:
    pair = Pair("p", Segment(source, "bench", (1,)), Segment(target, "bench", (2,)))
    return [(f.code, f.severity) for f in checker.check_pair(pair).findings]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show-fp", type=int, default=0, help="print N falsely flagged pairs")
    parser.add_argument("--show-fn", type=int, default=0, help="print N missed twins")
    parser.add_argument("--class", dest="cls", help="only cases of this class")
    args = parser.parse_args()
    checker = Checker(Settings(select=("N",)))
    cases = [c for c in read_cases() if not args.cls or c.cls == args.cls]
    correct = flagged = 0
    by_class: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    false_flags: list[tuple[Case, str, str, list[tuple[str, Severity]]]] = []
    twin_total = twin_flagged = twin_intended = 0
    by_change: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    misses = []
    codes: Counter[str] = Counter()
    for case in cases:
        built = build_pair(case, case.value, case.unit, None)
        if built is None:
            continue
        correct += 1
        found = [(c, s) for c, s in findings(checker, *built) if s >= Severity.WARNING]
        by_class[case.cls][0] += 1
        if found:
            flagged += 1
            by_class[case.cls][1] += 1
            codes.update(c for c, _ in found)
            false_flags.append((case, *built, found))
        changes = [*twins(case), ("drop", case.value, case.unit)]
        for change, value, unit in changes:
            twin = build_pair(case, value, unit, "drop" if change == "drop" else change)
            if twin is None:
                continue
            name = change if change != "drop" else ("drop-src" if case.lang != "en" else "drop-tgt")
            got = {c for c, s in findings(checker, *twin) if s >= Severity.WARNING}
            twin_total += 1
            by_change[name][0] += 1
            if got:
                twin_flagged += 1
                by_change[name][1] += 1
            if got & CHANGE_CODES[name]:
                twin_intended += 1
                by_change[name][2] += 1
            elif len(misses) < 10_000:
                misses.append((case, name, twin, sorted(got)))
    by_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for case in cases:
        by_lang[case.lang][0] += 1
        by_lang[case.lang][1] += read_alone(case)
    readers = ", ".join(f"{lang} {ok / n:.1%} of {n}" for lang, (n, ok) in sorted(by_lang.items()))
    print(f"expressions read alone to their value: {readers}")
    print(f"cases: {len(cases)}; correct pairs built: {correct}")
    print(f"correct pairs with an N finding at warning+: {flagged} ({flagged / correct:.1%})")
    print(f"  codes: {dict(codes.most_common())}")
    print(f"twins: {twin_total}; flagged {twin_flagged / twin_total:.1%}, "
          f"with the intended code {twin_intended / twin_total:.1%}")  # fmt: skip
    for name, (n, f, i) in sorted(by_change.items()):
        print(f"  {name:<9} {n:5d} flagged {f / n:6.1%} intended {i / n:6.1%}")
    print("false flags by class (flagged/pairs):")
    for cls, (n, f) in sorted(by_class.items(), key=lambda kv: -kv[1][1]):
        print(f"  {cls:<20} {f:4d}/{n:<4d} {f / n:6.1%}")
    for case, source, target, found in false_flags[: args.show_fp]:
        print(f"FP {case.id} {case.cls}: {source} | {target} | {found}")
    for case, name, twin, got in misses[: args.show_fn]:
        print(f"FN {case.id} {case.cls} {name}: {twin} | {got}")


if __name__ == "__main__":
    main()
