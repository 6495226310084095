"""Command analytics: what a leader reads off the day and the weeks before it (Qt-free).

- ``counts``: incidents and calls per hour slot, per district and per station area, read from the log
  (drills never count), kept up to date incrementally;
- ``history``: a generated year of incidents only (seasonality, holidays, the Spring Festival dip, large
  events and injected anomalies with their ground truth), for the statistics to learn from;
- ``normal`` / ``levels`` / ``ears``: the statistical normal value (常态值) of each area and slot, the current
  deviation as an upper-tail probability and its level (green, blue, yellow, red), and the EARS C2
  baseline they are measured against (``docs/ANALYTICS.md`` writes the method down);
- ``review``: the monthly station review (month-on-month, year-on-year) and its supervision order (督办令).
"""
