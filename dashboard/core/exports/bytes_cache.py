"""A small thread-safe LRU of rendered files (the download callables run on Streamlit's worker threads)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable


class BytesCache:
    """A small thread-safe LRU: the download callables run on Streamlit's worker threads."""

    def __init__(self, maxsize: int = 256):
        self._data: OrderedDict[tuple, bytes] = OrderedDict()
        self._lock = threading.Lock()
        self.maxsize = maxsize

    def get_or_make(self, key: tuple, make: Callable[[], bytes]) -> bytes:
        with self._lock:
            if key in self._data:
                self._data.move_to_end(key)
                return self._data[key]
        value = make()
        with self._lock:
            self._data[key] = value
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
