"""The N family: numbers survive translation by value (``$105.6 million`` = ``1.056 億美元``).

- ``facts``: the record of a numeric fact (value, kind, unit, qualifier, sign …) and how two
  facts relate (equal, a power of ten apart, rounded);
- ``english`` and ``spoken``: facts in English text, digits and words;
- ``chinese``: facts in Chinese text, Traditional or Simplified, digits and numerals;
- ``ranges``: two facts joined by to / 至 as the ends of one range;
- ``compare``: matching a pair's facts and naming what does not match (``IssueKind``);
- ``rules``: the N rules, one per kind of issue.

Extraction is pure (text in, facts with spans out); ``compare`` and ``rules`` need the pair.
"""
