"""The models' matrix products run on one BLAS thread, and the caller's thread pool is given back."""
import subprocess
import sys
import threading

import numpy as np
import pytest
from threadpoolctl import threadpool_info, threadpool_limits

from cleaner.blas import _narrowed

np.ones((2, 2)) @ np.ones((2, 2))  # BLAS loaded, so threadpoolctl can see it


def blas_threads() -> set[int]:
    return {info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas"}


@pytest.fixture
def two_threads():
    if not blas_threads():
        pytest.skip("numpy here runs without a BLAS library threadpoolctl can see")
    with threadpool_limits(limits=2, user_api="blas"):
        yield


def test_the_pool_is_narrowed_inside_and_given_back_after(two_threads):
    assert blas_threads() == {2}
    with _narrowed():
        assert blas_threads() == {1}
        with _narrowed():
            assert blas_threads() == {1}
        assert blas_threads() == {1}  # the outer block is still inside
    assert blas_threads() == {2}


def test_a_thread_leaving_does_not_widen_the_pool_under_another(two_threads):
    """Another thread enters and leaves while this one is inside: the pool stays narrowed until
    this one, the last, leaves."""
    def enter_and_leave():
        with _narrowed():
            pass

    with _narrowed():
        other = threading.Thread(target=enter_and_leave)
        other.start()
        other.join(5)
        assert blas_threads() == {1}
    assert blas_threads() == {2}


IMPORT_ORDER = """
import sys
if sys.argv[1] == "numpy first":
    import numpy
import cleaner, cleaner.blas, cleaner.model
from threadpoolctl import threadpool_info, threadpool_limits

def blas_threads():
    return {i["num_threads"] for i in threadpool_info() if i["user_api"] == "blas"}

inside = set()
real = cleaner.model.one_blas_thread
class Spy:
    def __enter__(self):
        self.context = real()
        self.context.__enter__()
        inside.update(blas_threads())
    def __exit__(self, *exc):
        return self.context.__exit__(*exc)
cleaner.model.one_blas_thread = Spy
cleaner.accel.mlpforward = None  # numpy's path, the one that calls BLAS (the C forward pass does not)
with threadpool_limits(limits=2, user_api="blas"):
    cleaner.clean("A first paragraph of a story, long enough to be read as one.\\n" * 3, kind="text")
    after = blas_threads()
print(cleaner.blas.NUMPY_BEFORE_CLEANER, sorted(inside), sorted(after))
"""


@pytest.mark.parametrize("order, inside", [("numpy first", "[1]"), ("cleaner first", "[2]")])
def test_only_a_pool_sized_before_cleaner_is_narrowed(order, inside):
    """With numpy imported first the pool was sized before cleaner's thread variables: cleaner
    narrows it around its products and gives it back. Imported first, cleaner leaves a pool the
    caller widened later alone."""
    out = subprocess.run([sys.executable, "-c", IMPORT_ORDER, order], capture_output=True, text=True,
                         timeout=120, check=True).stdout.split()
    assert out == [str(order == "numpy first"), inside, "[2]"]
