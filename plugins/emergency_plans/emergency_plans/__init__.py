"""Emergency plans (应急预案): a plan library in YAML, plans suggested by the incidents they match, and
checklists whose steps tick themselves from the events the units report."""
