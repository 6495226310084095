"""The city simulator: field units, 110 calls and an automatic dispatcher (Qt-free).

``engine.Engine`` is the pure, deterministic simulation; ``loopback.Loopback`` runs it without a hub;
``runner.SimulationRunner`` drives it in real time against a hub through real bus clients.
"""
