"""Runs the selected rules over pairs and produces scored results, one pair at a time."""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any

from align import __version__
from align.config import Settings
from align.context import PairContext
from align.fingerprint import fingerprint
from align.formats import Document
from align.lengths import length_z
from align.models import Finding, Pair, PairResult, Severity
from align.pair_cache import new_pair
from align.rules.base import FAMILIES, REGISTRY, Hit, Rule, select_rules
from align.scoring.pair import base_score, rescored, score_from
from align.suppression import parse_noqa

NORMALISATION = "nfkc+t2s"


def _finding(
    rule: Rule, hit: Hit, ctx: PairContext, overrides: dict[str, Severity] | None = None
) -> Finding:
    src_text = hit.source_span.slice(ctx.source) if hit.source_span else ""
    tgt_text = hit.target_span.slice(ctx.target) if hit.target_span else ""
    override = (overrides or {}).get(rule.code)
    return Finding(
        code=rule.code,
        name=rule.name,
        severity=override or hit.severity or rule.severity,
        message=hit.message,
        source_span=hit.source_span,
        target_span=hit.target_span,
        source_text=src_text,
        target_text=tgt_text,
        fingerprint=fingerprint(
            rule.code, ctx.source, ctx.target, hit.source_span, hit.target_span,
            ctx.source_sentences if hit.source_span else (),
            ctx.target_sentences if hit.target_span else (),
        ),
    )  # fmt: skip


def _finding_order(finding: Finding) -> tuple[int, str, int, int, str]:
    """Worst first, then by code and position: a total order, so that the output does not
    depend on set iteration order (which differs between worker processes)."""
    source = finding.source_span.start if finding.source_span else -1
    target = finding.target_span.start if finding.target_span else -1
    return (-finding.severity.rank, finding.code, source, target, finding.message)


def _crash(rule: Rule, exc: Exception, ctx: PairContext) -> Finding:
    crashed = REGISTRY["X001"]
    message = f"{rule.code} {rule.name} raised {type(exc).__name__}: {exc}"
    return _finding(crashed, Hit(message), ctx)


@dataclass
class Checker:
    """The selected rules plus settings; checks pairs independently (safe to parallelise)."""

    settings: Settings

    def __post_init__(self) -> None:
        self.rules = self._rules(self.settings.ignore)
        self.overrides = {code: Severity(s) for code, s in self.settings.severity.items()}

    def _rules(self, ignore: tuple[str, ...]) -> list[Rule]:
        return [r for r in select_rules(self.settings.select, ignore) if not r.internal]

    def rules_for(self, path: str) -> list[Rule]:
        """The rules for one file: ``per-file-ignores`` patterns add to ``ignore``."""
        extra = tuple(
            code
            for pattern, codes in self.settings.per_file_ignores.items()
            if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(os.path.basename(path), pattern)
            for code in codes
        )
        return self._rules(self.settings.ignore + extra) if extra else self.rules

    @property
    def signature(self) -> str:
        """sacreBLEU-style reproducibility signature: what produced these numbers."""
        families = "".join(sorted({r.family for r in self.rules}, key=list(FAMILIES).index))
        thresholds = ",".join(f"{k}={v:g}" for k, v in self.settings.thresholds().items())
        select = "+".join(self.settings.select)
        ignore = "+".join(self.settings.ignore) or "-"
        signature = (
            f"align:{__version__}|rules:{','.join(families)}|n:{len(self.rules)}"
            f"|select:{select}|ignore:{ignore}|norm:{NORMALISATION}|len:{thresholds}"
        )
        if self.settings.severity:  # results depend on them, so they are part of the signature
            overrides = ",".join(f"{c}={s}" for c, s in sorted(self.settings.severity.items()))
            signature += f"|sev:{overrides}"
        if self.settings.per_file_ignores:
            signature += f"|per-file-ignores:{len(self.settings.per_file_ignores)}"
        if self.settings.glossary:  # which terms, not where the files are
            from align.glossary import glossary_digest

            signature += f"|glossary:{glossary_digest(self.settings.glossary)}"
        if self.settings.target_locale:
            signature += f"|locale:{self.settings.target_locale}"
        if self.settings.domain:
            signature += f"|domain:{'+'.join(self.settings.domain)}"
        return signature

    def check_pair(
        self,
        pair: Pair,
        *,
        bilingual: bool = True,
        rules: list[Rule] | None = None,
        target_lang: str | None = None,
    ) -> PairResult:
        new_pair()  # views of the previous pair's texts are not this pair's business
        ctx = PairContext(pair, self.settings, bilingual=bilingual, target_lang=target_lang)
        findings: list[Finding] = []
        selected = self.rules if rules is None else rules
        size = len(ctx.source) + len(ctx.target)
        if size > self.settings.max_segment_chars and not pair.structural:
            limit = self.settings.max_segment_chars
            message = f"{size:,} characters: longer than max-segment-chars ({limit:,}), not checked"
            findings.append(_finding(REGISTRY["X003"], Hit(message), ctx))
            selected = []
        if not pair.structural:
            for rule in selected:
                if rule.document:
                    continue
                try:
                    hits = list(rule.check(ctx))
                except Exception as exc:  # a broken rule must not end the run
                    findings.append(_crash(rule, exc, ctx))
                    continue
                findings.extend(_finding(rule, hit, ctx, self.overrides) for hit in hits)
        findings = self._apply_noqa(findings, ctx)
        both = bool(ctx.source.strip() and ctx.target.strip())
        checked = both and not pair.structural and size <= self.settings.max_segment_chars
        z = (
            length_z(
                ctx.source,
                ctx.target,
                self.settings.length_ratio,
                self.settings.length_variance,
                self.settings.length_ratio_sd,
            )
            if both
            else None
        )
        findings.sort(key=_finding_order)
        collected: tuple[tuple[str, Any], ...] = ()
        if checked:
            collected = tuple(
                (rule.code, rule.collect(ctx))
                for rule in selected
                if rule.document and rule.collect
            )
        base = base_score(pair, z, bilingual=bilingual)
        return PairResult(
            pair=pair,
            score=score_from(base, findings),
            findings=tuple(findings),
            sentences=tuple(ctx.sentence_links) if checked else (),
            collected=collected,
            base=base,
        )

    def _apply_noqa(self, findings: list[Finding], ctx: PairContext) -> list[Finding]:
        noqa = parse_noqa(ctx.pair.note) if ctx.pair.note else None
        if noqa is None:
            return findings
        kept = [f for f in findings if not noqa.silences(f)]
        unused = REGISTRY["X002"]
        for code in noqa.unused(findings):
            if code in REGISTRY and REGISTRY[code].document:
                continue  # document rules run later, over the whole document
            kept.append(_finding(unused, Hit(f"noqa: {code} suppresses nothing on this row"), ctx))
        return kept

    def check_document(self, document: Document) -> Iterator[PairResult]:
        rules = self.rules_for(document.info.path)
        lang = document.info.target_lang
        passes = DocumentPass(self, rules)
        for pair in document.pairs:
            result = self.check_pair(
                pair, bilingual=lang is not None, rules=rules, target_lang=lang
            )
            yield passes.feed(result)

    def check_pairs(self, pairs: Iterable[Pair]) -> Iterator[PairResult]:
        passes = DocumentPass(self, self.rules)
        for pair in pairs:
            yield passes.feed(self.check_pair(pair))


