"""The N family: numbers survive translation by value (``$105.6 million`` = ``1.056 億美元``).

- ``facts``: the record of a numeric fact (value, kind, unit, qualifier, sign …) and how two
  facts relate (equal, a power of ten apart, rounded);
- ``english``: facts in English text, in the order the readers below take their turn:
  ``spoken`` (numbers in words; its grammar in ``spoken_words``, dates and clock times in
  ``spoken_clock``), ``english_forms`` (dates, quarters, fractions …), then plain numbers
  with the vocabulary of ``english_units`` (currencies, measures, qualifiers);
- ``chinese``: facts in Chinese text, Traditional or Simplified: ``chinese_numerals`` reads
  numerals and normalises the text, ``chinese_forms`` reads dates, 百分之, 元角分 …,
  ``chinese_units`` holds the words around a number (美元, 公里, 超过, 下降);
- ``scanning``: regex helpers both languages share;
- ``ranges``: two facts joined by to / 至 as the ends of one range;
- ``compare``: matching a pair's facts and naming what does not match (``IssueKind``);
- ``rules``: the N rules, one per kind of issue.

Extraction is pure (text in, facts with spans out); ``compare`` and ``rules`` need the pair.
"""
