"""The models' matrix products run on one BLAS thread, and the caller's thread pool is given back."""
import threading

import numpy as np
import pytest
from threadpoolctl import threadpool_info, threadpool_limits

import cleaner.model
from cleaner import clean
from cleaner.blas import one_blas_thread

from .helpers import seeds

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
    with one_blas_thread():
        assert blas_threads() == {1}
        with one_blas_thread():
            assert blas_threads() == {1}
        assert blas_threads() == {1}  # the outer block is still inside
    assert blas_threads() == {2}


def test_a_thread_leaving_does_not_widen_the_pool_under_another(two_threads):
    """Another thread enters and leaves while this one is inside: the pool stays narrowed until
    this one, the last, leaves."""
    def enter_and_leave():
        with one_blas_thread():
            pass

    with one_blas_thread():
        other = threading.Thread(target=enter_and_leave)
        other.start()
        other.join(5)
        assert blas_threads() == {1}
    assert blas_threads() == {2}


def test_cleaning_a_page_multiplies_inside_the_narrowed_pool(two_threads, monkeypatch):
    seen = []
    real = cleaner.model.one_blas_thread

    def spy():
        seen.append(None)
        return real()

    monkeypatch.setattr(cleaner.model, "one_blas_thread", spy)
    _, text, expected, _ = next(seeds())  # a real capture
    assert clean(text, kind="text").text == expected.strip()
    assert seen, "the line model's products did not go through one_blas_thread"
    assert blas_threads() == {2}