class DocumentPass:
    """Runs the document rules over one document's results, in input order, as they stream.

    A document rule sees each result after the ones before it and may add findings to it
    (E106 reports a name's second rendering on the pair where it appears); the score drops
    by the same factor a pair rule's finding would cost. Runs in the main process, after
    the worker processes, so ``--jobs`` changes nothing.
    """

    def __init__(self, checker: Checker, rules: list[Rule]):
        self.checker = checker
        self.rules = [r for r in rules if r.document]
        self.state: dict[str, dict[str, Any]] = {r.code: {} for r in self.rules}

    def feed(self, result: PairResult) -> PairResult:
        if not self.rules or result.pair.structural:
            return result
        ctx = PairContext(result.pair, self.checker.settings)
        collected = dict(result.collected)
        added: list[Finding] = []
        for rule in self.rules:
            try:
                data = collected.get(rule.code)
                hits = list(rule.check(self.state[rule.code], result, data))
            except Exception as exc:  # a broken rule must not end the run
                added.append(_crash(rule, exc, ctx))
                continue
            added.extend(_finding(rule, hit, ctx, self.checker.overrides) for hit in hits)
        noqa = parse_noqa(result.pair.note) if result.pair.note else None
        if noqa is not None:
            added = [f for f in added if not noqa.silences(f)]
        if not added:
            return result
        findings = sorted([*result.findings, *added], key=_finding_order)
        return rescored(replace(result, findings=tuple(findings)))


def check_chunk(
    settings: Settings, path: str, target_lang: str | None, pairs: list[Pair]
) -> list[PairResult]:
    """Check a chunk of one document's pairs; pure and picklable, for worker processes."""
    checker = _process_checker(settings)
    rules = checker.rules_for(path)
    bilingual = target_lang is not None
    return [
        checker.check_pair(pair, bilingual=bilingual, rules=rules, target_lang=target_lang)
        for pair in pairs
    ]


_CHECKERS: dict[str, Checker] = {}


def _process_checker(settings: Settings) -> Checker:
    """One Checker per settings per process: building it selects rules, once."""
    key = repr(settings)  # Settings holds dicts, so it is not hashable itself
    checker = _CHECKERS.get(key)
    if checker is None:
        checker = _CHECKERS[key] = Checker(settings)
    return checker


def fails(results: Iterable[PairResult], threshold: Severity | None) -> bool:
    """True when any open finding is at or above ``threshold`` (``None``: never fail)."""
    if threshold is None:
        return False
    return any(f.severity >= threshold for r in results for f in r.findings if f.is_open)
