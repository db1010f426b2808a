"""One BLAS thread while cleaner multiplies its matrices, whatever the caller's process chose.

The line and block models multiply matrices of a few hundred rows. A BLAS thread pool only adds
hand-off and spin-wait costs there: with numpy imported before cleaner (so OpenBLAS started with a
thread per core), a text page took 22 ms instead of 1.4 on a busy two-core machine. The thread
variables `cleaner/__init__.py` sets work only when cleaner is imported first. Otherwise, around
each of cleaner's products the pool is narrowed to one thread, and given back when the last thread
using cleaner leaves them (`threadpoolctl` finds and sets the loaded BLAS libraries, whichever they
are). OpenBLAS's thread count is global, but some builds ignore a change asked from another thread
than the one that last set it: there the products run as the pool is, as they did before.
"""
from __future__ import annotations

import sys
import threading
from contextlib import contextmanager, nullcontext
from typing import Iterator

# Whether numpy (so BLAS) was loaded before cleaner: this module is the package's first import.
NUMPY_BEFORE_CLEANER = "numpy" in sys.modules

_lock = threading.Lock()
_inside = 0  # threads inside one_blas_thread() right now
_restore: list[tuple[object, int]] = []  # (library, its thread count) to give back
_libraries: list | None = None  # the BLAS libraries loaded, found once


def _blas_libraries() -> list:
    """The loaded BLAS libraries' controllers (none without threadpoolctl)."""
    global _libraries
    if _libraries is None:
        try:
            from threadpoolctl import ThreadpoolController
        except ImportError:  # pragma: no cover - a dependency; without it BLAS runs as it is
            _libraries = []
        else:
            _libraries = list(ThreadpoolController().select(user_api="blas").lib_controllers)
    return _libraries


def one_blas_thread():
    """A context in which every BLAS library runs on one thread. Nothing to do, and nothing paid
    on each product, when numpy came after cleaner: the thread variables `cleaner/__init__.py`
    sets sized the pool then (merely loading threadpoolctl's controller cost about 4% of a text
    page, measured by bench/text_speed_quality.py)."""
    return _narrowed() if NUMPY_BEFORE_CLEANER else _NOTHING


_NOTHING = nullcontext()


@contextmanager
def _narrowed() -> Iterator[None]:
    """Every BLAS library on one thread inside. Nests and is thread-safe: the first thread in
    narrows the pools, the last one out restores them."""
    global _inside, _restore
    with _lock:
        if _inside == 0:
            _restore = []
            for library in _blas_libraries():
                threads = library.get_num_threads()
                if threads and threads > 1:
                    library.set_num_threads(1)
                    _restore.append((library, threads))
        _inside += 1
    try:
        yield
    finally:
        with _lock:
            _inside -= 1
            if _inside == 0:
                for library, threads in _restore:
                    library.set_num_threads(threads)
                _restore = []
