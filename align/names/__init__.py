"""The E family: names and terms kept, translated or transliterated correctly.

- ``extract``: the names and terms of English text (``Entity``), and what an ordinary word is;
- ``known``: the Chinese renderings CC-CEDICT and ``align/data/names.tsv`` know for a name;
- ``transliteration``: runs of Han characters that sound like an English word;
- ``finders``: one way a name can be rendered each (kept, altered, a known rendering, a
  transliteration, translated), each returning a ``Rendering`` of a ``How``;
- ``renderings``: each source name's rendering in the target, decided once a pair, and a
  two-word name judged whole (partial, swapped);
- ``locate``: what other rules ask of the renderings (the forms a document compares, common
  words transliterated as names, where a name is);
- ``rules``: the E rules.

Extraction is pure (text in, entities with spans out); the rest needs the pair.
"""
