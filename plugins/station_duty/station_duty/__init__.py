"""Station duty (派出所值班): duty rosters, the responsibility list, triage at intake, station load."""
