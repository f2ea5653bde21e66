"""sacreBLEU BLEU, chrF and TER of the Chinese side against a reference translation.

Both sides are converted to Simplified (OpenCC ``t2s``) first, so a Traditional hypothesis
scored against a Simplified reference is not penalised for its script. BLEU uses sacreBLEU's
``zh`` tokenizer (each Han character a token, the WMT convention), TER its Asian-script
support; or, with ``tokenize="jieba"``, both count jieba's words (as many papers report Chinese
BLEU), the segmenter named in their signatures. chrF compares characters either way. Each
metric's sacreBLEU signature is reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from align.lang.words import segment, segmenter
from align.lang.zh import to_simplified

TOKENIZERS = ("zh", "jieba")


@dataclass(frozen=True)
class SegmentScore:
    id: str
    bleu: float
    chrf: float
    ter: float


@dataclass(frozen=True)
class ReferenceScores:
    segments: list[SegmentScore]
    corpus: dict[str, float]
    signatures: dict[str, str] = field(default_factory=dict)


def score_against_reference(
    ids: Sequence[str],
    hypotheses: Sequence[str],
    references: Sequence[str],
    tokenize: str = "zh",
) -> ReferenceScores:
    from sacrebleu.metrics import BLEU, CHRF, TER

    if tokenize not in TOKENIZERS:
        raise ValueError(f"tokenize must be one of {TOKENIZERS}, not {tokenize!r}")
    hyps = [to_simplified(h) for h in hypotheses]
    refs = [to_simplified(r) for r in references]
    chrf = CHRF()
    if tokenize == "jieba":
        # Words joined by spaces, which sacreBLEU then takes as they are.
        hyps = [" ".join(segment(h)) for h in hyps]
        refs = [" ".join(segment(r)) for r in refs]
        bleu = BLEU(tokenize="none")
        sentence_bleu = BLEU(tokenize="none", effective_order=True)
        ter = TER()
    else:
        bleu = BLEU(tokenize="zh")
        sentence_bleu = BLEU(tokenize="zh", effective_order=True)
        ter = TER(asian_support=True, normalized=True)
    segments = [
        SegmentScore(
            ident,
            round(sentence_bleu.sentence_score(h, [r]).score, 2),
            round(chrf.sentence_score(h, [r]).score, 2),
            round(ter.sentence_score(h, [r]).score, 2),
        )
        for ident, h, r in zip(ids, hyps, refs, strict=True)
    ]
    corpus = {
        "bleu": round(bleu.corpus_score(hyps, [refs]).score, 2),
        "chrf": round(chrf.corpus_score(hyps, [refs]).score, 2),
        "ter": round(ter.corpus_score(hyps, [refs]).score, 2),
    }
    words = f"|seg:{segmenter()}" if tokenize == "jieba" else ""
    signatures = {
        "bleu": str(bleu.get_signature()) + words,
        "chrf": str(chrf.get_signature()),
        "ter": str(ter.get_signature()) + words,
    }
    return ReferenceScores(segments, corpus, signatures)
