"""The triage rules file: what it holds, and reading it with every problem named.

A command center edits the file (TOML, so it can carry comments explaining local policy), so a bad file
must never take the desk down: ``load_rules`` raises ``RulesError`` carrying every problem found, each a
plain sentence naming the file, the line and the field, and the caller decides (the desk keeps the
shipped rules and shows the list; the CLI prints it and stops).
"""

from __future__ import annotations

import math
import re
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from station_duty.triage.labelled import SHIPPED_CALLS, LabelledCall, read_labelled_calls
from station_duty.triage.locate import Locator
from station_duty.triage.problems import Problem, RulesError

DEFAULT_RULES = Path(__file__).resolve().parent.parent / "data" / "triage_rules.toml"
"""The rules shipped with the plugin (TRIAGE_RULES.md's defaults)."""

PATTERN_JOINER = "~"
"""``"A~B"``: A followed by B a few words later in the same clause; ``"A~~B"``: B anywhere after A in the
description (a claim in one clause, the demand it leads to in another)."""

_SET = re.compile(r"^\{([^{}~\s]+)\}$")


def set_name(part: str) -> str | None:
    """The name of the word set a pattern part stands for ("{自称}" → "自称"), or None for a plain word."""
    match = _SET.match(part.strip())
    return match.group(1) if match else None

LEVELS = ("strong", "medium", "weak")
"""The strengths a rule lists its words in; their weights are the file's ``[weights]``."""

ARRAY_TABLES = ("police.triggers", "noise.sources", "departments", "type_hints")


@dataclass(frozen=True)
class WordRule:
    """A police trigger or a department: its name and the weight of each of its words."""

    name: str
    weights: Mapping[str, float]
    outranks: frozenset[str] = frozenset()
    negatable: bool = True  # a negation word before one of its words cancels that word


@dataclass(frozen=True)
class NoiseSource:
    name: str
    words: frozenset[str]
    day: str
    night: str
    default: bool = False


@dataclass(frozen=True)
class NoiseRule:
    night_start: int
    night_end: int
    unknown_is_night: bool
    words: frozenset[str]
    night_words: frozenset[str]
    day_words: frozenset[str]
    sources: tuple[NoiseSource, ...]
    types: frozenset[str] = frozenset()

    def is_night(self, hour: int) -> bool:
        if self.night_start > self.night_end:  # the night spans midnight, as 22:00-08:00 does
            return hour >= self.night_start or hour < self.night_end
        return self.night_start <= hour < self.night_end


@dataclass(frozen=True)
class Rules:
    source: str
    police_department: str
    police_threshold: float
    referral_threshold: float
    strong_weight: float
    police: tuple[WordRule, ...]
    departments: tuple[WordRule, ...]
    negation_words: frozenset[str]
    negation_scope: int
    clause_breaks: frozenset[str]
    noise: NoiseRule
    type_hints: Mapping[str, tuple[str, float]] = field(default_factory=dict)
    # what callers say -> the word the rules use ("屋企" -> "家", "俾人" -> "被人"): dialect and colloquial
    # forms are folded onto one word before the text is cut, so each rule lists the word once
    synonyms: Mapping[str, str] = field(default_factory=dict)
    # what the model learns from ([model]: the shipped calls and/or a command center's); none: rules alone
    model_calls: tuple[LabelledCall, ...] = ()
    # [model] overrule: the second reader (reader.py), learned from the same calls, decides where it disagrees
    overrule: bool = False
    # [model] never_overruled: the police triggers whose decisions the reader never overrules
    never_overruled: frozenset[str] = frozenset()
    # [word_sets]: name -> words a pattern part "{name}" stands for (any organisation, any demand for money)
    word_sets: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # [incidental]: phrases in which a police word is only a figure or an object's matter, not counted
    # ("这跟抢钱有什么区别", "电池炸了")
    incidental: frozenset[str] = frozenset()
    # [setting]: department words that say where a call happens or who is there (地铁, 学校, 养老院), not what
    # happened: they count for their department, but never stand against police words
    setting: frozenset[str] = frozenset()
    # [negation].scope_breaks: words that end a negation's reach without ending the clause: "不搬就打断你的腿"
    # negates the condition (搬), not what follows 就
    scope_breaks: frozenset[str] = frozenset()

    def vocabulary(self) -> frozenset[str]:
        """Every word the rules look for, pattern parts included: these are added to the tokenizer."""
        words: set[str] = set(self.negation_words | self.clause_breaks | self.scope_breaks)
        for rule in (*self.police, *self.departments):
            words.update(rule.weights)
        words.update(self.noise.words | self.noise.night_words | self.noise.day_words)
        for source in self.noise.sources:
            words.update(source.words)
        words.update(self.incidental)
        for members in self.word_sets.values():
            words.update(members)
        parts = {part for word in words for part in word.split(PATTERN_JOINER)}
        return frozenset(part for part in parts if part and set_name(part) is None)


