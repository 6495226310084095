"""The triage suggestion: police business or not, and if not, the department it is referred to.

Precedence (TRIAGE_RULES.md): police triggers first, whatever the underlying dispute; then the noise rule
with the time of day; then the department whose words (and the incident type's hint) weigh most; a call
nothing matches stays with the police, unless the model (``model.py``, trained on labelled calls when the
rules' ``[model]`` names some) clearly recognises a department's call in it. With ``[model] overrule`` a second
reader (``reader.py``) reads every call and decides where it disagrees and is sure enough (``ReaderBars``),
except where the noise rule or the police triggers of ``[model] never_overruled`` decided.
``Triage`` is Qt-free and cheap per call (well under a millisecond once jieba is loaded); load it once per
rules file and call ``suggest`` as the text changes.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from station_duty.triage import explain
from station_duty.triage.clock import clock_hour
from station_duty.triage.explain import Explanation
from station_duty.triage.labelled import LabelledCall
from station_duty.triage.model import WordModel, features
from station_duty.triage.reader import SHIPPED_BARS, CallReader, ReaderBars, Reading, trained_reader
from station_duty.triage.rules import Rules, load_rules
from station_duty.triage.words import Finder, Found, Substrings, Tokenizer, normalize

SETTING_SHARE = 0.5
"""What a department's setting word ([setting]: 地铁, 学校, 养老院) weighs against police words, as a share of
its weight: a place alone never outweighs a medium police word ("学校门口有个男的一直盯着小学生看"), but it
still tips a tie between a police word and the department's own matter ("小区垃圾桶…好几天没人清理")."""

MODEL_THRESHOLD = 0.8
"""The model refers a call no rule matched when it gives a department at least this probability (its
posterior; bench/triage.py's leave-one-part-out comparison chose it: lower refers more police calls away)."""


@dataclass(frozen=True)
class Suggestion:
    police: bool
    department: str  # TRIAGE_RULES.md's names; the rules' police_department ("公安") for police business
    reason: str  # one sentence in the rules' language (Chinese): explain.chinese(explanation)
    confidence: float  # 0..1; see bench/triage.py for how often each band is right
    matched: tuple[str, ...]  # the rule words that decided, as written in the rules file
    explanation: Explanation  # what decided, as data: explain.english writes it for the English desk


def _suggestion(police: bool, explanation: Explanation, confidence: float, matched: tuple[str, ...]) -> Suggestion:
    return Suggestion(police, explanation.department, explain.chinese(explanation), _clamp(confidence), matched,
                      explanation)


@dataclass
class _Evidence:
    police: dict[str, float] = field(default_factory=dict)  # word -> weight
    police_rules: list[str] = field(default_factory=list)
    departments: dict[str, dict[str, float]] = field(default_factory=dict)
    noise: list[str] = field(default_factory=list)
    sources: dict[int, list[str]] = field(default_factory=dict)
    night: list[str] = field(default_factory=list)
    day: list[str] = field(default_factory=list)
    negated: list[str] = field(default_factory=list)
    said: dict[str, str] = field(default_factory=dict)  # a pattern -> its words as the call has them
    incidental: list[str] = field(default_factory=list)  # [incidental] phrases found ("算不算…抢")

    def department_score(self, name: str) -> float:
        return sum(self.departments.get(name, {}).values())

    def rival_score(self, name: str, setting: frozenset[str]) -> float:
        """The department's weight against police words: its setting words (where, to whom) count
        ``SETTING_SHARE`` of theirs, what happened counts in full."""
        return sum(weight * (SETTING_SHARE if word in setting else 1.0)
                   for word, weight in self.departments.get(name, {}).items())


