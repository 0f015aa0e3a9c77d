"""Pausing Python's cyclic garbage collector while a catalogue is read.

Reading a catalogue creates hundreds of thousands of small objects (parsed rows,
records, index tables) and frees none of them; each creation counts towards the
collector's next pass, and each pass walks every object still alive, so a load of
100,000 statements spent about a third of its time in passes that find nothing
(``benchmarks/run.py`` measures it). Reading creates no reference cycle that needs
collecting, so the collector is paused while it runs and resumed after; anything it
would have found is collected at its next pass.

Pauses nest and may overlap across threads: the collector is paused by the first
reader to start and resumed by the last to finish, and only if it was running when
the first started (a program that turned the collector off keeps it off).
"""

from __future__ import annotations

import contextlib
import gc
import threading
from collections.abc import Iterator

__all__ = ["paused"]

_LOCK = threading.Lock()
_readers = 0
_resume = False


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for the duration of the ``with`` block."""
    global _readers, _resume
    with _LOCK:
        if _readers == 0:
            _resume = gc.isenabled()
            gc.disable()
        _readers += 1
    try:
        yield
    finally:
        with _LOCK:
            _readers -= 1
            if _readers == 0 and _resume:
                gc.enable()