def load_rules(path: Path | str | None = None) -> Rules:
    """Reads and checks a rules file (the shipped one by default); raises ``RulesError`` with every problem."""
    path = Path(path) if path is not None else DEFAULT_RULES
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise RulesError([Problem(str(path), None, "file", f"cannot be read ({error.strerror or error}).")]) from None
    except UnicodeDecodeError as error:
        raise RulesError([Problem(str(path), None, "file",
                                  f"is not UTF-8 text (byte {error.start}); save it as UTF-8.")]) from None
    return parse_rules(text, str(path))


def parse_rules(text: str, source: str) -> Rules:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib's message ends with "(at line N, column M)": the line is in it already.
        raise RulesError([Problem(source, None, "file", f"is not valid TOML: {error}.")]) from None
    checker = _Checker(source, Locator(text, ARRAY_TABLES))
    rules = checker.rules(data)
    if checker.problems or rules is None:
        # the rules file's problems first, then those of the labelled calls it names, each by line
        raise RulesError(sorted(checker.problems, key=lambda problem: (problem.file != source, problem.line or 0)))
    return rules


class _Checker:
    """Builds ``Rules`` from the parsed TOML, writing down every problem instead of stopping at the first."""

    def __init__(self, source: str, locator: Locator) -> None:
        self.source = source
        self.locator = locator
        self.problems: list[Problem] = []
        self.word_sets: dict[str, frozenset[str]] = {}

    def problem(self, path: tuple[str | int, ...], message: str, item: str | None = None) -> None:
        self.problems.append(Problem(self.source, self.locator.line_of(path, item), _dotted(path), message))

    def rules(self, data: dict[str, Any]) -> Rules | None:
        police_department = self.text(data, ("police_department",), default="公安")
        self.word_sets = self.sets(self.table(data, "word_sets"))  # first: the rules' patterns name them
        weights = {level: self.number(data.get("weights", {}), ("weights", level), default, 0.0, 100.0)
                   for level, default in zip(LEVELS, (3.0, 2.0, 1.0), strict=True)}
        police = self.table(data, "police")
        threshold = self.number(police, ("police", "threshold"), 2.0, 0.0, 1000.0)
        referral = self.number(police, ("police", "referral_threshold"), 2.0, 0.0, 1000.0)
        triggers = tuple(self.word_rule(entry, ("police.triggers", index), weights)
                         for index, entry in enumerate(self.array(police, "police", "triggers")))
        departments = tuple(self.word_rule(entry, ("departments", index), weights, negatable=False)
                            for index, entry in enumerate(self.array(data, "", "departments")))
        names = {rule.name for rule in departments} | {police_department}
        self.check_departments_known(departments, names)
        negation = self.table(data, "negation")
        noise = self.noise(self.table(data, "noise"), names)
        hints = self.type_hints(data, names)
        model = self.table(data, "model")
        return Rules(
            source=self.source, police_department=police_department, police_threshold=threshold,
            referral_threshold=referral, strong_weight=weights["strong"], police=triggers,
            departments=departments,
            negation_words=frozenset(self.words(negation, ("negation", "words"))),
            negation_scope=int(self.number(negation, ("negation", "scope"), 3, 1, 10, integer=True)),
            clause_breaks=frozenset(self.words(negation, ("negation", "clause_breaks"), required=False)),
            noise=noise, type_hints=hints, synonyms=self.synonyms(self.table(data, "synonyms")),
            model_calls=self.model_calls(model, names), overrule=self.flag(model, ("model", "overrule"), False),
            never_overruled=self.never_overruled(model, triggers),
            word_sets=self.word_sets,
            incidental=frozenset(self.words(self.table(data, "incidental"), ("incidental", "words"),
                                            required=False)),
            setting=self.setting(self.table(data, "setting"), departments),
            scope_breaks=frozenset(self.words(negation, ("negation", "scope_breaks"), required=False)),
        )

    # -- sections --------------------------------------------------------------------------------------

    def word_rule(self, entry: Any, path: tuple[str | int, ...], weights: dict[str, float],
                  negatable: bool = True) -> WordRule:
        if not isinstance(entry, dict):
            self.problem(path, "must be a table with a name and words.")
            return WordRule("?", {})
        name = self.text(entry, (*path, "name"))
        found: dict[str, float] = {}
        for level in LEVELS:
            for word in self.words(entry, (*path, level), required=False):
                if word in found:
                    self.problem((*path, level), f"the word “{word}” is listed twice in this rule.", word)
                found[word] = max(found.get(word, 0.0), weights[level])
        if not found:
            self.problem(path, f"the rule “{name}” lists no words (give strong, medium or weak).")
        outranks = frozenset(self.words(entry, (*path, "outranks"), required=False))
        given = self.flag(entry, (*path, "negatable"), negatable)
        unknown = set(entry) - {"name", "outranks", "negatable", *LEVELS}
        for key in sorted(unknown):
            self.problem((*path, key),
                         f"is not a field of a rule (use name, negatable, outranks, {', '.join(LEVELS)}).")
        return WordRule(name, found, outranks, given)

    def check_departments_known(self, departments: tuple[WordRule, ...], names: set[str]) -> None:
        seen: set[str] = set()
        for index, rule in enumerate(departments):
            if rule.name in seen:
                self.problem(("departments", index, "name"), f"the department “{rule.name}” is defined twice.")
            seen.add(rule.name)
            for other in sorted(rule.outranks - names):
                self.problem(("departments", index, "outranks"),
                             f"names “{other}”, which is not a department of this file.", other)

    def noise(self, noise: dict[str, Any], names: set[str]) -> NoiseRule:
        start = int(self.number(noise, ("noise", "night_start"), 22, 0, 23, integer=True))
        end = int(self.number(noise, ("noise", "night_end"), 8, 0, 23, integer=True))
        unknown = self.text(noise, ("noise", "unknown_hour"), default="night")
        if unknown not in ("night", "day"):
            self.problem(("noise", "unknown_hour"), f"is “{unknown}”; write \"night\" or \"day\".")
        sources: list[NoiseSource] = []
        for index, entry in enumerate(self.array(noise, "noise", "sources")):
            path: tuple[str | int, ...] = ("noise.sources", index)
            if not isinstance(entry, dict):
                self.problem(path, "must be a table with name, words, day and night.")
                continue
            day, night = (self.department(entry, (*path, key), names) for key in ("day", "night"))
            words = frozenset(self.words(entry, (*path, "words")))
            sources.append(NoiseSource(self.text(entry, (*path, "name")), words, day, night,
                                       bool(entry.get("default", False))))
        if sum(source.default for source in sources) > 1:
            self.problem(("noise", "sources"), "more than one source says default = true; keep one.")
        return NoiseRule(
            night_start=start, night_end=end, unknown_is_night=unknown != "day",
            words=frozenset(self.words(noise, ("noise", "words"))),
            night_words=frozenset(self.words(noise, ("noise", "night_words"), required=False)),
            day_words=frozenset(self.words(noise, ("noise", "day_words"), required=False)),
            sources=tuple(sources), types=frozenset(self.words(noise, ("noise", "types"), required=False)),
        )

    def setting(self, table: dict[str, Any], departments: tuple[WordRule, ...]) -> frozenset[str]:
        listed = {word for rule in departments for word in rule.weights}
        words = self.words(table, ("setting", "words"), required=False)
        for word in words:
            if word not in listed:
                self.problem(("setting", "words"), f"holds “{word}”, which no department lists: a setting word "
                                                   "only says where a department's call happens; add it to "
                                                   "one, or remove it here.", word)
        return frozenset(words)

    def sets(self, table: dict[str, Any]) -> dict[str, frozenset[str]]:
        found: dict[str, frozenset[str]] = {}
        for name, members in table.items():
            path: tuple[str | int, ...] = ("word_sets", name)
            words = self.words(table, path)
            if set_name("{" + name + "}") is None or not isinstance(members, list):
                if isinstance(members, list):
                    self.problem(path, f"“{name}” cannot name a set: write a name without spaces, ~ or braces.")
                continue
            for word in words:
                if PATTERN_JOINER in word or set_name(word) is not None:
                    self.problem(path, f"holds “{word}”; a set lists plain words (no ~, no {{set}}).", word)
            found[name] = frozenset(word for word in words if PATTERN_JOINER not in word)
        return found

    def synonyms(self, table: dict[str, Any]) -> dict[str, str]:
        found: dict[str, str] = {}
        for said, meant in table.items():
            path: tuple[str | int, ...] = ("synonyms", said)
            if not isinstance(meant, str) or not _is_word(said) or not _is_word(meant):
                self.problem(path, f"“{said}” = {meant!r}: write what callers say = the word the rules use, "
                                   "both texts without spaces, like \"屋企\" = \"家\".")
            elif said.strip() == meant.strip():
                self.problem(path, f"“{said}” is the same word on both sides; remove the line.")
            else:
                found[said.strip()] = meant.strip()
        return found

    def model_calls(self, model: dict[str, Any], names: set[str]) -> tuple[LabelledCall, ...]:
        """The labelled calls ``[model]`` names: ``shipped_calls = true`` (the plugin's set) and ``calls``, files
        of the command center's own calls (paths relative to the rules file); their problems are the file's."""
        for key in sorted(set(model) - {"shipped_calls", "calls", "overrule", "never_overruled"}):
            self.problem(("model", key),
                         "is not a field of [model] (use shipped_calls, calls, overrule, never_overruled).")
        files = [SHIPPED_CALLS] if self.flag(model, ("model", "shipped_calls"), False) else []
        base = Path(self.source).parent
        files += [base / name for name in self.words(model, ("model", "calls"), required=False)]
        calls: list[LabelledCall] = []
        for path in files:
            found, problems = read_labelled_calls(path, names)
            calls += found
            self.problems += problems
        return tuple(calls)

    def never_overruled(self, model: dict[str, Any], triggers: Sequence[WordRule]) -> frozenset[str]:
        known = [rule.name for rule in triggers]
        kept: set[str] = set()
        for name in self.words(model, ("model", "never_overruled"), required=False):
            if name in known:
                kept.add(name)
            else:
                self.problem(("model", "never_overruled"), f"names “{name}”, which is no police trigger (the "
                             f"triggers: {'、'.join(known)}).", name)
        return frozenset(kept)

    def type_hints(self, data: dict[str, Any], names: set[str]) -> dict[str, tuple[str, float]]:
        hints: dict[str, tuple[str, float]] = {}
        for index, entry in enumerate(self.array(data, "", "type_hints", required=False)):
            path: tuple[str | int, ...] = ("type_hints", index)
            if not isinstance(entry, dict):
                self.problem(path, "must be a table with department, weight and types.")
                continue
            department = self.department(entry, (*path, "department"), names)
            weight = self.number(entry, (*path, "weight"), None, 0.0, 100.0)
            for code in self.words(entry, (*path, "types")):
                if code in hints:
                    self.problem((*path, "types"), f"the type “{code}” already has a hint above.", code)
                hints[code] = (department, weight)
        return hints

    # -- values ----------------------------------------------------------------------------------------

    def table(self, data: dict[str, Any], key: str) -> dict[str, Any]:
        value = data.get(key, {})
        if not isinstance(value, dict):
            self.problem((key,), "must be a table ([" + key + "]).")
            return {}
        return value

    def array(self, data: dict[str, Any], prefix: str, key: str, required: bool = True) -> list[Any]:
        dotted = f"{prefix}.{key}" if prefix else key
        value = data.get(key)
        if value is None:
            if required:
                self.problem((dotted,), f"is missing: the file needs at least one [[{dotted}]] table.")
            return []
        if not isinstance(value, list):
            self.problem((dotted,), f"must be written as [[{dotted}]] tables.")
            return []
        return value

    def text(self, data: dict[str, Any], path: tuple[str | int, ...], default: str | None = None) -> str:
        value = data.get(str(path[-1]), default)
        if value is None:
            self.problem(path, "is missing.")
            return "?"
        if not isinstance(value, str) or not value.strip():
            self.problem(path, f"must be a non-empty text, not {value!r}.")
            return "?"
        return value.strip()

    def department(self, data: dict[str, Any], path: tuple[str | int, ...], names: set[str]) -> str:
        name = self.text(data, path)
        if name != "?" and name not in names:
            self.problem(path, f"names “{name}”, which is not a department of this file "
                               f"(known: {'、'.join(sorted(names))}).")
        return name

    def number(self, data: dict[str, Any], path: tuple[str | int, ...], default: float | None,
               low: float, high: float, integer: bool = False) -> float:
        value = data.get(str(path[-1]), default)
        if value is None:
            self.problem(path, "is missing.")
            return low
        kind = "a whole number" if integer else "a number"
        if isinstance(value, bool) or not isinstance(value, int | float) or (integer and not isinstance(value, int)) \
                or not math.isfinite(value) or not low <= value <= high:
            self.problem(path, f"is {value!r}; it must be {kind} from {low:g} to {high:g}.")
            return default if default is not None else low
        return float(value)

    def flag(self, data: dict[str, Any], path: tuple[str | int, ...], default: bool) -> bool:
        value = data.get(str(path[-1]), default)
        if not isinstance(value, bool):
            self.problem(path, f"is {value!r}; write true or false.")
            return default
        return value

    def words(self, data: dict[str, Any], path: tuple[str | int, ...], required: bool = True) -> list[str]:
        value = data.get(str(path[-1]))
        if value is None:
            if required:
                self.problem(path, "is missing: give a list of words, like [\"噪音\", \"吵\"].")
            return []
        if not isinstance(value, list):
            self.problem(path, f"must be a list of words in [ ], not {value!r}.")
            return []
        good: list[str] = []
        for word in value:
            if not isinstance(word, str) or not word.strip() or any(ch.isspace() for ch in word):
                self.problem(path, f"holds {word!r}; every word must be a text without spaces.",
                             word if isinstance(word, str) else None)
            elif PATTERN_JOINER in word and not all(word.replace(PATTERN_JOINER * 2, PATTERN_JOINER)
                                                    .split(PATTERN_JOINER)):
                self.problem(path, f"holds “{word}”; a pattern needs words on both sides of ~ or ~~, like "
                                   "“不让~走”.", word)
            elif unknown := [name for part in word.split(PATTERN_JOINER)
                             if (name := set_name(part)) is not None and name not in self.word_sets]:
                self.problem(path, f"holds “{word}”, which names the set “{{{unknown[0]}}}”; [word_sets] has "
                                   f"no such set (add it, or write the word itself).", word)
            else:
                good.append(word.strip())
        return good


def _is_word(text: str) -> bool:
    return bool(text.strip()) and not any(ch.isspace() for ch in text.strip())


def _dotted(path: tuple[str | int, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text
