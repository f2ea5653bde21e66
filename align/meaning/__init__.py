"""The M family: the translation says what the source says.

- ``lexical``: which English content words the dictionary finds translated in the aligned
  Chinese (coverage), and the senses a word has there;
- ``idioms``: English idioms and their literal renderings (M101);
- ``rules``: the M rules.
"""