class Triage:
    """Suggestions from one rule set. ``substring_baseline`` finds words with ``in`` on the raw text, no
    tokenizer and no negation (and no model): the bench's baseline, never used by the desk. ``training``: the
    labelled calls the model learns from instead of the rules' own (the bench's cross-validation); none,
    no model."""

    def __init__(self, rules: Rules, *, substring_baseline: bool = False,
                 training: Sequence[LabelledCall] | None = None, reader_bars: ReaderBars = SHIPPED_BARS) -> None:
        self.rules = rules
        self._bars = reader_bars
        self._training = tuple(rules.model_calls if training is None else training)
        self._model: WordModel | None = None
        self._reader: CallReader | None = None
        # word -> (group, rule name, weight) of every rule listing it
        self._tags: dict[str, list[tuple[str, str, float]]] = {}
        for group, word_rules in (("police", rules.police), ("department", rules.departments)):
            for rule in word_rules:
                for word, weight in rule.weights.items():
                    self._tags.setdefault(word, []).append((group, rule.name, weight))
        self._not_negatable = {rule.name for rule in rules.departments if not rule.negatable}
        noise = rules.noise
        for group, words in (("noise", noise.words), ("night", noise.night_words), ("day", noise.day_words)):
            for word in words:
                self._tags.setdefault(word, []).append((group, "", 0.0))
        for index, source in enumerate(noise.sources):
            for word in source.words:
                self._tags.setdefault(word, []).append(("source", str(index), 0.0))
        # A phrase of [incidental] is found like any word, so the police word inside it is not counted (a
        # longer find covers it), and is itself no evidence for anyone.
        for word in rules.incidental:
            self._tags.setdefault(word, []).append(("incidental", "", 0.0))
        self._synonyms = {normalize(said): normalize(meant) for said, meant in rules.synonyms.items()}
        # one pass, longest form first: "俾人" before "俾", and a replacement is never replaced again
        self._synonym_forms = re.compile("|".join(
            re.escape(said) for said in sorted(self._synonyms, key=len, reverse=True))) if self._synonyms else None
        # An incidental phrase cancels the words of events (a police trigger's, or a negatable department's:
        # "等于被他吞了" is no swallowed object, as "跟抢钱一样" is no robbery), never a thing's or a place's.
        cancellable = {word for rule in (*rules.police, *(rule for rule in rules.departments if rule.negatable))
                       for word in rule.weights}
        self._finder = Finder(self._tags, rules.negation_words, rules.clause_breaks, rules.negation_scope,
                              word_sets=rules.word_sets, incidental=rules.incidental, cancellable=cancellable,
                              scope_breaks=rules.scope_breaks,
                              police={word for rule in rules.police for word in rule.weights})
        self._baseline = Substrings(self._tags, rules.word_sets) if substring_baseline else None
        self._tokenizer: Tokenizer | None = None
        self._lock = threading.Lock()

    @classmethod
    def from_file(cls, path: Path | str | None = None) -> Triage:
        """The triage of a rules file (the shipped one by default); raises ``RulesError`` listing its problems."""
        return cls(load_rules(path))

    def warm_up(self) -> None:
        """Loads jieba and trains the model now (about a second) rather than on the first suggestion."""
        self._cut("")

    def suggest(self, text: str, incident_type: str = "", hour: int | None = None) -> Suggestion:
        """``hour``: the local hour of the call (0-23), or None if unknown: then a time the description names
        decides, else the rules' ``noise.unknown_hour`` (the shipped rules: night, the police side)."""
        said = text
        text = self.rewrite(text)
        pieces = self._cut(text)
        evidence = self._evidence(self._baseline.find(text) if self._baseline else self._finder.find(pieces))
        found = _as_said(self._decide(text, pieces, evidence, incident_type, hour), evidence.said)
        # The noise rule stands: it is the command center's policy by the clock, which the reader cannot see.
        # What police words decided stands unless the reader is all but sure of a department (_second_opinion).
        if self._reader is None or found.explanation.kind == explain.NOISE:
            return found
        return self._second_opinion(found, self._reader.read(said, incident_type.strip()))

    def _second_opinion(self, found: Suggestion, reading: Reading) -> Suggestion:
        """The reader's answer where it disagrees with the rules' and is sure enough of it (``ReaderBars``): the
        police, or its most probable department; otherwise the rules' stands."""
        police_name, bars = self.rules.police_department, self._bars
        if not reading.grams:
            return found  # nothing telling in the call ("喂，你好，我想问一下"): no grounds to overrule
        if found.explanation.kind == explain.POLICE:
            if self.rules.never_overruled.intersection(found.explanation.rules) \
                    or reading.police >= bars.against_police_words or reading.best == police_name \
                    or reading.department_p < bars.against_police_words_department:
                return found
            answer, probability = reading.department, reading.department_p
        elif reading.police >= bars.police:
            answer, probability = police_name, reading.police
        elif reading.best != police_name and reading.department_p >= bars.department:
            answer, probability = reading.department, reading.department_p
        else:
            return found
        if answer == found.department and (answer == police_name) == found.police:
            return found
        explanation = Explanation(explain.READER, answer, reading.grams, rival=found.department,
                                  rival_words=found.explanation.words, police_department=police_name)
        return _suggestion(answer == police_name, explanation, probability, ())

    def _decide(self, text: str, pieces: Sequence[str], evidence: _Evidence, incident_type: str,
                hour: int | None) -> Suggestion:
        rules = self.rules
        hint_department, hint_weight = rules.type_hints.get(incident_type.strip(), ("", 0.0))
        if hint_department == rules.police_department and evidence.incidental and not evidence.police:
            # The police type was chosen on a word the description only asks about or compares with ("这算不算
            # 抢东西" typed as theft): the facts decide, as they do for the word itself.
            hint_department, hint_weight = "", 0.0
        police_score = sum(evidence.police.values())
        rival = max((evidence.rival_score(name, rules.setting) for name in evidence.departments), default=0.0)
        # Police words decide whatever the dispute is about, once they are clear: a strong word, or
        # more weight than any department ("堵了" beside "下水道" is a blocked drain, not a blocked road).
        # Where it happened is a weak rival: a man staring at pupils at a school gate is the police's, not the
        # school's ([setting]: 学校, 地铁, 养老院 …; SETTING_SHARE).
        if police_score >= rules.police_threshold and (police_score >= rules.strong_weight or police_score >= rival):
            return self._police(evidence, police_score, incident_type, hint_department == rules.police_department)
        if evidence.noise or incident_type in rules.noise.types:
            noise = self._noise(text, evidence, hour)
            if noise is not None:
                return noise
        found = self._department(evidence, police_score, incident_type, hint_department, hint_weight)
        # An [incidental] phrase is a rule that matched (a police word asked about or compared with): the
        # model, which reads words, would take its words at face value, so it stays out.
        if found.explanation.kind == explain.NOTHING and self._model and not evidence.incidental:
            return self._model_guess(pieces, evidence) or found
        return found

    def rewrite(self, text: str) -> str:
        """The description with the rules' synonyms folded in ("俾人打咗" → "被人打了"), as it is matched."""
        text = normalize(text)
        if self._synonym_forms is None:
            return text
        return self._synonym_forms.sub(lambda match: self._synonyms[match.group(0)], text)

    # -- finding --------------------------------------------------------------------------------------

    def _cut(self, text: str) -> list[str]:
        if self._baseline:
            return []
        if self._tokenizer is None:
            with self._lock:
                if self._tokenizer is None:
                    tokenizer = Tokenizer(self.rules.vocabulary())
                    if self._training:
                        self._model = WordModel((features(tokenizer.cut(self.rewrite(call.text))), call.department)
                                                for call in self._training)
                        if self.rules.overrule:
                            self._reader = trained_reader(self._training, self.rules.police_department)
                    self._tokenizer = tokenizer  # last: a suggestion that sees the tokenizer sees the model
        return self._tokenizer.cut(text)

    def features(self, text: str) -> frozenset[str]:
        """What the model reads of a description (the bench trains its cross-validation models on these)."""
        return features(self._cut(self.rewrite(text)))

    def _evidence(self, found: Sequence[Found]) -> _Evidence:
        evidence = _Evidence()
        for item in found:
            if item.said:
                evidence.said.setdefault(item.word, item.said)
            for group, name, weight in self._tags[item.word]:
                if item.negated and not (group == "department" and name in self._not_negatable):
                    if item.word not in evidence.negated:
                        evidence.negated.append(item.word)
                elif group == "police":
                    evidence.police[item.word] = max(evidence.police.get(item.word, 0.0), weight)
                    if name not in evidence.police_rules:
                        evidence.police_rules.append(name)
                elif group == "department":
                    evidence.departments.setdefault(name, {})[item.word] = weight
                elif group == "source":
                    evidence.sources.setdefault(int(name), []).append(item.word)
                elif group == "incidental":
                    evidence.incidental.append(item.word)
                else:
                    {"noise": evidence.noise, "night": evidence.night, "day": evidence.day}[group].append(item.word)
        return evidence

    # -- deciding -------------------------------------------------------------------------------------

    def _police(self, evidence: _Evidence, score: float, incident_type: str, hinted: bool) -> Suggestion:
        rules = self.rules
        rival = max((evidence.department_score(name) for name in evidence.departments), default=0.0)
        # Police words well above the threshold are rarely wrong; a strong rival department lowers trust
        # (a wage dispute that mentions a threat is police, but the call-taker should read it).
        confidence = 0.72 + 0.25 * min(1.0, (score - rules.police_threshold) / (2 * rules.strong_weight))
        confidence += 0.05 if hinted else 0.0
        confidence -= 0.12 if rival >= rules.strong_weight else 0.0
        words = tuple(evidence.police)
        best = max(evidence.departments, key=evidence.department_score) if rival >= rules.strong_weight else ""
        return _suggestion(True, Explanation(
            explain.POLICE, rules.police_department, words, tuple(evidence.police_rules), best,
            tuple(evidence.departments[best]) if best else (), negated=_negated(evidence)), confidence, words)

    def _noise(self, text: str, evidence: _Evidence, hour: int | None) -> Suggestion | None:
        rules = self.rules
        noise = rules.noise
        # The source with most words; on a tie a specific one (shop, renovation) before the default one
        # (people), since a shop's music is the shop's noise.
        named = sorted(evidence.sources,
                       key=lambda index: (-len(evidence.sources[index]), noise.sources[index].default))
        if named:
            source_index = named[0]
        else:
            # A noise call naming no source is people's noise, unless another department clearly owns it.
            if any(evidence.department_score(name) >= rules.strong_weight for name in evidence.departments):
                return None
            source_index = next((i for i, source in enumerate(noise.sources) if source.default), -1)
            if source_index < 0:
                return None
        source = noise.sources[source_index]
        night, basis_value, known = self._night(text, evidence, hour)
        department = source.night if night else source.day
        words = tuple(dict.fromkeys([*evidence.sources.get(source_index, []), *evidence.noise]))
        same_any_hour = source.day == source.night
        confidence = 0.88 if named else 0.7
        if not known and not same_any_hour:
            confidence -= 0.2
        basis, value = basis_value
        return _suggestion(department == rules.police_department, Explanation(
            explain.NOISE, department, words, noise_source=source.name, night=None if same_any_hour else night,
            time_basis=basis, time_value=value, negated=_negated(evidence)), confidence, words)

    def _night(self, text: str, evidence: _Evidence, hour: int | None) -> tuple[bool, tuple[str, str], bool]:
        """Night or not, what it was read from (``explain``'s basis, the hour or word), known or assumed."""
        noise = self.rules.noise
        clock = clock_hour(text)
        if clock is not None:
            return noise.is_night(clock), (explain.CLOCK, str(clock)), True
        if evidence.night and not evidence.day:
            return True, (explain.WORD, evidence.night[0]), True
        if evidence.day and not evidence.night:
            return False, (explain.WORD, evidence.day[0]), True
        if hour is not None:
            return noise.is_night(hour), (explain.CALL_HOUR, str(hour)), True
        return noise.unknown_is_night, (explain.UNKNOWN, "night" if noise.unknown_is_night else "day"), False

    def _department(self, evidence: _Evidence, police_score: float, incident_type: str,
                    hint_department: str, hint_weight: float) -> Suggestion:
        rules = self.rules
        scores = {name: evidence.department_score(name) for name in evidence.departments}
        if hint_department:
            scores[hint_department] = scores.get(hint_department, 0.0) + hint_weight
        police_total = scores.get(rules.police_department, 0.0) + police_score
        scores.pop(rules.police_department, None)
        ranked = sorted(scores, key=lambda name: -scores[name])
        ranked = self._apply_outranks(ranked, evidence)
        best = ranked[0] if ranked else ""
        best_score = scores.get(best, 0.0)
        if not best or best_score < rules.referral_threshold or (
                police_total >= rules.police_threshold and police_total >= best_score):
            return self._stays_with_police(evidence, police_total, incident_type, hint_department)
        second = max((scores[name] for name in ranked[1:]), default=0.0)
        second = max(second, police_total)
        confidence = 0.35 + 0.6 * (best_score - second) / (best_score + 2.0)
        if hint_department == best:
            confidence += 0.05
        words = tuple(evidence.departments.get(best, {}))
        return _suggestion(False, Explanation(explain.DEPARTMENT, best, words,
                                              incident_type=incident_type if hint_department == best else "",
                                              negated=_negated(evidence)), confidence, words)

    def _apply_outranks(self, ranked: list[str], evidence: _Evidence) -> list[str]:
        """A department present in the text that outranks the leader goes first (fire before the gas leak)."""
        by_name = {rule.name: rule for rule in self.rules.departments}
        for name in ranked:
            rule = by_name.get(name)
            present = evidence.department_score(name) >= self.rules.strong_weight
            if rule and present and ranked and ranked[0] in rule.outranks:
                return [name, *(other for other in ranked if other != name)]
        return ranked

    def _stays_with_police(self, evidence: _Evidence, score: float, incident_type: str,
                           hint_department: str) -> Suggestion:
        rules = self.rules
        words = tuple(evidence.police)
        if hint_department == rules.police_department:
            kind, confidence = explain.TYPE_POLICE, 0.6 + 0.1 * min(1.0, score / (2 * rules.strong_weight))
        elif words:
            kind, confidence = explain.MAYBE_POLICE, 0.45
        else:
            kind, confidence = explain.NOTHING, 0.3
        return _suggestion(True, Explanation(kind, rules.police_department, words, tuple(evidence.police_rules),
                                             incident_type=incident_type if kind == explain.TYPE_POLICE else "",
                                             negated=_negated(evidence)), confidence, words)

    def _model_guess(self, pieces: Sequence[str], evidence: _Evidence) -> Suggestion | None:
        """The model's department for a call no rule matched, when it is clear enough; never the police's
        calls: a call the rules found police words in never gets here."""
        assert self._model is not None
        departments = {rule.name for rule in self.rules.departments} - {self.rules.police_department}
        guess = self._model.guess(features(pieces))
        if guess is None or guess.department not in departments or guess.probability < MODEL_THRESHOLD \
                or not guess.words:
            return None
        # About seven in ten of these are right in the bench's cross-validation: say so with a middling
        # confidence, so the call-taker reads the call before referring it.
        confidence = 0.5 + 0.1 * (guess.probability - MODEL_THRESHOLD) / (1.0 - MODEL_THRESHOLD)
        return _suggestion(False, Explanation(explain.MODEL, guess.department, guess.words,
                                              negated=_negated(evidence)), confidence, ())


