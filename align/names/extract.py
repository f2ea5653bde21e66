"""Named entities in English text without a model: capitalised spans, acronyms, CamelCase.

A span of capitalised tokens (joined by ``of``, ``&``, ``-``, ``'s``) is a candidate; the first
word of a sentence only counts when it is not an ordinary English word (``Thanks``, ``Our``),
and a sentence in Title Case gives nothing but acronyms and CamelCase. Each entity says which
of its words are ordinary English (``Single Sign-On`` is a term the translation may translate;
``Todd McKinnon`` is a name it must keep or transliterate).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from functools import lru_cache

from align.lang.cedict import common_vocabulary
from align.lang.en import SENTENCE_ADVERBS, STOPWORDS, lemma
from align.models import Span
from align.names.known import is_name_by_sound, known_renderings

# Latin letters with their accented forms (Réunion, Türkiye, São Tomé): Latin-1 and
# Latin Extended-A/B.
LETTER = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # initials and dotted acronyms: H.W., U.S.
    rf"|[{UPPER}][{LETTER}0-9]*(?:[-'’][{LETTER}0-9]+)*"  # Okta, McKinnon, Sign-On, O'Neil
)
# Not names: contractions of I, and periods the number extractor owns (Q3, H1, FY2019).
_NOT_NAME = re.compile(
    r"^(?:I['’]\w+|\w+['’](?:re|ve|ll|d|m|t)|[QH][1-4]|FY\d*|\d.*"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))$"
)
_JOINERS = {"of", "&", "for", "de", "van", "von", "la", "le", "du", "del"}
# Lowercase particles of surnames, up to two in a row (Ludwig van Beethoven, Leonardo da
# Vinci, van der Waals): part of the name, also before its first capital.
_PARTICLES = {"van", "von", "de", "der", "den", "da", "di", "du", "del", "della", "la", "le"}
_PARTICLE_GAP = re.compile(r" (?:[a-z]+ ){1,2}")
_LEADING_PARTICLES = (
    re.compile(r"(?:(?<=\s)|^)([a-z]+ [a-z]+ )$"),
    re.compile(r"(?:(?<=\s)|^)([a-z]+ )$"),
)
_WORD_OR_SPACE = re.compile(r"\S+|\s+")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|[\"“(\[]\s*)$")
# NASA, VPNs, U.S., and codes such as COVID-19, EZH2, SARS-CoV-2. The letters after the first
# two capitals are taken possessively and the code part one character at a time, so no string
# can be split two ways (the plain ``[A-Za-z]*(?:-?[A-Z0-9]+)+`` backtracked exponentially:
# USD + 26 nines + z took seconds). Same language, checked exhaustively in the tests.
_ACRONYM = re.compile(
    r"^(?:[A-Z]{2,}s?|(?:[A-Z]\.){2,}"
    r"|[A-Z]{2}[A-Za-z]*+(?:(?<=[A-Z])|(?<=[A-Z]s)|(?:-?[A-Z0-9])++s?))$"
)
# Adjective endings English names rarely have (the Atlantic, the Baltic are known names).
# (Only endings no given name has: Frederic, Neal, Gary and Clive stay names.)
_ADJECTIVE = re.compile(r"[a-z]{3}(?:ical|ergic|athic|genic|otic|ular|ous)$")
_CAMEL = re.compile(r"^[A-Z]?[a-z]+[A-Z][A-Za-z]*$|^[A-Z]{2,}[a-z]+[A-Za-z]*$")
# Honorifics and titles: part of how a name is written, not of the name to find.
_TITLES = {
    "mr", "mrs", "ms", "dr", "prof", "sir", "president", "ceo", "cfo", "coo", "cto", "vp",
    "chairman", "senator", "governor", "minister",
}  # fmt: skip


_PERSONAL_TITLES = {
    "mr", "mrs", "ms", "dr", "prof", "sir", "president", "senator", "governor", "minister",
}  # fmt: skip
# An abbreviated personal title right before a capitalised run: "Dr. ", "Mrs. ", "Prof. ".
_AFTER_TITLE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof|Sen|Gov|Rep|Gen|Capt|Sgt|Lt)\.\s+$")


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    span: Span
    # Words as written, without titles or possessive.
    words: tuple[str, ...]
    # Which words are ordinary English (lowercase dictionary words).
    common: tuple[bool, ...]
    # Written after a personal title (Dr. Pike, President Bush): a person's name, whatever
    # ordinary word it is also spelled like.
    titled: bool = False

    @property
    def is_acronym(self) -> bool:
        return len(self.words) == 1 and bool(_ACRONYM.match(self.words[0]))

    @property
    def is_term(self) -> bool:
        """Every word is ordinary English: the translation may well translate it."""
        return all(self.common)

    @property
    def key(self) -> str:
        """What identifies the entity across a document."""
        return " ".join(self.words)

    @property
    def name_words(self) -> tuple[str, ...]:
        """The words that are names, not ordinary English."""
        return tuple(w for w, c in zip(self.words, self.common, strict=True) if not c)

    @property
    def spoken_words(self) -> tuple[tuple[str, bool], ...]:
        """Each word as it is said, with whether it is ordinary English: a lowercase surname
        particle goes with the word after it (van der Waals, 范德华, is one; Maria de la Cruz
        is Maria and de la Cruz)."""
        words: list[tuple[str, bool]] = []
        particles = ""
        for word, common in zip(self.words, self.common, strict=True):
            if word in _PARTICLES:
                particles += word + " "
            else:
                words.append((particles + word, common and not particles))
                particles = ""
        return tuple(words) or tuple(zip(self.words, self.common, strict=True))

    @property
    def sound_words(self) -> tuple[str, ...]:
        """The name words as they are said (``spoken_words`` less ordinary English)."""
        return tuple(w for w, common in self.spoken_words if not common) or self.words


@lru_cache(maxsize=65536)
def is_common_word(word: str) -> bool:
    """An ordinary English word: a stopword or a lemma of a CC-CEDICT common-noun sense
    (hyphenated: every part is; ``Multi-Factor``)."""
    parts = [p for p in word.lower().rstrip(".").split("-") if p]
    vocabulary = common_vocabulary()
    # lemma twice: "billings" → "billing" → "bill".
    return bool(parts) and all(
        p in STOPWORDS or lemma(p) in vocabulary or lemma(lemma(p)) in vocabulary or len(p) <= 2
        for p in parts
    )


def _ordinary(word: str) -> bool:
    """An ordinary word that is not also a known name (Operator yes, Bush no)."""
    return is_common_word(word) and not is_name_by_sound(word.lower())


def _opens_clause(word: str) -> bool:
    """A function word or sentence adverb: what follows it starts afresh."""
    return word in STOPWORDS or word in SENTENCE_ADVERBS


def _name_evidence(text: str, word: str, kept: Collection[str] = ()) -> bool:
    """A capitalised first word is a name only with evidence: its shape (acronym, CamelCase),
    a known name (CC-CEDICT), the same word capitalised in mid-sentence elsewhere, or the
    translation keeping it in Latin script."""
    if _ACRONYM.match(word) or _CAMEL.match(word) or _kept_in_latin(word, kept):
        return True
    if known_renderings(word.lower()) and not is_common_word(word):
        return True
    return any(
        not _starts_sentence(text, m.start()) for m in re.finditer(rf"\b{re.escape(word)}\b", text)
    )


def _kept_in_latin(word: str, kept: Collection[str]) -> bool:
    """``kept`` has ``word`` or a corrupted copy: its letters in another order (Hloly for
    Holly) or with a few more around it (AdAdobe)."""
    low = word.lower()
    if len(low) < 3:
        return False
    return any(
        k == low
        or (len(k) == len(low) and k[0] == low[0] and sorted(k) == sorted(low))
        or (len(low) >= 4 and low in k and len(k) - len(low) <= 3)
        for k in kept
    )


_WORD = re.compile(rf"[{LETTER}][{LETTER}'-]*")


def _is_title_case(text: str) -> bool:
    """A headline: its ordinary words are capitalised too, and none is in lowercase."""
    capitalised = 0
    for word in _WORD.findall(text):
        if word[0].islower() and len(word) <= 2:
            continue  # neither way: "of", "to"
        if word.lower() in STOPWORDS or not is_common_word(word):
            continue
        if word[0].islower():
            return False  # prose: most texts are decided by their first few words
        capitalised += 1
    return capitalised >= 3


def extract_entities(text: str, kept: Collection[str] = ()) -> list[Entity]:
    """Entities in one English text, in order. ``kept``: the lowercase Latin words of its
    translation; a capitalised first word the translation keeps in Latin script, or a
    corrupted copy of it, is a name (MT does not keep ordinary words in Latin)."""
    if _is_title_case(text):
        # In a headline every word is capitalised: only the shape of a word still tells.
        return [
            Entity(m.group(), Span(m.start(), m.end()), (m.group(),), (False,))
            for m in _TOKEN.finditer(text)
            if _ACRONYM.match(m.group()) or _CAMEL.match(m.group())
        ]
    entities: list[Entity] = []
    for start, end in _capitalised_runs(text):
        # "Dr. Pike": the period of an abbreviated title does not end a sentence.
        after_title = _AFTER_TITLE.search(text, max(0, start - 12), start) is not None
        sentence_start = not after_title and _starts_sentence(text, start)
        entity = _make_entity(
            text, start, end, sentence_start=sentence_start, titled=after_title, kept=kept
        )
        if entity is not None:
            entities.append(entity)
    return entities


def _starts_sentence(text: str, start: int) -> bool:
    return bool(_SENTENCE_START.search(text[max(0, start - 3) : start]))


def _capitalised_runs(text: str) -> list[tuple[int, int]]:
    """Spans of capitalised tokens separated by one space, or by a joiner word, or by
    surname particles; particles just before a run belong to it (van der Waals)."""
    runs: list[tuple[int, int]] = []
    tokens = [(m.start(), m.end()) for m in _TOKEN.finditer(text)]
    i = 0
    while i < len(tokens):
        start, end = tokens[i]
        j = i
        while j + 1 < len(tokens):
            gap = text[tokens[j][1] : tokens[j + 1][0]]
            if gap == " " or (gap.startswith(" ") and gap.endswith(" ") and
                              gap.strip() in _JOINERS and " " not in gap.strip()) or (
                _is_particles(gap)):  # fmt: skip
                j += 1
                end = tokens[j][1]
            else:
                break
        # Only the few characters before the run: particles are short words.
        offset = max(0, start - 24)
        for pattern in _LEADING_PARTICLES:
            leading = pattern.search(text[offset:start])
            if leading and _is_particles(" " + leading.group(1)):
                start = offset + leading.start(1)
                break
        runs.append((start, end))
        i = j + 1
    return runs


def _is_particles(gap: str) -> bool:
    return bool(_PARTICLE_GAP.fullmatch(gap)) and all(w in _PARTICLES for w in gap.split())


def _make_entity(
    text: str,
    start: int,
    end: int,
    *,
    sentence_start: bool,
    titled: bool = False,
    kept: Collection[str] = (),
) -> Entity | None:
    surface = text[start:end]
    words = [w for w in re.split(r"\s+", surface) if w]
    # Drop leading determiners and titles (The Okta Identity Cloud, President Bush), and at
    # the start of a sentence ordinary words (Sixteen CWS providers).
    at_start = sentence_start
    while words and (
        words[0].lower() in STOPWORDS
        or words[0].lower().rstrip(".") in _TITLES
        or (at_start and _ordinary(words[0]) and not _kept_in_latin(words[0], kept))
    ):
        head = words[0].lower().rstrip(".")
        # Dr. Pike, President Bush: a person; VP of Investor Relations: a role, not a name
        titled = head in _PERSONAL_TITLES or (titled and head not in STOPWORDS)
        # A capitalised phrase opening the sentence goes whole (Operator Instructions), but
        # after a function word or a sentence adverb the next word is capitalised for itself
        # (Shares of Levy Lewis, Yesterday Walker).
        at_start = at_start and _ordinary(words[0]) and not _opens_clause(head)
        start = text.index(words[0], start) + len(words[0])
        words = words[1:]
    if not words:
        return None
    first = text.index(words[0], start)
    words = [w.removesuffix("'s").removesuffix("’s") for w in words]
    if any(_NOT_NAME.match(w) for w in words):
        return None
    # A word that is also a known name (Bush, Bill, Mark) counts as a name once capitalised.
    common = tuple(
        is_common_word(w)
        and not _ACRONYM.match(w)
        and not _CAMEL.match(w)
        and not is_name_by_sound(w.lower())
        for w in words
    )
    if (
        sentence_start
        and first == start
        and len(words) == 1
        and not _name_evidence(text, words[0], kept)
    ):
        return None  # "Thanks", "Topical": capitalised because they start the sentence
    if len(words) == 1 and len(words[0]) < 2:
        return None  # "I", "A"
    if len(words) == 1 and _ADJECTIVE.search(words[0]) and not known_renderings(words[0].lower()):
        return None  # "Idiopathic", "Adrenergic": a term capitalised by accident, not a name
    if all(w.lower() in STOPWORDS for w in words):
        return None
    return Entity(text[first:end], Span(first, end), tuple(words), common, titled)
