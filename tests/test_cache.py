"""The size-bounded cache behind the shared views (ui/cache.py)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ui.cache import SizedCache, size_of


def _frame(megabytes: int) -> pd.DataFrame:
    return pd.DataFrame({"x": np.zeros(megabytes * 2**20 // 8)})


def test_entries_beyond_the_byte_budget_are_dropped_oldest_first() -> None:
    cache: SizedCache[pd.DataFrame] = SizedCache(max_bytes=5 * 2**20)
    for key in "abc":
        cache.get(key, lambda: _frame(2))
    assert len(cache) == 2
    assert cache.bytes <= 5 * 2**20
    made: list[str] = []
    cache.get("a", lambda: made.append("a") or _frame(2))
    assert made == ["a"]  # "a" was the oldest: it had gone and was made again


def test_a_value_used_again_is_not_made_again_and_stays_newest() -> None:
    cache: SizedCache[pd.DataFrame] = SizedCache(max_bytes=5 * 2**20)
    first = cache.get("a", lambda: _frame(2))
    cache.get("b", lambda: _frame(2))
    assert cache.get("a", lambda: _frame(1)) is first
    cache.get("c", lambda: _frame(2))  # drops "b", the least recently used
    assert cache.get("a", lambda: _frame(1)) is first


def test_the_newest_entry_is_kept_even_above_the_budget() -> None:
    cache: SizedCache[pd.DataFrame] = SizedCache(max_bytes=1 * 2**20)
    cache.get("small", lambda: _frame(0))
    big = cache.get("big", lambda: _frame(3))
    assert len(cache) == 1
    assert cache.get("big", lambda: _frame(1)) is big


def test_size_of_counts_frames_inside_containers() -> None:
    assert size_of({"a": _frame(2), "b": [_frame(1)]}) >= 3 * 2**20
