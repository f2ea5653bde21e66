"""Settings: defaults, then ``[tool.align]`` in pyproject.toml or an ``align.toml``, then the CLI.

Keys are kebab-case in the file (``fail-on``, ``length-z``) and snake_case here.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from align.errors import InputError
from align.lengths import RATIO, RATIO_SD, VARIANCE
from align.models import Severity

FAIL_ON = ("error", "warning", "info", "never")
# Declared locales and the script each expects.
LOCALES = {"zh-TW": "zh-Hant", "zh-HK": "zh-Hant", "zh-MO": "zh-Hant", "zh-CN": "zh-Hans",
           "zh-SG": "zh-Hans", "zh-Hant": "zh-Hant", "zh-Hans": "zh-Hans"}  # fmt: skip


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ("ALL",)
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    # Length model (see align.lengths) and the |z| above which a pair is a length outlier.
    length_ratio: float = RATIO
    length_variance: float = VARIANCE
    # Floor of the standard deviation in ratio terms: long text is no outlier for being long.
    length_ratio_sd: float = RATIO_SD
    length_z: float = 4.0
    # A target whose Han share (see align.lang.script) is below this is "untranslated".
    untranslated_han_share: float = 0.3
    # {"glob": ["CODE", ...]}: more ignores for matching files; {"CODE": "warning"}: severity.
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    # Glossary files (CSV or TBX, see align.glossary); paths in a config file are relative to it.
    glossary: tuple[str, ...] = ()
    # The declared target locale (zh-TW, zh-CN, zh-HK …); None: judged from the document.
    target_locale: str | None = None
    # A pair longer than this (both sides, in characters) is reported (X003), not checked.
    max_segment_chars: int = 20_000
    # More idiom files for M101, in the format of align/data/idioms.tsv.
    idioms: tuple[str, ...] = ()
    # Domain term bases for M106 (see align.meaning.domains): ("finance",), ("biomedical",) …
    domain: tuple[str, ...] = ()
    # ``align check`` on a Dask cluster: a scheduler address, or local:N (see align.distributed).
    dask: str | None = None

    @property
    def expected_script(self) -> str | None:
        """``zh-Hant`` or ``zh-Hans`` for the declared locale."""
        return LOCALES.get(self.target_locale) if self.target_locale else None

    @property
    def fail_severity(self) -> Severity | None:
        return None if self.fail_on == "never" else Severity(self.fail_on)

    def thresholds(self) -> dict[str, float]:
        """The numeric settings that change results; they go into the report signature."""
        return {
            "ratio": self.length_ratio,
            "var": self.length_variance,
            "sd": self.length_ratio_sd,
            "z": self.length_z,
            "han": self.untranslated_han_share,
        }


def _from_mapping(data: dict[str, Any], origin: str) -> dict[str, Any]:
    known = {f.name for f in fields(Settings)}
    values: dict[str, Any] = {}
    for key, value in data.items():
        name = key.replace("-", "_")
        if name not in known:
            raise InputError(
                f"unknown setting {key!r} in [tool.align]", path=origin, line=_line_of(origin, key)
            )
        if name in {"select", "ignore"}:
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list):
                raise InputError(f"{key} must be a list of rule codes", path=origin)
            value = tuple(str(v) for v in value)
        values[name] = value
    values.update(_tables(values, origin))
    for key in ("glossary", "idioms"):
        if key in values:
            paths = [values[key]] if isinstance(values[key], str) else values[key]
            if not isinstance(paths, list):
                raise InputError(f"{key} must be a path or a list of paths", path=origin)
            values[key] = tuple(str(Path(origin).parent / p) for p in paths)
    if "domain" in values:
        from align.meaning.domains import parse_domains

        values["domain"] = parse_domains(values["domain"], origin)
    if not isinstance(values.get("dask", ""), str):
        raise InputError('dask must be a scheduler address or "local:N"', path=origin)
    if "target_locale" in values:
        values["target_locale"] = check_locale(str(values["target_locale"]), origin)
    if values.get("fail_on", "error") not in FAIL_ON:
        raise InputError(f"fail-on must be one of {', '.join(FAIL_ON)}", path=origin)
    _check_codes(values, origin)
    return values


def _tables(values: dict[str, Any], origin: str) -> dict[str, Any]:
    """Check ``per-file-ignores`` and ``severity``, the two settings that are tables."""
    out: dict[str, Any] = {}
    if "per_file_ignores" in values:
        table = values["per_file_ignores"]
        if not isinstance(table, dict):
            raise InputError("per-file-ignores must be a table of glob = [codes]", path=origin)
        out["per_file_ignores"] = {
            str(glob): tuple(str(c).upper() for c in ([codes] if isinstance(codes, str) else codes))
            for glob, codes in table.items()
        }
    if "severity" in values:
        table = values["severity"]
        levels = ("error", "warning", "info")
        if not isinstance(table, dict) or any(v not in levels for v in table.values()):
            raise InputError('severity must be a table of CODE = "error"|"warning"|"info"',
                             path=origin)  # fmt: skip
        out["severity"] = {str(code).upper(): level for code, level in table.items()}
    return out


def check_locale(locale: str, origin: str | None = None) -> str:
    """A known locale, matched case-insensitively (``zh-tw`` → ``zh-TW``)."""
    for known in LOCALES:
        if known.lower() == locale.lower().replace("_", "-"):
            return known
    raise InputError(f"unknown target locale {locale!r}; use one of {', '.join(LOCALES)}",
                     path=origin)  # fmt: skip


# [tool.align], [ tool . align ], [tool.align.severity], tool.align.select = …: however the
# table is spelled, a pyproject.toml that mentions it is this project's configuration.
_MENTIONS_ALIGN = re.compile(r"^\s*\[?\s*tool\s*\.\s*align\b", re.MULTILINE)


def find_config(start: Path) -> Path | None:
    """The nearest align.toml, or pyproject.toml with a [tool.align] table, from ``start`` up."""
    for folder in [start, *start.parents]:
        candidate = folder / "align.toml"
        if candidate.is_file():
            return candidate
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and _MENTIONS_ALIGN.search(candidate.read_text("utf-8", "replace")):
            return candidate
    return None


def _line_of(origin: str, key: str) -> int | None:
    """The line of ``key = …`` in the config file, for the error message."""
    try:
        text = Path(origin).read_text("utf-8", "replace")
    except OSError:
        return None
    pattern = re.compile(rf"^\s*(?:tool\.align\.)?{re.escape(key)}\s*=", re.MULTILINE)
    found = pattern.search(text)
    return text.count("\n", 0, found.start()) + 1 if found else None


def _check_codes(values: dict[str, Any], origin: str) -> None:
    """select/ignore in a config are checked like --select/--ignore: a typo is an error."""
    from align.rules.base import unknown_prefixes

    for key in ("select", "ignore"):
        unknown = unknown_prefixes(values.get(key) or ())
        if unknown:
            raise InputError(
                f"{key}: no rule matches {', '.join(unknown)} (see `align rules`)",
                path=origin,
                line=_line_of(origin, key),
            )


def load_settings(path: Path | None = None, **overrides: Any) -> Settings:
    """Settings from ``path`` (or the nearest config file) with CLI ``overrides`` on top."""
    settings = Settings()
    config = path if path is not None else find_config(Path.cwd())
    if config is not None:
        try:
            data = tomllib.loads(config.read_text("utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read config: {exc}", path=str(config)) from None
        except tomllib.TOMLDecodeError as exc:
            raise InputError(f"invalid TOML: {exc}", path=str(config)) from None
        if config.name == "pyproject.toml":
            data = data.get("tool", {}).get("align", {})
        settings = replace(settings, **_from_mapping(data, str(config)))
    given = {k: v for k, v in overrides.items() if v is not None}
    return replace(settings, **given)
