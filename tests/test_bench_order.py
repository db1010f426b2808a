"""bench/html_peers.py turns the order in which the tools read each page: the first to read a page
pays for bringing its markup into the caches, so a fixed order would tilt the time ratio."""
from __future__ import annotations

import importlib.util

from tests.helpers import ROOT


def _html_peers():
    spec = importlib.util.spec_from_file_location("html_peers", ROOT / "bench" / "html_peers.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_each_tool_reads_first_as_often_as_any_other():
    tool_order = _html_peers().tool_order
    names = ["cleaner", "trafilatura", "justext"]
    orders = [tool_order(names, turn) for turn in range(6)]
    assert all(sorted(order) == sorted(names) for order in orders)
    assert [order[0] for order in orders] == names * 2
    assert tool_order(["cleaner", "trafilatura"], 1) == ["trafilatura", "cleaner"]
    assert tool_order([], 3) == []
