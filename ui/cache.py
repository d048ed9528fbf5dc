"""Process-wide caches bounded by the memory their values hold, not only by their count."""

from __future__ import annotations

import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

import pandas as pd

V = TypeVar("V")


def size_of(value: object) -> int:
    """Bytes a value holds: pandas frames counted deeply, containers and dataclasses summed."""
    seen: set[int] = set()

    def walk(item: object) -> int:
        if id(item) in seen:
            return 0
        seen.add(id(item))
        if isinstance(item, pd.DataFrame | pd.Series):
            return (
                int(item.memory_usage(deep=True).sum())
                if isinstance(item, pd.DataFrame)
                else int(item.memory_usage(deep=True))
            )
        if isinstance(item, dict):
            return sys.getsizeof(item) + sum(walk(k) + walk(v) for k, v in item.items())
        if isinstance(item, list | tuple | set | frozenset):
            return sys.getsizeof(item) + sum(walk(v) for v in item)
        fields = getattr(item, "__dict__", None)
        if fields is not None:
            return sys.getsizeof(item) + walk(fields)
        slots = getattr(type(item), "__slots__", ())
        if slots:
            return sys.getsizeof(item) + sum(walk(getattr(item, s, None)) for s in slots)
        return sys.getsizeof(item)

    return walk(value)


class SizedCache(Generic[V]):
    """A least-recently-used cache that drops entries once they hold more than ``max_bytes``.

    Safe to share between sessions' threads. The newest entry is always kept, whatever its
    size, so the view a page shows is reused by its next rerun (a map click, a language).
    """

    def __init__(self, max_bytes: int, measure: Callable[[object], int] = size_of) -> None:
        self.max_bytes = max_bytes
        self._measure = measure
        self._entries: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def bytes(self) -> int:
        """Bytes the kept values hold now."""
        with self._lock:
            return sum(size for _, size in self._entries.values())

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def get(self, key: Hashable, make: Callable[[], V]) -> V:
        """The value kept for ``key``, or ``make()``'s, kept while the budget allows."""
        with self._lock:
            if key in self._entries:
                self._entries.move_to_end(key)
                return self._entries[key][0]
        # Made outside the lock: two sessions may make the same value once each, but one
        # slow build never holds up every other session.
        value = make()
        size = self._measure(value)
        with self._lock:
            self._entries[key] = (value, size)
            self._entries.move_to_end(key)
            total = sum(s for _, s in self._entries.values())
            while total > self.max_bytes and len(self._entries) > 1:
                _, (_, dropped) = self._entries.popitem(last=False)
                total -= dropped
        return value
