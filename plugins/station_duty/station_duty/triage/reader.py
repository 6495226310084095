"""A second reader of every call: a logistic regression over the description's runs of one to three
characters, learned from labelled calls, whose answer overrules the rules' where the two disagree and it is
sure enough (``ReaderBars``), except where the noise rule or the police triggers of ``[model] never_overruled``
decided (the rules file's ``[model] overrule``; ``Triage._second_opinion``).

Why: the rules read the words their authors listed; calls written by people who never saw them say the same
things in other words, and the rules' first run on such calls stayed at 86-90 % police / non-police round
after round (data/labelled_calls.README.md). A reader of character runs generalises from every labelled call
at once: learned only from the calls written before each blind part, it read those parts better than the
rules did on their first run (bench/triage_chronological.py).

scikit-learn's ``TfidfVectorizer`` (characters, sublinear counts) and ``LogisticRegression`` (lbfgs, balanced
classes: a department with 20 examples is not drowned by 900 police calls); deterministic for the same calls.
Training takes about five seconds on the shipped calls (3,721), once per process (``trained_reader``); it
happens when the triage warms up, off the desk's GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]  # ships no type hints

from station_duty.triage.labelled import LabelledCall
from station_duty.triage.words import FUNCTION_CHARACTERS

NGRAMS = (1, 3)
C = 30.0
"""Little regularisation: the calls are short, and the runs that tell a department are few."""
SHOWN_GRAMS = 3


@dataclass(frozen=True)
class ReaderBars:
    """How sure the reader must be to overrule the rules (``Triage._second_opinion``). Never overruled: the noise
    rule (the command center's policy by the clock, which the reader cannot see) and the police triggers the
    rules file names in ``[model] never_overruled`` (violence, threats, weapons).

    Chosen on the blind parts h to r, the reader trained only on the parts written before each
    (bench/triage_chronological.py): against session 10's bars (0.6 / 0.5, police words never overruled),
    police / non-police went from 93.5 to 96.2 % and the department from 89.6 to 94.2 %, with fewer police
    calls sent away (24 against 32 of 1,200) and fewer of the departments' calls sent to the police (22 against
    46); police-word bars 0.1-0.25 / 0.5-0.7 and department bars 0.3-0.5 all stayed within 0.6 points. Then,
    untouched, on 360 calls written afterwards (blind s, t, a): 95.6 % and 94.1 %, where session 10's bars had
    given 92.5 % and 86.8 % on their first run.

    Keeping violence, threats and weapons from the reader came after, for safety, measured on all 1,559
    untuned calls (h to a): it costs 0.4 points (96.0 to 95.6 %) and sends fewer police calls away (29 against
    32). The police bar at 0.6 would send 13 more police calls away to spare one department's call."""

    police: float = 0.5
    """The reader makes a call the police's, against the rules, when it gives the police at least this."""
    department: float = 0.5
    """It refers a call to a department, against the rules, when that department is its first answer with at
    least this (0.4 measured the same, and let the reader refer "喂，你好，我想问一下" to 民政)."""
    against_police_words: float = 0.2
    against_police_words_department: float = 0.6
    """Where police words decided, the reader refers the call to a department only when it gives the police
    less than ``against_police_words`` and that department, its first answer, at least this: the words of harm
    and crime mislead ("车位被人偷了", "抢修"), but a reader that is unsure leaves the call with the police.
    ``against_police_words`` 0: police words always stand."""


SHIPPED_BARS = ReaderBars()


@dataclass(frozen=True)
class Reading:
    police: float  # the probability that the call is police business
    best: str  # the most probable answer: the police department's name or another department
    department: str  # the most probable department other than the police
    department_p: float
    grams: tuple[str, ...]  # the description's runs of characters that weighed most for ``best``


def _text(text: str, incident_type: str) -> str:
    # The type chosen counts as one more word of the call: it is what the call-taker made of it.
    return f"{text} {incident_type}" if incident_type else text


class CallReader:
    def __init__(self, calls: Sequence[LabelledCall], police_department: str) -> None:
        # scikit-learn ships no type hints; a second to import, so only when a reader is trained
        from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]
        from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

        self.police_department = police_department
        labels = [police_department if call.police else call.department for call in calls]
        if len(set(labels)) < 2:
            raise ValueError("the reader needs labelled calls of at least two departments")
        self._vectorizer: Any = TfidfVectorizer(analyzer="char", ngram_range=NGRAMS, sublinear_tf=True)
        features = self._vectorizer.fit_transform([_text(call.text, call.type) for call in calls])
        # One BLAS thread: on two shared cores OpenBLAS's threads spin waiting on each other; on 3,001 calls
        # the fit took 8-15 s with two against about 5 s with one (the analytics' fits had the same trouble).
        with threadpool_limits(limits=1):
            self._model: Any = LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(
                features, labels)
        self._classes: list[str] = [str(name) for name in self._model.classes_]
        self._grams = np.asarray(self._vectorizer.get_feature_names_out())

    def read(self, text: str, incident_type: str = "") -> Reading:
        row = self._vectorizer.transform([_text(text, incident_type)])
        probabilities = self._model.predict_proba(row)[0]
        order = np.argsort(-probabilities)
        best = self._classes[int(order[0])]
        police = float(probabilities[self._classes.index(self.police_department)]) \
            if self.police_department in self._classes else 0.0
        department, department_p = next(((self._classes[int(i)], float(probabilities[int(i)])) for i in order
                                         if self._classes[int(i)] != self.police_department), ("", 0.0))
        return Reading(police, best, department, department_p, self._telling(row, best))

    def _telling(self, row: Any, answer: str) -> tuple[str, ...]:
        """The runs of two characters or more that pushed most towards ``answer``; a run inside one already
        shown is left out ("行李" beside "行李箱"), and so is a run of function characters alone."""
        coefficients = self._model.coef_
        index = self._classes.index(answer) if coefficients.shape[0] > 1 else 0
        weights = coefficients[index] if coefficients.shape[0] > 1 else (
            coefficients[0] if answer == self._classes[1] else -coefficients[0])
        present = row.indices
        pushed = row.data * weights[present]
        shown: list[str] = []
        for position in np.argsort(-pushed):
            if pushed[position] <= 0 or len(shown) == SHOWN_GRAMS:
                break
            gram = str(self._grams[present[position]])
            if len(gram) < 2 or not gram.isalnum() or set(gram) <= FUNCTION_CHARACTERS \
                    or any(gram in kept or kept in gram for kept in shown):
                continue
            shown.append(gram)
        return tuple(shown)


@lru_cache(maxsize=4)
def trained_reader(calls: tuple[LabelledCall, ...], police_department: str) -> CallReader:
    """The reader of these calls, trained once per process: every triage of the same rules (the desk's, a
    command's, each test's) shares it. A reader is never changed once trained, so sharing it is safe."""
    return CallReader(calls, police_department)
