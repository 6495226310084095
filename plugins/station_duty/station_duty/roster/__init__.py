"""Duty rosters (值班表) of the police stations: who leads each shift, who is on duty, which units, which
phone. The model, generation, CSV and event schemas are Qt-free (``events``, ``shifts``, ``generate``,
``book``, ``csv_read``, ``csv_write``, ``session``); ``panel`` and ``on_duty`` are the widgets.
"""
