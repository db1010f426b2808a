"""cleaner: strip boilerplate from scraped pages (HTML or flattened text) and keep the article body."""
from .api import Cleaner, clean
from .document import Document, Removal
from .errors import CleanerError, ConfigError, InputError
from .options import Options
from .result import CleanResult

__all__ = ["clean", "Cleaner", "CleanResult", "Document", "Removal", "Options", "CleanerError",
           "ConfigError", "InputError"]
__version__ = "0.1.0"
