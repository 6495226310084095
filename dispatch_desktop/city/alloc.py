"""Splitting a whole number over weighted parts."""

from __future__ import annotations

from collections.abc import Sequence


def apportion(total: int, weights: Sequence[float], *, minimum: int = 0) -> list[int]:
    """Integers summing to ``total``, each at least ``minimum``, the rest in proportion to ``weights``
    (largest remainder; ties go to the earlier part, so the result depends on nothing but the input)."""
    n = len(weights)
    if total < 0 or minimum < 0:
        raise ValueError("total and minimum must not be negative")
    if n == 0:
        if total:
            raise ValueError(f"cannot split {total} over no parts")
        return []
    if minimum * n > total:
        raise ValueError(f"cannot give {n} parts at least {minimum} each out of {total}")
    if any(w < 0 for w in weights):
        raise ValueError("weights must not be negative")
    rest = total - minimum * n
    weight_sum = float(sum(weights))
    shares = [rest * w / weight_sum if weight_sum > 0 else rest / n for w in weights]
    counts = [int(s) for s in shares]
    by_remainder = sorted(range(n), key=lambda i: (-(shares[i] - counts[i]), i))
    for i in by_remainder[: rest - sum(counts)]:
        counts[i] += 1
    return [c + minimum for c in counts]
