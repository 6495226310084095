"""A second reader of every call: a logistic regression over the description's runs of one to three
characters, learned from labelled calls, whose answer overrules the rules' where the two disagree, unless
police words or the noise rule decided (the rules file's ``[model] overrule``; ``Triage._second_opinion``).

Why: the rules read the words their authors listed; calls written by people who never saw them say the same
things in other words, and the rules' first run on such calls stayed at 86-90 % police / non-police round
after round (data/labelled_calls.README.md). A reader of character runs generalises from every labelled call
at once: learned only from the calls written before each blind part, it read those parts better than the
rules did on their first run (bench/triage_chronological.py).

scikit-learn's ``TfidfVectorizer`` (characters, sublinear counts) and ``LogisticRegression`` (lbfgs, balanced
classes: a department with 20 examples is not drowned by 900 police calls); deterministic for the same calls.
Training takes about two seconds on the shipped calls; it happens when the triage warms up, off the desk's
GUI thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from station_duty.triage.labelled import LabelledCall

NGRAMS = (1, 3)
C = 30.0
"""Little regularisation: the calls are short, and the runs that tell a department are few."""
SHOWN_GRAMS = 3


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
        self._model: Any = LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(features, labels)
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
        shown is left out ("行李" beside "行李箱")."""
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
            if len(gram) < 2 or not gram.isalnum() or any(gram in kept or kept in gram for kept in shown):
                continue
            shown.append(gram)
        return tuple(shown)
