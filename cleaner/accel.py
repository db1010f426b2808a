"""The optional C accelerators (`cleaner/_c/`), each a module or None when it is not in use.

They compute what the pure-Python path computes, faster, and the tests run both on real pages
and compare them. An accelerator is None when it was not built (no compiler where cleaner was
installed: the build is optional, so installing never fails for it) or when the environment
variable CLEANER_PURE_PYTHON is set to anything but "" or "0", which forces the pure-Python
path everywhere (to compare the two, or to rule the C code out when chasing a bug). Callers read
the module's attributes at call time, so a test can switch one off for a call.
"""
from __future__ import annotations

import importlib
import os
from types import ModuleType

PURE_PYTHON_ENV = "CLEANER_PURE_PYTHON"
# The accelerators, by the attribute each is reached by.
MODULES = {"linefeatures": "cleaner._linefeatures", "pagecontext": "cleaner._pagecontext",
           "mlpinput": "cleaner._mlpinput", "mlpforward": "cleaner._mlpforward",
           "linescan": "cleaner._linescan", "dumptext": "cleaner._dumptext", "document": "cleaner._document"}


def pure_python_forced() -> bool:
    return os.environ.get(PURE_PYTHON_ENV, "") not in ("", "0")


def _load(module: str) -> ModuleType | None:
    if pure_python_forced():
        return None
    try:
        return importlib.import_module(module)
    except ImportError:
        return None


linefeatures = _load(MODULES["linefeatures"])
pagecontext = _load(MODULES["pagecontext"])
mlpinput = _load(MODULES["mlpinput"])
mlpforward = _load(MODULES["mlpforward"])
linescan = _load(MODULES["linescan"])
dumptext = _load(MODULES["dumptext"])
document = _load(MODULES["document"])


def status() -> dict[str, bool]:
    """Which accelerators are in use."""
    return {name: globals()[name] is not None for name in MODULES}


def describe() -> str:
    """One line saying which path cleaning takes (scripts/test.sh prints it)."""
    on = status()
    if all(on.values()):
        return "C accelerators: all in use"
    why = f"{PURE_PYTHON_ENV} is set" if pure_python_forced() else "not built: no C compiler at install?"
    return (f"C accelerators: {', '.join(name for name, used in on.items() if not used)} off ({why}); "
            "the pure-Python path runs instead")
