"""A small naive Bayes model of where a call goes, learned from labelled calls: it reads calls the rules'
word lists are silent or weak on by the words and character pairs similar calls used.

Features are the call's jieba words (after the rules' synonyms are folded in, so "俾人" and "被人" are one
word) and the pairs of adjacent characters inside each clause (they catch a word jieba cut differently or
a word nobody listed: "渠塞" in "条渠塞咗"). Each counts once per call. Pure Python and deterministic: the
same calls give the same model, whatever the order of a dict or the machine.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from station_duty.triage.words import FUNCTION_CHARACTERS

WORD = "w:"
PAIR = "p:"
COMMON = 0.1
"""A feature in more than this share of the training calls is left out."""


def features(pieces: Sequence[str]) -> frozenset[str]:
    """The words (``w:``) and character pairs (``p:``) of a cut description."""
    found = {WORD + piece for piece in pieces if any(ch.isalnum() for ch in piece)}
    run = ""
    for piece in (*pieces, "。"):
        if all(ch.isalnum() for ch in piece):
            run += piece
            continue
        found.update(PAIR + run[index:index + 2] for index in range(len(run) - 1))
        run = ""
    return frozenset(found)


@dataclass(frozen=True)
class Guess:
    department: str
    probability: float  # the model's own posterior: overconfident, the engine turns it into a confidence
    words: tuple[str, ...]  # the call's words that pointed to it most, strongest first; none: no guess to follow


class WordModel:
    """Multinomial naive Bayes over presence features, with a uniform prior over the departments seen: a
    department with few examples is not ruled out for being rare (most calls in a set are police calls,
    that is what the rules are for)."""

    def __init__(self, examples: Iterable[tuple[frozenset[str], str]], smoothing: float = 0.3,
                 common: float = COMMON, prior: float = 1.0) -> None:
        counts: dict[str, Counter[str]] = {}
        calls: Counter[str] = Counter()  # feature -> how many calls have it
        classes: Counter[str] = Counter()
        for found, department in examples:
            counts.setdefault(department, Counter()).update(found)
            calls.update(found)
            classes[department] += 1
        self.departments = tuple(sorted(counts))
        # Words most calls have ("我", "在", "了") say nothing of the department; summed over a call they
        # would make a small department look likely for a call that says nothing at all ("喂，我想问一下").
        limit = common * sum(classes.values())
        vocabulary = sorted(feature for feature, seen in calls.items() if seen <= limit)
        total_calls = sum(classes.values())
        self._prior = {department: prior * math.log(classes[department] / total_calls) for department in classes}
        self._known = frozenset(vocabulary)
        self._log: dict[str, dict[str, float]] = {}
        self._unseen: dict[str, float] = {}
        for department in self.departments:
            counter = counts[department]
            total = sum(counter.values()) + smoothing * len(vocabulary)
            self._log[department] = {feature: math.log((counter[feature] + smoothing) / total)
                                     for feature in vocabulary if counter[feature]}
            self._unseen[department] = math.log(smoothing / total)
        # What may be shown as a reason, and without which a guess is no guess: words of two characters or
        # more (one-character words are mostly "问", "想", "说": "我想问一下" is no civil affairs call) that
        # more than one call of the department had (a word one call had is that call's), and not made of
        # function characters alone ("一下").
        self._telling = {department: frozenset(
            feature for feature, seen in counts[department].items()
            if seen > 1 and feature in self._known and feature.startswith(WORD) and len(feature) > len(WORD) + 1
            and not set(feature[len(WORD):]) <= FUNCTION_CHARACTERS)
            for department in self.departments}

    def __bool__(self) -> bool:
        return bool(self.departments)

    def scores(self, found: frozenset[str]) -> dict[str, float]:
        """Each department's posterior probability for a call with these features."""
        known = sorted(found & self._known)  # sorted: the same sum in the same order every time
        logs = {department: self._prior[department] + sum(
            self._log[department].get(feature, self._unseen[department]) for feature in known)
                for department in self.departments}
        top = max(logs.values(), default=0.0)
        weights = {department: math.exp(value - top) for department, value in logs.items()}
        total = sum(weights.values())
        return {department: weight / total for department, weight in weights.items()}

    def guess(self, found: frozenset[str], among: Iterable[str] | None = None) -> Guess | None:
        """The most likely department (of ``among`` if given), with the words that pointed to it."""
        scores = self.scores(found)
        allowed = [name for name in (among if among is not None else self.departments) if name in scores]
        if not allowed:
            return None
        best = max(allowed, key=lambda name: (scores[name], name))
        rivals = [name for name in self.departments if name != best]
        runner_up = max(rivals, key=lambda name: (scores[name], name)) if rivals else best
        return Guess(best, scores[best], self.telling_words(found, best, runner_up))

    def telling_words(self, found: frozenset[str], department: str, against: str, most: int = 3) -> tuple[str, ...]:
        """The call's telling words most typical of ``department`` rather than of ``against`` (pairs are not
        shown: half a word explains nothing to a call-taker)."""
        def lift(feature: str) -> float:
            return (self._log[department].get(feature, self._unseen[department])
                    - self._log[against].get(feature, self._unseen[against]))

        words = sorted((feature for feature in found & self._telling[department] if lift(feature) > 0),
                       key=lambda feature: (-lift(feature), feature))
        return tuple(feature[len(WORD):] for feature in words[:most])
