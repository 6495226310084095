"""Simulator cost for Guangzhou's full patrol force: 11,000 officers reporting every 5 s (goal < 20 µs a
report, i.e. far faster than real time).

Steps the engine through simulated minutes in 1-second steps (as the runner does at ×1) with 110 calls and
the automatic dispatcher running, and prints CPU time per message and the real-time factor, with the
ratio to a raw baseline: building the same number of ``Position`` bodies and ``Outgoing`` tuples from
ready-made Python floats, the least any simulator must do to hand reports to the bus.

    .venv/bin/python bench/bench_sim.py [units] [simulated minutes]
"""

from __future__ import annotations

import sys
import time

from dispatch_desktop.city import generate_city
from dispatch_desktop.domain.events import Position
from dispatch_desktop.sim.engine import Engine, Outgoing, SimConfig

START_MS = 1_480_586_400_000  # 18:00 in Guangzhou: the evening peak


def baseline_us(count: int) -> float:
    ids = [f"PG-440106-03-02.{n % 10}" for n in range(count)]
    start = time.process_time()
    out = []
    for n, unit in enumerate(ids):
        out.append(Outgoing(unit, Position(lat=23.1 + n * 1e-9, lon=113.3, heading=90.0, speed=1.4), n))
    return (time.process_time() - start) / count * 1e6


def main() -> None:
    units = int(sys.argv[1]) if len(sys.argv) > 1 else 11_000
    minutes = float(sys.argv[2]) if len(sys.argv) > 2 else 5.0
    city = generate_city(cameras=0)
    start = time.process_time()
    engine = Engine(city, SimConfig(units=units), start_ms=START_MS)
    engine.step(START_MS)
    setup_s = time.process_time() - start
    messages = positions = 0
    start = time.process_time()
    for second in range(1, int(minutes * 60) + 1):
        out = engine.step(START_MS + second * 1000)
        messages += len(out)
        positions += sum(1 for o in out if type(o.body) is Position)
    spent = time.process_time() - start
    per_message = spent / messages * 1e6
    base = baseline_us(positions)
    print(f"units: {len(engine.units)} ({engine.units[0].kind.value}), report every "
          f"{engine.config.report_interval_s:g} s, set-up {setup_s:.1f} s CPU")
    print(f"{minutes:g} simulated minutes: {messages} messages ({positions} positions) in {spent:.2f} s CPU")
    print(f"engine: {per_message:.2f} µs a message ({per_message / base:.1f}× baseline), "
          f"{minutes * 60 / spent:.0f}× faster than real time")
    print(f"baseline (bodies and tuples only): {base:.2f} µs a message")


if __name__ == "__main__":
    main()
