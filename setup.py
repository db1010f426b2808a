"""The optional C accelerators (cleaner/_c/). Everything else about the package is in pyproject.toml.

Each extension is optional: where it cannot be built (no compiler, no Python headers) the install
still succeeds and cleaner runs its pure-Python path, which gives the same output (see
cleaner/accel.py).
"""
from setuptools import Extension, setup

ACCELERATORS = [
    Extension("cleaner._linefeatures", ["cleaner/_c/linefeatures.c"],
              depends=["cleaner/_c/buffers.h", "cleaner/_c/intlog.h"], optional=True),
    Extension("cleaner._pagecontext", ["cleaner/_c/pagecontext.c"],
              depends=["cleaner/_c/buffers.h", "cleaner/_c/intlog.h", "cleaner/_c/pylist.h"], optional=True),
    Extension("cleaner._mlpinput", ["cleaner/_c/mlpinput.c"], depends=["cleaner/_c/buffers.h"],
              optional=True),
    Extension("cleaner._mlpforward", ["cleaner/_c/mlpforward.c"],
              depends=["cleaner/_c/buffers.h", "cleaner/_c/mlpkernel.h"],
              optional=True),
    Extension("cleaner._linescan", ["cleaner/_c/linescan.c"], depends=["cleaner/_c/pylist.h"], optional=True),
    Extension("cleaner._dumptext", ["cleaner/_c/dumptext.c"], depends=["cleaner/_c/pylist.h"], optional=True),
    Extension("cleaner._document", ["cleaner/_c/document.c"], depends=["cleaner/_c/buffers.h"],
              optional=True),
]

setup(ext_modules=ACCELERATORS)