def _as_said(suggestion: Suggestion, said: Mapping[str, str]) -> Suggestion:
    """The reason quotes what the caller said where a pattern matched ("上门…说是…供电局…交"), not the pattern
    ("{来人}~{自称}~{单位}~~{索要}"), which a call-taker cannot read; ``matched`` keeps the rules' words."""
    if not said:
        return suggestion
    shown = suggestion.explanation
    explanation = replace(shown, words=_said(shown.words, said), rival_words=_said(shown.rival_words, said),
                          negated=_said(shown.negated, said))
    return replace(suggestion, reason=explain.chinese(explanation), explanation=explanation)


def _said(words: tuple[str, ...], said: Mapping[str, str]) -> tuple[str, ...]:
    return tuple(said.get(word, word) for word in words)


def _negated(evidence: _Evidence) -> tuple[str, ...]:
    return tuple(dict.fromkeys(evidence.negated))


def _clamp(value: float) -> float:
    return round(min(0.99, max(0.05, value)), 2)


_default: Triage | None = None
_default_lock = threading.Lock()


def default_triage() -> Triage:
    """The triage of the shipped rules, built once."""
    global _default
    with _default_lock:
        if _default is None:
            _default = Triage.from_file()
        return _default


def suggest(text: str, incident_type: str = "", hour: int | None = None) -> Suggestion:
    """The suggestion of the shipped rules; see ``Triage.suggest``."""
    return default_triage().suggest(text, incident_type, hour)
