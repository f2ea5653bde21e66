"""The words around an English number: scales, currencies, units, measures, qualifiers
and directions, and the context patterns that say a number is vague or a list marker.

Shared by the digit reader and the spoken-number reader in ``english``, so both hedge
(``about``, ``over``) and move (``down``, ``rose``) a number the same way.
"""

from __future__ import annotations

import re

from align.numbers.facts import Kind
from align.numbers.scanning import alternation

SCALE_WORDS = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "mm": 1e6, "m": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12,
}  # fmt: skip
CURRENCY_PREFIX = {
    "us$": "USD", "$": "USD", "usd": "USD", "hk$": "HKD", "hkd": "HKD", "nt$": "TWD",
    "a$": "AUD", "c$": "CAD", "s$": "SGD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
    "¥": "JPY", "jpy": "JPY", "rmb": "CNY", "cny": "CNY",
}  # fmt: skip
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP",
    "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rmb": "CNY", "usd": "USD", "eur": "EUR",
    "hkd": "HKD", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "won": "KRW", "krw": "KRW",
    "rupees": "INR", "rupee": "INR", "inr": "INR", "rubles": "RUB", "roubles": "RUB",
    "baht": "THB", "pesos": "MXN", "francs": "CHF", "ringgit": "MYR", "dong": "VND",
    "australian dollars": "AUD", "canadian dollars": "CAD", "singapore dollars": "SGD",
    "hong kong dollars": "HKD", "swiss francs": "CHF",
}  # fmt: skip
UNIT_KINDS: dict[str, Kind] = {
    "%": Kind.PERCENT, "percent": Kind.PERCENT, "per cent": Kind.PERCENT,
    "percentage points": Kind.POINTS, "percentage point": Kind.POINTS, "points": Kind.POINTS,
    "point": Kind.POINTS, "pts": Kind.POINTS, "ppts": Kind.POINTS, "pp": Kind.POINTS,
    "basis points": Kind.BP, "basis point": Kind.BP, "bps": Kind.BP, "bp": Kind.BP,
    "x": Kind.MULTIPLE, "times": Kind.MULTIPLE, "-fold": Kind.MULTIPLE, "fold": Kind.MULTIPLE,
}  # fmt: skip
# Units of measure, compared like currencies (NumberFact.currency holds the symbol).
MEASURES = {
    "km": "km", "kilometers": "km", "kilometres": "km", "kilometer": "km", "kilometre": "km",
    "miles": "mile", "mile": "mile", "meters": "m", "metres": "m", "meter": "m", "metre": "m",
    "cm": "cm", "centimeters": "cm", "centimetres": "cm", "mm": "mm", "millimeters": "mm",
    "millimetres": "mm", "feet": "ft", "foot": "ft", "ft": "ft", "inches": "in", "inch": "in",
    "kg": "kg", "kilograms": "kg", "kilogram": "kg", "kilos": "kg", "grams": "g", "gram": "g",
    "lbs": "lb", "lb": "lb", "tons": "t", "tonnes": "t", "metric tons": "t",
    "square kilometers": "km²", "square kilometres": "km²", "km²": "km²", "sq km": "km²",
    "square meters": "m²", "square metres": "m²", "m²": "m²", "hectares": "ha",
    "°C": "°C", "degrees celsius": "°C", "degrees centigrade": "°C", "°F": "°F",
    "degrees fahrenheit": "°F", "degree celsius": "°C", "degree fahrenheit": "°F",
    "kilometers per hour": "km/h", "kilometres per hour": "km/h", "km per hour": "km/h",
    "kph": "km/h", "miles per hour": "mph", "mph": "mph", "kWh": "kWh", "kilowatt hours": "kWh",
    "kilowatt-hours": "kWh",
    "kW": "kW", "kilowatts": "kW", "MW": "MW", "megawatts": "MW", "km/h": "km/h",
    "liters": "l", "litres": "l", "ml": "ml", "milliliters": "ml", "hours": "h", "hour": "h",
    "minutes": "min", "minute": "min", "seconds": "s", "second": "s",
}  # fmt: skip
_QUALIFIERS = {
    "over": "gt", "more than": "gt", "above": "gt", "in excess of": "gt", "upwards of": "gt",
    "greater than": "gt", "exceeding": "gt", "north of": "gt",
    "at least": "ge", "no less than": "ge",
    "approximately": "approx", "about": "approx", "around": "approx", "roughly": "approx",
    "nearly": "approx", "almost": "approx", "close to": "approx", "approx.": "approx",
    "some": "approx", "circa": "approx",
    "up to": "lt", "less than": "lt", "under": "lt", "below": "lt", "fewer than": "lt",
    "at most": "lt", "no more than": "lt",
}  # fmt: skip
_DIRECTIONS = {
    "up": 1, "increased": 1, "increase": 1, "increase of": 1, "grew": 1, "growth of": 1,
    "rose": 1, "gained": 1, "improved": 1, "improvement of": 1,
    "down": -1, "decreased": -1, "decrease of": -1, "declined": -1, "decline of": -1,
    "fell": -1, "dropped": -1, "lower by": -1, "reduced": -1, "reduction of": -1,
}  # fmt: skip

_QUALIFIER_BEFORE = re.compile(rf"\b(?P<q>{alternation(_QUALIFIERS)})\s+$", re.IGNORECASE)
_DIRECTION_BEFORE = re.compile(
    rf"\b(?P<d>{alternation(_DIRECTIONS)})(?:\s+by)?"
    r"(?:\s+(?:over|more than|about|nearly|approximately|roughly))?\s+$",
    re.IGNORECASE,
)
VAGUE_AFTER = re.compile(r"^\s*(?:of\b|s\b)", re.IGNORECASE)  # "hundreds of", "thousands"
DETERMINER_BEFORE = re.compile(r"\b(?:a|an)\s+$", re.IGNORECASE)
# "Number two, ...", "No. 3": list markers, not quantities.
LIST_MARKER_BEFORE = re.compile(r"\b(?:number|no\.)\s+$", re.IGNORECASE)
# "talk about 100 new deals": here "about" is a preposition, not "approximately".
_ABOUT_AS_PREPOSITION = re.compile(
    r"\b(?:talk|talks|talked|talking|think|thinks|thinking|thought|speak|speaks|spoke|ask|asks|"
    r"asked|hear|heard|know|knew|care|cared|worry|worried|excited|learn|learned|read|say|says|"
    r"said|tell|told|question|questions|comment|comments|news|details|more|bring|brought|"
    r"how|what|that|this|it|is it|one)\s+about\s+$",
    re.IGNORECASE,
)


def measure_of(written: str | None) -> str | None:
    if not written:
        return None
    return MEASURES.get(written) or MEASURES.get(written.lower())


def qualifier_before(before: str) -> str | None:
    """The qualifier ending ``before`` (over, about, at least …), unless "about" is the
    preposition of a verb (talk about)."""
    found = _QUALIFIER_BEFORE.search(before)
    if found and not _ABOUT_AS_PREPOSITION.search(before):
        return _QUALIFIERS[found.group("q").lower()]
    return None


def direction_before(before: str) -> int:
    """+1 or -1 when ``before`` ends in a word of direction (up, declined by), else 0."""
    moved = _DIRECTION_BEFORE.search(before)
    return _DIRECTIONS[moved.group("d").lower()] if moved else 0
