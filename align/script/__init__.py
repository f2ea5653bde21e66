"""The L family: the target is Chinese, in the expected script.

- ``marks``: the characters only Traditional or only Simplified writing uses, and a text's
  script by them;
- ``confusions``: characters a Simplified→Traditional conversion picked wrongly (進行瞭);
- ``rules``: the L rules (untranslated text, English left in Chinese, mixed or wrong script,
  conversion confusions).
"""
