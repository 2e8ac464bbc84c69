"""Percentiles and the figures of one measured series: requests per second, p50, p95, p99."""

import math
import statistics
from dataclasses import dataclass


def percentile(values, q):
    """The q-th percentile (0–100) of `values`, interpolated linearly between the closest ranks.

    The same as numpy's default: percentile([1, 2, 3, 4], 50) == 2.5.
    """
    if not values:
        raise ValueError("percentile of no values")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


@dataclass(frozen=True)
class Series:
    """Several rounds of one measurement: latencies in seconds and each round's throughput."""

    latencies: tuple[float, ...]
    rates: tuple[float, ...]  # requests per second, one per round
    errors: int = 0
    hits: int = 0  # answered from the page cache

    @classmethod
    def of(cls, rounds):
        """From (latencies, seconds, errors, hits) per round."""
        latencies = tuple(value for values, *_ in rounds for value in values)
        rates = tuple(len(values) / seconds for values, seconds, *_ in rounds if seconds)
        errors = sum(errors for _, _, errors, _ in rounds)
        return cls(latencies, rates, errors, sum(hits for *_, hits in rounds))

    @property
    def hit_percent(self):
        return 100 * self.hits / len(self.latencies) if self.latencies else 0.0

    @property
    def rps(self):
        """The median round's requests per second: one disturbed round does not move it."""
        return statistics.median(self.rates) if self.rates else 0.0

    def ms(self, q):
        return percentile(self.latencies, q) * 1000 if self.latencies else float("nan")
