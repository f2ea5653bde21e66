"""sacreBLEU BLEU, chrF and TER of the Chinese side against a reference translation.

Both sides are converted to Simplified (OpenCC ``t2s``) first, so a Traditional hypothesis
scored against a Simplified reference is not penalised for its script. BLEU uses sacreBLEU's
``zh`` tokenizer, TER its Asian-script support; each metric's sacreBLEU signature is reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from align.lang.zh import to_simplified


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
    ids: Sequence[str], hypotheses: Sequence[str], references: Sequence[str]
) -> ReferenceScores:
    from sacrebleu.metrics import BLEU, CHRF, TER

    hyps = [to_simplified(h) for h in hypotheses]
    refs = [to_simplified(r) for r in references]
    bleu = BLEU(tokenize="zh")
    sentence_bleu = BLEU(tokenize="zh", effective_order=True)
    chrf = CHRF()
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
    signatures = {
        "bleu": str(bleu.get_signature()),
        "chrf": str(chrf.get_signature()),
        "ter": str(ter.get_signature()),
    }
    return ReferenceScores(segments, corpus, signatures)
