"""cleaner: strip boilerplate from scraped pages (HTML or flattened text) and keep the article body."""
import os as _os

# The models multiply matrices of a few hundred rows, where a BLAS thread pool only adds hand-off
# and spin-wait costs (tens of times slower on a busy machine); parallelism comes from worker
# processes instead. Applies only if numpy has not been imported yet and the caller has not
# chosen a thread count; otherwise `blas.one_blas_thread` narrows the pool around each product.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    _os.environ.setdefault(_var, "1")
from . import blas as _blas  # noqa: E402,F401  (first: it notes whether numpy came before cleaner)
from .api import Cleaner, clean
from .document import Document, Removal
from .errors import CleanerError, ConfigError, InputError
from .options import Options
from .result import CleanResult

__all__ = ["clean", "Cleaner", "CleanResult", "Document", "Removal", "Options", "CleanerError",
           "ConfigError", "InputError"]
__version__ = "0.1.0"
