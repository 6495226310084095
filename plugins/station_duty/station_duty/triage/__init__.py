"""Police / non-police triage of a call's description (Qt-free).

``suggest(text, incident_type, hour)`` answers with the shipped rules; ``Triage.from_file(path)`` with a
command center's (raising ``RulesError``, whose ``problems`` name file, line and field of every mistake).
"""

from station_duty.triage.engine import Suggestion, Triage, default_triage, suggest
from station_duty.triage.explain import Explanation
from station_duty.triage.labelled import SHIPPED_CALLS, LabelledCall, read_labelled_calls
from station_duty.triage.problems import Problem, RulesError
from station_duty.triage.rules import DEFAULT_RULES, Rules, load_rules

__all__ = ["DEFAULT_RULES", "SHIPPED_CALLS", "Explanation", "LabelledCall", "Problem", "Rules", "RulesError",
           "Suggestion", "Triage", "default_triage", "load_rules", "read_labelled_calls", "suggest"]
