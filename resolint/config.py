"""One settings schema for pyproject.toml, resolint.toml, the command line and the LSP.

Discovery: from the checked file's folder upwards, the nearest of
``.resolint.toml``, ``resolint.toml`` or a ``pyproject.toml`` with a
``[tool.resolint]`` table wins; a file whose own folders have none takes the
one found from the current directory (the editor's workspace folder for the
language server), as ruff does.  Keys use dashes in files and on the command
line (``extend-select``, ``--extend-select``).

One merge for the command line and the editors (:func:`effective_settings`):
defaults ← the configuration file ← the command line or the editor's settings,
where ``select`` and ``fail-on`` replace, the other lists and tables add, and an
empty list or table means "not set".
"""

from __future__ import annotations

import fnmatch
import glob
import os
import posixpath
import tomllib
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path

from .diagnostics import Severity
from .rules.base import FAMILY_LETTERS

CONFIG_FILES = (".resolint.toml", "resolint.toml", "pyproject.toml")


class ConfigError(Exception):
    """A configuration problem: the message names the file, the key and what is allowed."""


@dataclass(slots=True)
class Settings:
    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: str = "warning"
    preambular_openers: list[str] = field(default_factory=list)
    operative_openers: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    # [tool.resolint.rules.CODE]: each rule's options by code, checked against its schema.
    rule_options: dict[str, dict] = field(default_factory=dict)
    source: str | None = None  # the file these settings came from
    root: str | None = None  # its folder: per-file-ignores and exclude globs are relative to it

    # -------------------------------------------------------------- queries
    def selected_codes(self, path: str | None = None) -> frozenset[str]:
        from .rules import all_rules

        codes = list(all_rules())
        chosen = {c for c in codes if _matches_any(c, self.select + self.extend_select)}
        chosen -= {c for c in codes if _matches_any(c, self.ignore)}
        if path and self.per_file_ignores:
            rel = self._relative(path)
            for pattern, ignored in self.per_file_ignores.items():
                if _path_matches(path, rel, pattern):
                    chosen -= {c for c in codes if _matches_any(c, ignored)}
        return frozenset(chosen)

    def severity_for(self, code: str, default: Severity | None) -> Severity | None:
        name = self.severity.get(code)
        return Severity.parse(name) if name else default

    def is_excluded(self, path: str) -> bool:
        rel = self._relative(path)
        return any(_path_matches(path, rel, pattern) for pattern in self.exclude)

    def _relative(self, path: str) -> str:
        p = Path(path)
        if self.root:
            try:
                return Path(os.path.realpath(p)).relative_to(os.path.realpath(self.root)).as_posix()
            except (ValueError, OSError, RuntimeError):
                pass
        return p.as_posix()

    # -------------------------------------------------------------- building
    def overridden(self, overrides: dict) -> Settings:
        """``overrides`` (from :func:`check_overrides`) on top of these settings: ``select``
        and ``fail-on`` replace, the other lists and tables add to the configured ones."""
        if not overrides:
            return self
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        for key, value in overrides.items():
            if key in ("select", "fail_on"):
                data[key] = value
            elif isinstance(value, list):
                data[key] = [*data[key], *value]
            elif key == "rule_options":
                data[key] = {
                    code: {**data[key].get(code, {}), **table} for code, table in {**data[key], **value}.items()
                }
            elif isinstance(value, dict):
                data[key] = {**data[key], **value}
            else:
                data[key] = value
        return Settings(**data)

    def with_command_line(self, overrides: dict, base_dir: str | None = None) -> Settings:
        """The command line on top of a file (raises ConfigError for the first bad key)."""
        accepted, problems = check_overrides(overrides, "command line", base_dir)
        if problems:
            raise ConfigError(problems[0])
        return self.overridden(accepted)

    def merged(self, overrides: dict, origin: str = "command line") -> Settings:
        """A copy with ``overrides`` (dash or underscore keys) applied and validated."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data.update(validate(overrides, origin))
        return Settings(**data)


_LIST_KEYS = ("select", "ignore", "extend_select", "preambular_openers", "operative_openers", "exclude")
# The file's key for each field, where it is not the field's name with dashes.
_KEY_OF = {"rule_options": "rules"}
_KNOWN = {_KEY_OF.get(f.name, f.name.replace("_", "-")) for f in fields(Settings)} - {"source", "root"}
_ATTR_OF = {key: attr for attr, key in _KEY_OF.items()}


def validate(raw: dict, origin: str) -> dict:
    """Check ``raw`` settings; return them with underscore keys.  Raises ConfigError."""
    from .rules import all_rules

    codes = set(all_rules())
    out: dict = {}
    for key, value in raw.items():
        name = key.replace("_", "-")
        if name not in _KNOWN:
            raise ConfigError(f"{origin}: unknown key {key!r}; allowed keys: {', '.join(sorted(_KNOWN))}")
        attr = _ATTR_OF.get(name, name.replace("-", "_"))
        if attr == "rule_options":
            value = _check_rule_options(value, origin)
        elif attr in _LIST_KEYS:
            if isinstance(value, str):
                value = [v.strip() for v in value.split(",") if v.strip()]
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ConfigError(f"{origin}: {name} must be a list of strings (got {value!r})")
            if attr in ("select", "ignore", "extend_select"):
                for selector in value:
                    _check_selector(selector, codes, origin, name)
            if attr == "exclude":
                for pattern in value:
                    _check_glob(pattern, origin, name)
        elif attr == "per_file_ignores":
            if not isinstance(value, dict):
                raise ConfigError(f"{origin}: per-file-ignores must be a table of glob = [codes]")
            for pattern, selectors in value.items():
                _check_glob(pattern, origin, name)
                if isinstance(selectors, str):
                    selectors = [s.strip() for s in selectors.split(",") if s.strip()]
                    value[pattern] = selectors
                if not isinstance(selectors, list):
                    raise ConfigError(f"{origin}: per-file-ignores.{pattern!r} must be a list of codes")
                for selector in selectors:
                    _check_selector(selector, codes, origin, f"per-file-ignores.{pattern}")
        elif attr == "severity":
            if not isinstance(value, dict):
                raise ConfigError(f'{origin}: severity must be a table of CODE = "error|warning|info|hint"')
            for code, level in value.items():
                if code not in codes:
                    raise ConfigError(f"{origin}: severity: unknown rule code {code!r}; `resolint rules` lists them")
                if not isinstance(level, str) or level.lower() not in ("error", "warning", "info", "hint"):
                    raise ConfigError(
                        f"{origin}: severity.{code} must be one of error, warning, info, hint (got {level!r})"
                    )
        elif attr == "fail_on":
            if not isinstance(value, str) or value.lower() not in ("error", "warning", "info", "hint", "never"):
                raise ConfigError(f"{origin}: fail-on must be one of error, warning, info, hint, never (got {value!r})")
            value = value.lower()
        out[attr] = value
    return out


def _check_rule_options(value: object, origin: str) -> dict[str, dict]:
    """``[tool.resolint.rules.CODE]`` tables: every code a rule's, every option in its schema
    and of its type.  Returns them by upper-case code."""
    from .rules import all_rules

    if not isinstance(value, dict):
        raise ConfigError(f"{origin}: rules must be a table of [rules.CODE] tables of options")
    rules = all_rules()
    checked: dict[str, dict] = {}
    for code, table in value.items():
        r = rules.get(str(code).upper())
        if r is None:
            raise ConfigError(f"{origin}: rules: unknown rule code {code!r}; `resolint rules` lists them")
        allowed = ", ".join(o.name for o in r.options) or "none: the rule has no options"
        if not isinstance(table, dict):
            raise ConfigError(f"{origin}: rules.{code} must be a table of options (allowed: {allowed})")
        options = checked.setdefault(r.code, {})
        for name, option_value in table.items():
            option = r.option(name)
            if option is None:
                raise ConfigError(f"{origin}: rules.{code}: unknown option {name!r}; allowed: {allowed}")
            try:
                options[name] = option.check(option_value)
            except ValueError as error:
                raise ConfigError(f"{origin}: rules.{code}.{name} {error}") from None
    return checked


def rule_options_from_command_line(items: list[str]) -> dict[str, dict]:
    """``--rules D004.strong-agreement=3`` (repeatable, comma-separated) as the table of
    ``[tool.resolint.rules]``; a value is read as in TOML (``3``, ``true``, ``"x"``), else as text."""
    table: dict[str, dict] = {}
    for item in (v.strip() for value in items for v in value.split(",") if v.strip()):
        target, sep, raw = item.partition("=")
        code, dot, name = target.strip().partition(".")
        if not (sep and dot and code and name):
            raise ConfigError(
                f"command line: --rules {item!r}: expected CODE.OPTION=VALUE, e.g. D004.strong-agreement=3"
            )
        try:
            value = tomllib.loads(f"v = {raw.strip()}")["v"]
        except tomllib.TOMLDecodeError:
            value = raw.strip()
        table.setdefault(code.upper(), {})[name.strip()] = value
    return table


def check_overrides(raw: dict, origin: str, base_dir: str | None = None) -> tuple[dict, list[str]]:
    """Command-line or editor settings, each key checked on its own: (the accepted ones
    with underscore keys, one message per bad key).  An empty list, table or string is
    "not set" (an editor's array setting with no value is ``[]``).  Relative globs of
    ``exclude`` and ``per-file-ignores`` are anchored at ``base_dir`` (the current
    directory, or the editor's workspace folder), so they do not depend on how a path
    was typed."""
    accepted: dict = {}
    problems: list[str] = []
    for key, value in raw.items():
        if value is None or (isinstance(value, (list, dict, str)) and not value):
            continue
        try:
            checked = validate({key: value}, origin)
        except ConfigError as error:
            problems.append(str(error))
            continue
        if base_dir is not None:
            if "exclude" in checked:
                checked["exclude"] = [anchor_glob(g, base_dir) for g in checked["exclude"]]
            if "per_file_ignores" in checked:
                checked["per_file_ignores"] = {
                    anchor_glob(g, base_dir): c for g, c in checked["per_file_ignores"].items()
                }
        accepted.update(checked)
    return accepted, problems


def anchor_glob(pattern: str, base_dir: str) -> str:
    """``drafts/*.md`` given in ``/proj`` → ``/proj/drafts/*.md``; a bare name (``*.old.md``,
    matched against file names anywhere) and an absolute glob stay as they are."""
    bare = pattern[2:] if pattern.startswith("./") else pattern
    if bare.startswith("/") or "/" not in bare.rstrip("/"):
        return bare
    return posixpath.normpath(f"{glob.escape(Path(os.path.realpath(base_dir)).as_posix())}/{bare}")


def _check_selector(selector: str, codes: set[str], origin: str, key: str) -> None:
    s = selector.upper()
    if s == "ALL" or s in codes or s in FAMILY_LETTERS or (len(s) < 4 and any(c.startswith(s) for c in codes)):
        return
    raise ConfigError(
        f"{origin}: {key}: unknown rule code or family {selector!r}; expected a code like S001 "
        f"(`resolint rules` lists them), a family letter ({', '.join(FAMILY_LETTERS)}) or ALL"
    )


def _check_glob(pattern: str, origin: str, key: str) -> None:
    problem = None
    if not isinstance(pattern, str) or not pattern.strip():
        problem = "empty pattern"
    else:
        depth = 0
        for char in pattern:
            if char == "[":
                depth += 1
            elif char == "]" and depth:
                depth -= 1
        if depth:
            problem = "an unclosed ["
        elif "\x00" in pattern:
            problem = "a NUL character"
    if problem:
        raise ConfigError(
            f"{origin}: {key}: invalid glob {pattern!r} ({problem}); expected a pattern like drafts/*.md or **/annex-*.txt"
        )


def _matches_any(code: str, selectors: list[str]) -> bool:
    for s in selectors:
        s = s.upper()
        if s == "ALL" or code == s or (len(s) < 4 and code.startswith(s)):
            return True
    return False


def _path_matches(path: str, rel: str, pattern: str) -> bool:
    """A glob of a configuration file matches the path relative to the file's folder; an
    anchored glob (``/cwd/drafts/*.md``: from the command line or an editor) the real path."""
    if pattern.startswith("/"):
        try:
            rel = Path(os.path.realpath(path)).as_posix()
        except (OSError, ValueError):
            return False
    return _glob_match(rel, pattern)


def _glob_match(path: str, pattern: str) -> bool:
    return (
        fnmatch.fnmatch(path, pattern)
        or fnmatch.fnmatch(Path(path).name, pattern)
        or (pattern.endswith("/**") and path.startswith(pattern[:-3] + "/"))
    )


def find_config(start: Path) -> Path | None:
    """The nearest configuration file at or above ``start`` (a folder)."""
    try:
        folder = Path(os.path.realpath(start))
    except (OSError, RuntimeError):
        return None
    for directory in (folder, *folder.parents):
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file():
                if name == "pyproject.toml" and not _has_tool_table(candidate):
                    continue
                return candidate
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "resolint" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return True  # let load_config report the broken file


@lru_cache(maxsize=64)
def _load_cached(path: str, mtime: float) -> Settings:
    p = Path(path)
    try:
        data = tomllib.loads(p.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None
    if p.name == "pyproject.toml":
        data = data.get("tool", {}).get("resolint", {})
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: [tool.resolint] must be a table")
    settings = Settings().merged(data, origin=str(path))
    settings.source = str(path)
    settings.root = str(p.parent)
    return settings


def load_config(path: Path) -> Settings:
    if path.is_dir():
        raise ConfigError(
            f"{path}: is a directory where a configuration file (resolint.toml, pyproject.toml) was expected"
        )
    try:
        mtime = path.stat().st_mtime
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from None
    return _load_cached(str(path), mtime)


def settings_for(
    file_path: str | None, config: str | None = None, isolated: bool = False, fallback_dir: str | None = None
) -> Settings:
    """The configuration file's settings for ``file_path``: ``--config``, else the nearest
    file above it, else the one found from ``fallback_dir`` (default: the current
    directory), else the defaults."""
    if isolated:
        return Settings()
    if config:
        return load_config(Path(config))
    try:
        here = Path(fallback_dir) if fallback_dir else Path.cwd()
    except OSError:  # the current directory was deleted
        here = None
    found = None
    if file_path and file_path != "-":
        found = find_config(Path(file_path).parent)
    if found is None and here is not None:
        found = find_config(here)
    return load_config(found) if found else Settings()


_EFFECTIVE: dict = {}


def effective_settings(
    file_path: str | None,
    overrides: dict | None = None,
    config: str | None = None,
    isolated: bool = False,
    fallback_dir: str | None = None,
) -> Settings:
    """What applies to ``file_path``, for the command line and the language server alike:
    defaults ← the configuration file (:func:`settings_for`) ← ``overrides`` (the
    command line or the editor's settings, from :func:`check_overrides`)."""
    base = settings_for(file_path, config, isolated, fallback_dir)
    if not overrides:
        return base
    key = (id(base), repr(sorted(overrides.items())))
    cached = _EFFECTIVE.get(key)
    if cached is None or cached[0] is not base:
        if len(_EFFECTIVE) > 256:
            _EFFECTIVE.clear()
        cached = _EFFECTIVE[key] = (base, base.overridden(overrides))
    return cached[1]
