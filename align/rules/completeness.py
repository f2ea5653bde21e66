"""A rules: every source has a translation, every translation a source, and lengths agree."""

from __future__ import annotations

from collections.abc import Iterator

from align.context import PairContext
from align.lengths import bracketed, chinese_length, english_length, length_z
from align.models import Severity
from align.rules.base import Hit, rule, whole_span


@rule("A001", "target-missing", Severity.ERROR)
def target_missing(ctx: PairContext) -> Iterator[Hit]:
    """Source text with no translation, or an empty one, in a bilingual input.

    What it checks: the pair has English text but its Chinese side is absent or blank (an
    interleaved file where the Chinese line after an English line is missing, an empty
    ``target`` cell).
    Why it matters: a dropped line is the most complete loss of meaning there is, and in an
    interleaved file it would otherwise shift every later pair by one.
    Example: ``Thank you.`` followed directly by the next English line.
    Passes: ``Thank you.`` → ``謝謝。``; English-only inputs (see A003).
    """
    if ctx.bilingual and ctx.source.strip() and not ctx.target.strip():
        yield Hit("source has no translation", source_span=whole_span(ctx.source))


@rule("A002", "source-missing", Severity.WARNING)
def source_missing(ctx: PairContext) -> Iterator[Hit]:
    """Chinese text with no English source.

    What it checks: the pair has a Chinese side but no English text (a Chinese line where an
    English line was expected, an empty ``source`` cell).
    Why it matters: text with no source is either added content or a sign that the file's
    lines are out of step.
    Example: two Chinese lines in a row in an interleaved transcript.
    Passes: any pair with English text.
    """
    if ctx.target.strip() and not ctx.source.strip():
        yield Hit("translation has no source text", target_span=whole_span(ctx.target))


@rule("A003", "no-translation", Severity.INFO, opt_in=True)
def no_translation(ctx: PairContext) -> Iterator[Hit]:
    """A segment of an English-only document, waiting for a translation.

    What it checks: the input has no target language at all (a Markdown article, a scraped
    transcript) and this segment is prose to translate.
    Why it matters: lists what still needs translating; reported as info so it never fails
    a build by itself.
    Example: any sentence of ``corpora/okta-business-model.en.md``.
    Passes: pairs from bilingual inputs (a missing translation there is A001).
    Opt-in: one finding per sentence is a list, not a check; run ``--select A003``.
    """
    if not ctx.bilingual and ctx.source.strip():
        yield Hit("no translation yet", source_span=whole_span(ctx.source))


@rule("A010", "length-ratio-outlier", Severity.WARNING)
def length_ratio_outlier(ctx: PairContext) -> Iterator[Hit]:
    """Translation far longer or shorter than the English predicts.

    What it checks: the Chinese length against ``length-ratio`` × the English length, in
    standard deviations of a variance that grows with length (Gale-Church), but never less
    than ``length-ratio-sd`` × the English length (documents differ in ratio by that much
    however long they are: past 500 English characters the allowed ratio stops narrowing);
    fires beyond ``length-z``. Latin names and digits in the Chinese count as if translated.
    Why it matters: a truncated translation (a sentence dropped from a paragraph) or added
    content shows first as a length far from the norm.
    Example: a 300-character English paragraph rendered as ``謝謝。``; a long paragraph with
    half of its translation missing.
    Passes: ``180 basis points`` → ``180個基點`` (short lines vary a lot and are not flagged);
    a correct 2,800-character paragraph at ratio 0.39 (z = +2.0, not +4.7 as by Gale-Church
    alone). A drop of under about a third of a long paragraph is within the spread of
    correct translations and is not flagged.
    """
    if not (ctx.source.strip() and ctx.target.strip()):
        return
    settings = ctx.settings
    z = length_z(
        ctx.source,
        ctx.target,
        settings.length_ratio,
        settings.length_variance,
        settings.length_ratio_sd,
    )
    if abs(z) <= settings.length_z:
        return
    src, tgt = english_length(ctx.source), chinese_length(ctx.target, bracketed(ctx.source))
    expected = settings.length_ratio * src
    what = "shorter" if z < 0 else "longer"
    yield Hit(
        f"translation is {what} than expected: {tgt:.0f} Chinese characters for {src} English "
        f"(expected about {expected:.0f}; z = {z:+.1f}, limit ±{settings.length_z:g})",
        source_span=whole_span(ctx.source),
        target_span=whole_span(ctx.target),
    )
